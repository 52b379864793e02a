import * as z from 'zod';

/**
 * A message to a user (decisions, reminders). The dedupe key makes queuing idempotent: the same reminder can
 * never be queued twice, even when a job runs twice.
 */
export const outboxMessageSchema = z.object({
  messageId: z.string().min(1),
  dedupeKey: z.string().min(1),
  kind: z.string().min(1),
  recipientUserId: z.string().min(1),
  subject: z.string().min(1),
  body: z.string(),
  related: z.object({ entityType: z.string(), entityId: z.string() }),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
