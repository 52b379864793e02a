import * as z from 'zod/mini';

/** One entry of a record's history, as stored and as GET /audit/{entityType}/{entityId} answers it. */
export const auditRecordSchema = z.object({
  at: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.unknown()),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;
