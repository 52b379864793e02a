import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Counts the writes DynamoDB accepted, whoever sent them (the handlers run in the test's process, through the
 * same DocumentClient class). A refused request that moves the count wrote something. Cheaper than a table
 * snapshot around every request, so a fuzz test can check each of its thousands of requests.
 */
const writeCommand = /^(Put|Update|Delete|TransactWrite|BatchWrite)(Item)?Command$/;
let count = 0;
let installed = false;

export function installWriteCounter(): void {
  if (installed) return;
  installed = true;
  const send = DynamoDBDocumentClient.prototype.send as (...args: unknown[]) => Promise<unknown>;
  DynamoDBDocumentClient.prototype.send = async function (this: DynamoDBDocumentClient, ...args: unknown[]) {
    const out = await send.apply(this, args);
    if (writeCommand.test((args[0] as object)?.constructor?.name ?? '')) count++;
    return out;
  } as typeof DynamoDBDocumentClient.prototype.send;
}

export const writesSoFar = () => count;
