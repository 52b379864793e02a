import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';

/** What data access needs: a document client and the table. Passed explicitly so tests can point elsewhere. */
export interface Db {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

export function createDocumentClient(endpoint?: string, region = config.region): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
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
