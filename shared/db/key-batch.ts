import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod/mini';
import { batchGetItems } from './batch';
import type { Db } from './client';
import type { Entity, KeyArgs } from './entity';

type Value<E extends Entity> = z.output<E['schema']>;
type Args<E extends Entity> = KeyArgs<E['itemType']['pk']> & KeyArgs<E['itemType']['sk']>;

/**
 * Items read by key, gathered while a request starts and sent together: the caller's profile and the
 * route's own items in one BatchGetItem (one round trip instead of one per item). Reads asked for after
 * `send` are sent on their own, so a late `get` is slower, never wrong.
 */
export interface KeyBatch {
  /** The item, or undefined when there is none. `consistent` makes the whole batch a strongly consistent read. */
  get<E extends Entity>(entity: E, args: Args<E>, consistent?: boolean): Promise<Value<E> | undefined>;
}

interface Pending {
  key: { pk: string; sk: string };
  entity: Entity;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const keyId = (key: { pk: unknown; sk: unknown }) => `${String(key.pk)}\u0000${String(key.sk)}`;

async function readOne(db: Db, entity: Entity, key: Record<string, unknown>, consistent: boolean): Promise<unknown> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: consistent }));
  return out.Item ? entity.parse(out.Item) : undefined;
}

/** The items found, by key id. */
async function readMany(db: Db, keys: readonly Record<string, unknown>[], consistent: boolean): Promise<Map<string, Record<string, unknown>>> {
  const items = await batchGetItems(db, keys, consistent);
  return new Map(items.map((item) => [keyId(item as { pk: unknown; sk: unknown }), item]));
}

export function keyBatch(db: Db): KeyBatch & { send: () => void } {
  let pending: Pending[] | undefined = [];
  let consistent = false;
  return {
    get<E extends Entity>(entity: E, args: Args<E>, strong = false): Promise<Value<E> | undefined> {
      const key = entity.key(args) as { pk: string; sk: string };
      if (!pending) return readOne(db, entity, key, strong) as Promise<Value<E> | undefined>;
      consistent ||= strong;
      const batch = pending;
      return new Promise((resolve, reject) => batch.push({ key, entity, resolve: resolve as (value: unknown) => void, reject }));
    },
    send() {
      const batch = pending ?? [];
      pending = undefined;
      if (batch.length === 0) return;
      if (batch.length === 1) {
        const only = batch[0]!;
        readOne(db, only.entity, only.key, consistent).then(only.resolve, only.reject);
        return;
      }
      const unique = [...new Map(batch.map((p) => [keyId(p.key), p.key])).values()];
      readMany(db, unique, consistent).then(
        (found) => {
          for (const p of batch) {
            const item = found.get(keyId(p.key));
            try {
              p.resolve(item ? p.entity.parse(item) : undefined);
            } catch (error) {
              p.reject(error);
            }
          }
        },
        (error) => {
          for (const p of batch) p.reject(error);
        },
      );
    },
  };
}
