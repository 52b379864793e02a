import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';

/** What data access needs: a document client and the table. Passed explicitly so tests can point elsewhere. */
export interface Db {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * Bounds on every call, so that a slow or frozen DynamoDB fails the request in seconds (answered 503 by
 * shared/http/errors.ts) instead of holding it until Lambda's 29 s. Three attempts with the SDK's standard
 * strategy (exponential backoff with full jitter): worst case about 3 × requestTimeout + under 1 s of waits.
 * DynamoDB Local (a JVM on a busy test machine) gets more time per attempt than DynamoDB in AWS.
 */
export const dynamoTimeouts = {
  connectionTimeoutMs: 1_000,
  requestTimeoutMs: { aws: 1_300, local: 2_000 },
  maxAttempts: 3,
};

export function createDocumentClient(endpoint?: string, region = config.region): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    maxAttempts: dynamoTimeouts.maxAttempts,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: dynamoTimeouts.connectionTimeoutMs,
      requestTimeout: endpoint ? dynamoTimeouts.requestTimeoutMs.local : dynamoTimeouts.requestTimeoutMs.aws,
      // without it the handler only logs a warning when requestTimeout passes, and keeps waiting
      throwOnRequestTimeout: true,
    },
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

let cached: Db | undefined;

/** The Db of this runtime (Lambda or local server), created once per cold start. */
export function runtimeDb(): Db {
  cached ??= { doc: createDocumentClient(config.dynamodbEndpoint), tableName: config.tableName };
  return cached;
}
