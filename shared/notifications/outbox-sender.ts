import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { Db } from '../db/client';
import { getProfile } from '../identity/repository';
import { logger } from '../logger';
import { outboxMessageEntity } from './entities';
import { outboxMessageSchema, type OutboxMessage } from './schemas';

/**
 * Sends the outbox (shared/notifications/outbox.ts) in AWS: the table stream delivers each new OutboxMessage
 * item; the sender looks up the recipient's email in their profile and sends the message with SES.
 * Logs carry message ids and kinds only, never addresses, names or message text.
 */
export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
}

export interface OutboxSenderPorts {
  /** The recipient's address, or undefined when the user has no profile or no email. */
  recipientEmail: (userId: string) => Promise<string | undefined>;
  /** Sends one email; returns the provider's message id. */
  sendEmail: (email: OutgoingEmail) => Promise<string | undefined>;
}

/** SES errors that will fail again for this message whatever the retry (bad address, rejected content). */
const permanentErrors = new Set(['MessageRejected', 'BadRequestException']);

export function isPermanentSendError(error: unknown): boolean {
  return error instanceof Error && permanentErrors.has(error.name);
}

/** The outbox message a stream record inserts, or undefined for any other record. */
export function outboxMessageOf(record: DynamoDBRecord): OutboxMessage | undefined {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
  if (!outboxMessageEntity.is(item)) return undefined;
  // Parsed here rather than with entity.parse: a malformed message is logged and skipped, not a failed batch.
  const parsed = outboxMessageSchema.safeParse(item);
  if (!parsed.success) {
    logger.error('Outbox item is malformed; not sent', { messageId: String(item.messageId ?? ''), fields: parsed.error.issues.map((i) => i.path.join('.')) });
    return undefined;
  }
  return parsed.data;
}

/**
 * Sends the messages of one stream batch, in order. A message whose recipient has no address, or that SES
 * rejects for good, is logged and skipped (it stays readable in the outbox). On any other failure the batch
 * stops and reports that record: Lambda retries from it, so messages already sent are not sent twice and
 * later ones are not skipped; after the retries the record goes to the failure queue.
 */
export async function sendOutboxRecords(records: DynamoDBRecord[], ports: OutboxSenderPorts): Promise<DynamoDBBatchResponse> {
  for (const record of records) {
    const message = outboxMessageOf(record);
    if (!message) continue;
    const log = { messageId: message.messageId, kind: message.kind };
    try {
      const to = await ports.recipientEmail(message.recipientUserId);
      if (!to) {
        logger.warn('Outbox message not sent: the recipient has no email address', log);
        continue;
      }
      const providerMessageId = await ports.sendEmail({ to, subject: message.subject, body: message.body });
      logger.info('Outbox message sent', { ...log, providerMessageId });
    } catch (error) {
      const errorName = error instanceof Error ? error.name : 'Unknown';
      if (isPermanentSendError(error)) {
        logger.error('Outbox message rejected; not retried', { ...log, errorName });
        continue;
      }
      logger.warn('Outbox message failed; the batch is retried from it', { ...log, errorName });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

/** The recipient's address from their profile item (GetItem USER#<id> / PROFILE). */
export function profileEmailLookup(db: Db): OutboxSenderPorts['recipientEmail'] {
  return async (userId) => {
    const profile = await getProfile(db, userId);
    return profile?.email || undefined;
  };
}

/** Sends plain-text UTF-8 email through SES v2 from `from`. */
export function sesEmailSender(ses: Pick<SESv2Client, 'send'>, from: string): OutboxSenderPorts['sendEmail'] {
  return async ({ to, subject, body }) => {
    const out = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: subject, Charset: 'UTF-8' },
            Body: { Text: { Data: body, Charset: 'UTF-8' } },
          },
        },
      }),
    );
    return out.MessageId;
  };
}
