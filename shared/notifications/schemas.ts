import * as z from 'zod/mini';

/**
 * A message to a user (decisions, reminders). The dedupe key makes queuing idempotent: the same reminder can
 * never be queued twice, even when a job runs twice.
 */
export const outboxMessageSchema = z.object({
  messageId: z.string().check(z.minLength(1)),
  dedupeKey: z.string().check(z.minLength(1)),
  kind: z.string().check(z.minLength(1)),
  recipientUserId: z.string().check(z.minLength(1)),
  subject: z.string().check(z.minLength(1)),
  body: z.string(),
  related: z.object({ entityType: z.string(), entityId: z.string() }),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
