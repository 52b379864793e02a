import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../scripts/local/dynamodb-local';
import { createDocumentClient, type Db } from '../../shared/db/client';
import type { Deps } from '../../shared/runtime';

/** A fresh table in the run's DynamoDB Local, from the shared key schema. */
export async function createTestDb(): Promise<Db> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: run the tests through vitest (global setup)');
  const tableName = `test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  return { doc: createDocumentClient(endpoint), tableName };
}

export function testDeps(db: Db, now: () => Date = () => new Date()): Deps {
  return { db, now };
}

/** Every item of the table. Tests only: checks that a refused request wrote nothing. */
export async function snapshotTable(db: Db): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(new ScanCommand({ TableName: db.tableName, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}
