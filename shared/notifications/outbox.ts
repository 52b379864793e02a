import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import type { Page, PageQuery } from '../db/pagination';
import { putIfAbsentNow, putNew, queryPageOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { frenchTypography } from '../i18n/french';
import { outboxMessageEntity } from './entities';
import type { OutboxMessage } from './schemas';

export type { OutboxMessage } from './schemas';

/**
 * Messages to users (decisions, reminders) are written to an outbox in the table. Locally the outbox is what
 * you read (GET /outbox); in AWS a stream consumer sends each new message with SES. The dedupe key makes
 * sending idempotent: the same reminder can never be queued twice, even when a job runs twice.
 */
export function newMessage(input: Omit<OutboxMessage, 'messageId' | 'createdAt'>, now: Date): OutboxMessage {
  // Every e-mail gets French typography here, once: « » and ; : ! ? never wrap alone.
  const text = { subject: frenchTypography(input.subject), body: frenchTypography(input.body) };
  return { ...input, ...text, messageId: `msg_${randomUUID()}`, createdAt: now.toISOString() };
}

const alreadyQueued = () => conflict('CONFLICT', 'This message is already queued');

/** As part of a transaction (e.g. publishing decisions): fails the transaction if already queued. */
export function outboxWrite(db: Db, message: OutboxMessage): Write {
  return putNew(db, outboxMessageEntity, message, alreadyQueued());
}

/** Queues a message unless one with the same dedupe key exists; returns whether it was queued. */
export function enqueueOnce(db: Db, message: OutboxMessage): Promise<boolean> {
  return putIfAbsentNow(db, outboxMessageEntity, message);
}

/** Every message, newest first (staff). */
export function listOutbox(db: Db, page: PageQuery): Promise<Page<OutboxMessage>> {
  return queryPageOf(db, outboxMessageEntity, { index: 'gsi1', pk: outboxMessageEntity.partition('gsi1', {}), descending: true }, page);
}

/** The messages of one recipient, newest first. */
export function listOutboxFor(db: Db, userId: string, page: PageQuery): Promise<Page<OutboxMessage>> {
  return queryPageOf(db, outboxMessageEntity, { index: 'gsi2', pk: outboxMessageEntity.partition('gsi2', { recipientUserId: userId }), descending: true }, page);
}
