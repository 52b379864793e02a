import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../scripts/local/dynamodb-local';
import { startS3Local, type S3Local } from '../../scripts/local/s3-local';

/** One DynamoDB Local (the official jar) for the whole run; each test file creates its own table in it. */
// The test runner runs on the machine's Node (20 here); Lambda runs 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let dynamo: DynamoDbLocal | undefined;
let s3: S3Local | undefined;

export async function setup(project: TestProject) {
  dynamo = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamo.endpoint);
  // one local S3-compatible server too; each test file uses its own bucket in it
  s3 = await startS3Local();
  project.provide('s3Endpoint', s3.endpoint);
}

export async function teardown() {
  await dynamo?.stop();
  await s3?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    s3Endpoint: string;
  }
}
