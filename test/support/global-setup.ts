import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../scripts/local/dynamodb-local';

/** One DynamoDB Local (the official jar) for the whole run; each test file creates its own table in it. */
// The test runner runs on the machine's Node (20 here); Lambda runs 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let dynamo: DynamoDbLocal | undefined;

export async function setup(project: TestProject) {
  dynamo = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamo.endpoint);
}

export async function teardown() {
  await dynamo?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}
