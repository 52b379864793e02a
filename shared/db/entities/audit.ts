import { randomUUID } from 'node:crypto';
import { auditRecordSchema } from '../audit-record';
import { defineEntity, itemType } from '../entity';

export const auditEntry = itemType({
  type: 'AuditEntry',
  pk: 'AUDIT#{entityType}#{entityId}',
  sk: '{at}#{entryId}',
  indexes: {
    gsi1: { pk: 'AUDITDAY#{day}', sk: '{at}' },
    gsi2: { pk: 'AUDITACTOR#{actorId}', sk: '{at}' },
  },
  personal: true,
  description: 'Who changed what, when, on one record; written in the same transaction as the change. By UTC day on gsi1, by actor on gsi2',
});

/** Item types of the audit trail (shared/db/transact.ts writes them, shared/db/audit.ts reads them). */
export const auditItemTypes = [auditEntry];

/**
 * Bound here rather than in a domain module: the audit trail belongs to the storage layer. The day index
 * keeps the UTC day of `at` (existing data); each entry gets its own id so two changes at the same
 * millisecond never overwrite each other.
 */
export const auditEntryEntity = defineEntity(auditEntry, auditRecordSchema, {
  derive: (record) => ({ day: record.at.slice(0, 10), entryId: randomUUID() }),
});
