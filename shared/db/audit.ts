import type { Db } from './client';
import { queryPage, type Page, type PageQuery } from './pagination';
import { auditKeys } from './transact';

export interface AuditRecord {
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, unknown>;
}

function toRecord(item: Record<string, unknown>): AuditRecord {
  return {
    at: item.at as string,
    actorId: item.actorId as string,
    actorRole: item.actorRole as string,
    action: item.action as string,
    entityType: item.entityType as string,
    entityId: item.entityId as string,
    changes: (item.changes as Record<string, unknown>) ?? {},
  };
}

/** The history of one record, newest first. */
export function listAuditForEntity(db: Db, entityType: string, entityId: string, page: PageQuery): Promise<Page<AuditRecord>> {
  return queryPage(
    db,
    {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': auditKeys(entityType, entityId).pk },
      ScanIndexForward: false,
    },
    page,
    toRecord,
  );
}

/** Everything changed on one day (UTC), newest first. */
export function listAuditForDay(db: Db, day: string, page: PageQuery): Promise<Page<AuditRecord>> {
  return queryPage(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDITDAY#${day}` },
      ScanIndexForward: false,
    },
    page,
    toRecord,
  );
}
