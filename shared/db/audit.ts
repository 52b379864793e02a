import type { Db } from './client';
import type { AuditRecord } from './audit-record';
import { auditEntryEntity } from './entities/audit';
import type { Page, PageQuery } from './pagination';
import { queryPageOf } from './store';

export { auditRecordSchema, type AuditRecord } from './audit-record';

/** The history of one record, newest first. */
export function listAuditForEntity(db: Db, entityType: string, entityId: string, page: PageQuery): Promise<Page<AuditRecord>> {
  return queryPageOf(db, auditEntryEntity, { pk: auditEntryEntity.partition('table', { entityType, entityId }), descending: true }, page);
}

/** Everything changed on one day (UTC), newest first. */
export function listAuditForDay(db: Db, day: string, page: PageQuery): Promise<Page<AuditRecord>> {
  return queryPageOf(db, auditEntryEntity, { index: 'gsi1', pk: auditEntryEntity.partition('gsi1', { day }), descending: true }, page);
}
