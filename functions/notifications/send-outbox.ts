import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { config } from '../../shared/config';
import { runtimeDb } from '../../shared/db/client';
import { logger } from '../../shared/logger';
import { profileEmailLookup, sendOutboxRecords, sesEmailSender } from '../../shared/notifications/outbox-sender';

let ses: SESv2Client | undefined;

/** Table stream consumer (AWS only): sends each new outbox message with SES. Locally the outbox is read with GET /outbox. */
export const handler = middy(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const from = config.senderAddress; // fails loudly when SENDER_ADDRESS is missing
  ses ??= new SESv2Client({ region: config.region });
  return sendOutboxRecords(event.Records, { recipientEmail: profileEmailLookup(runtimeDb()), sendEmail: sesEmailSender(ses, from) });
}).use(injectLambdaContext(logger));
