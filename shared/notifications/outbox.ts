import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryPage, type Page, type PageQuery } from '../db/pagination';
import type { Write } from '../db/transact';

/**
 * Messages to users (decisions, reminders) are written to an outbox in the table. Locally the outbox is what
 * you read (GET /outbox); in AWS a stream consumer sends each new message with SES. The dedupe key makes
 * sending idempotent: the same reminder can never be queued twice, even when a job runs twice.
 */
export interface OutboxMessage {
  messageId: string;
  dedupeKey: string;
  kind: string;
  recipientUserId: string;
  subject: string;
  body: string;
  related: { entityType: string; entityId: string };
  createdAt: string;
}

const keys = (dedupeKey: string) => ({ pk: `OUTBOX#${dedupeKey}`, sk: 'MESSAGE' });

function item(message: OutboxMessage) {
  return {
    ...keys(message.dedupeKey),
    gsi1pk: 'OUTBOX',
    gsi1sk: `${message.createdAt}#${message.messageId}`,
    gsi2pk: `OUTBOXTO#${message.recipientUserId}`,
    gsi2sk: `${message.createdAt}#${message.messageId}`,
    type: 'OutboxMessage',
    ...message,
  };
}

export function newMessage(input: Omit<OutboxMessage, 'messageId' | 'createdAt'>, now: Date): OutboxMessage {
  return { ...input, messageId: `msg_${randomUUID()}`, createdAt: now.toISOString() };
}

/** As part of a transaction (e.g. publishing decisions): fails the transaction if already queued. */
export function outboxWrite(db: Db, message: OutboxMessage): Write {
  return { item: { Put: { TableName: db.tableName, Item: item(message), ConditionExpression: 'attribute_not_exists(pk)' } } };
}

/** Queues a message unless one with the same dedupe key exists; returns whether it was queued. */
export async function enqueueOnce(db: Db, message: OutboxMessage): Promise<boolean> {
  try {
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: item(message), ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

const strip = ({ pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, type: _g, ...rest }: Record<string, unknown>) =>
  rest as unknown as OutboxMessage;

/** Every message, newest first (staff). */
export function listOutbox(db: Db, page: PageQuery): Promise<Page<OutboxMessage>> {
  return queryPage(db, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'OUTBOX' }, ScanIndexForward: false }, page, strip);
}

/** The messages of one recipient, newest first. */
export function listOutboxFor(db: Db, userId: string, page: PageQuery): Promise<Page<OutboxMessage>> {
  return queryPage(
    db,
    { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': `OUTBOXTO#${userId}` }, ScanIndexForward: false },
    page,
    strip,
  );
}
