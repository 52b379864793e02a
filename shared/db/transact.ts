import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { conflict, type DomainError } from '../errors';
import type { Role } from '../access/principal';
import type { Db } from './client';
import type { AuditRecord } from './audit-record';
import { auditEntryEntity } from './entities/audit';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A write inside a transaction, with the domain error to raise when its condition fails. */
export interface Write {
  item: TransactItem;
  onConditionFailed?: DomainError;
}

export interface Actor {
  userId: string;
  role: Role;
}

/** Who did what, when, on which record. Kept with every change that matters, in the same transaction. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown>;
}

/** Partition of one record's audit trail (the personal-data export lists it). */
export function auditKeys(entityType: string, entityId: string) {
  return { pk: auditEntryEntity.partition('table', { entityType, entityId }) };
}

function auditWrite(db: Db, actor: Actor, at: string, entry: AuditEntry): Write {
  const record: AuditRecord = {
    at,
    actorId: actor.userId,
    actorRole: actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: entry.changes ?? {},
  };
  return { item: { Put: { TableName: db.tableName, Item: auditEntryEntity.toItem(record) } } };
}

/**
 * Commits writes and their audit entries atomically. A failed condition becomes the domain error its write
 * declared (e.g. "call is full", "stale version"), so callers never see a raw DynamoDB exception.
 */
export async function commit(
  db: Db,
  actor: Actor,
  writes: Write[],
  audit: AuditEntry[],
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  const all = [...writes, ...audit.map((entry) => auditWrite(db, actor, at, entry))];
  if (all.length > 100) throw new Error(`A transaction holds at most 100 writes, got ${all.length}`);
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: all.map((w) => w.item) }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) {
        throw all[failed]?.onConditionFailed ?? conflict('CONFLICT', 'The record changed meanwhile; reload and retry');
      }
      if (reasons.some((r) => r.Code === 'TransactionConflict')) {
        throw conflict('TRANSACTION_CONFLICT', 'Another change touched the same records; retry');
      }
    }
    throw error;
  }
}
