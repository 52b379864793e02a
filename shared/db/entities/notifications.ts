import { itemType } from '../entity';

export const outboxMessage = itemType({
  type: 'OutboxMessage',
  pk: 'OUTBOX#{dedupeKey}',
  sk: 'MESSAGE',
  indexes: {
    gsi1: { pk: 'OUTBOX', sk: '{createdAt}#{messageId}' },
    gsi2: { pk: 'OUTBOXTO#{recipientUserId}', sk: '{createdAt}#{messageId}' },
  },
  personal: true,
  description: 'A message to a user (decision, reminder), keyed by its dedupe key so it is queued once; all messages on gsi1, a recipient\'s on gsi2; the table stream sends it with SES',
});

/** Item types of shared/notifications (key templates, indexes, personal data). */
export const notificationsItemTypes = [outboxMessage];
