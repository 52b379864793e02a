import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod/mini';
import type { Db } from './client';
import type { Entity, KeyArgs } from './entity';

/**
 * Batch reads and writes by entity (keys from the registry, items parsed by their schema). BatchGetItem reads
 * up to 100 items in one round trip; BatchWriteItem puts up to 25 without conditions, so it is only for data
 * that needs none (bulk loads: the bench, imports), never for a use case's change.
 */
type Value<E extends Entity> = z.output<E['schema']>;
type Args<E extends Entity> = KeyArgs<E['itemType']['pk']> & KeyArgs<E['itemType']['sk']>;

const chunks = <T>(xs: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The raw items of `keys` (table keys) that exist, in one BatchGetItem per 100 keys, unprocessed keys asked
 * again; `consistent` reads them strongly.
 */
export async function batchGetItems(db: Db, keys: readonly Record<string, unknown>[], consistent = false): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (const part of chunks(keys, 100)) {
    let pending: Record<string, unknown>[] | undefined = part;
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 0) await pause(Math.min(1000, 20 * 2 ** attempt));
      const out = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending, ConsistentRead: consistent } } }));
      found.push(...(out.Responses?.[db.tableName] ?? []));
      pending = out.UnprocessedKeys?.[db.tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}

/** The items of `keys` that exist, parsed by their entity's schema. */
export async function getManyOf<E extends Entity>(db: Db, entity: E, keys: readonly Args<E>[]): Promise<Value<E>[]> {
  const items = await batchGetItems(db, keys.map((k) => entity.key(k)));
  return items.map((item) => entity.parse(item) as Value<E>);
}

/** A bulk load outlives a slow moment of the database: puts are idempotent, so a timed-out batch is sent again (5 times at most). */
async function sendRetried<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const e = error as { name?: string; code?: string };
      const transient = e.name === 'TimeoutError' || e.code === 'ETIMEDOUT' || e.name === 'ThrottlingException' || e.name === 'ProvisionedThroughputExceededException';
      if (!transient || attempt >= 5) throw error;
      await pause(200 * attempt);
    }
  }
}

/** Puts whole items (from `entity.toItem`) 25 at a time, `concurrency` batches at once, unprocessed items retried. */
export async function putAllNow(db: Db, items: readonly Record<string, unknown>[], concurrency = 4): Promise<void> {
  const batches = chunks(items, 25);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = (batches[next++] ?? []).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 0) await pause(Math.min(1000, 20 * 2 ** attempt));
        const requests = pending;
        const out = await sendRetried(() => db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: requests } })));
        pending = out.UnprocessedItems?.[db.tableName] as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
}
