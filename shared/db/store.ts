import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { z } from 'zod/mini';
import { conflict, type DomainError } from '../errors';
import type { Db } from './client';
import type { Entity, KeyArgs } from './entity';
import { decodeCursor, encodeCursor, queryAll, queryPage, type Page, type PageQuery } from './pagination';
import type { IndexName } from './table';
import type { Write } from './transact';

/**
 * The one way repositories read and write items: by entity, so that keys come from the registry and every
 * item read back is parsed by its schema. Business conditions (caps, transitions) are passed in by the
 * use case that decides them; this layer only adds the conditions of its own operations.
 */
type Value<E extends Entity> = z.output<E['schema']>;
type Args<E extends Entity> = KeyArgs<E['itemType']['pk']> & KeyArgs<E['itemType']['sk']>;

/** Where a query reads: a partition of the table or of an index, optionally narrowed on the sort key. */
export interface Range {
  index?: IndexName;
  pk: string;
  /** Sort key starts with this. */
  skPrefix?: string;
  /** Sort key between these (inclusive). */
  skBetween?: [string, string];
  /** Newest (highest sort key) first. */
  descending?: boolean;
  filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
  /** Read after one's own write (table only: indexes are eventually consistent). */
  consistent?: boolean;
}

function queryInput(range: Range) {
  const pkName = range.index ? `${range.index}pk` : 'pk';
  const skName = range.index ? `${range.index}sk` : 'sk';
  const names: Record<string, string> = { '#pk': pkName, ...range.filter?.ExpressionAttributeNames };
  const values: Record<string, unknown> = { ':pk': range.pk, ...range.filter?.ExpressionAttributeValues };
  let condition = '#pk = :pk';
  if (range.skPrefix !== undefined) {
    names['#sk'] = skName;
    values[':sk'] = range.skPrefix;
    condition += ' AND begins_with(#sk, :sk)';
  } else if (range.skBetween) {
    names['#sk'] = skName;
    values[':skFrom'] = range.skBetween[0];
    values[':skTo'] = range.skBetween[1];
    condition += ' AND #sk BETWEEN :skFrom AND :skTo';
  }
  return {
    ...(range.index ? { IndexName: range.index } : {}),
    KeyConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...(range.filter?.FilterExpression ? { FilterExpression: range.filter.FilterExpression } : {}),
    ScanIndexForward: !range.descending,
    ...(range.consistent && !range.index ? { ConsistentRead: true } : {}),
  };
}

export async function getOne<E extends Entity>(db: Db, entity: E, args: Args<E>, consistent = false): Promise<Value<E> | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: entity.key(args), ConsistentRead: consistent }));
  return out.Item ? (entity.parse(out.Item) as Value<E>) : undefined;
}

/** Every item of one type in a range (bounded collections only). */
export async function queryAllOf<E extends Entity>(db: Db, entity: E, range: Range): Promise<Value<E>[]> {
  const items = await queryAll(db, queryInput(range));
  return items.filter(entity.is).map((item) => entity.parse(item) as Value<E>);
}

/** Every item of a range, each parsed by the entity its `type` names (a partition holding several types). */
export async function queryAllMixed(db: Db, entities: readonly Entity[], range: Range): Promise<Map<Entity, unknown[]>> {
  const items = await queryAll(db, queryInput(range));
  const out = new Map<Entity, unknown[]>(entities.map((e) => [e, []]));
  for (const item of items) {
    const entity = entities.find((e) => e.is(item));
    if (entity) out.get(entity)!.push(entity.parse(item));
  }
  return out;
}

/** The values of one entity out of a mixed read (each was parsed by that entity's own schema). */
export function valuesOf<E extends Entity>(found: Map<Entity, unknown[]>, entity: E): Value<E>[] {
  return (found.get(entity) ?? []) as Value<E>[];
}

/** One page of a range, with a cursor signed for this very range. */
export function queryPageOf<E extends Entity>(db: Db, entity: E, range: Range, page: PageQuery): Promise<Page<Value<E>>> {
  return queryPage(db, queryInput(range), page, (item) => entity.parse(item) as Value<E>);
}

/**
 * One page of a range narrowed by a filter expression, filled up to `limit` matching items by reading on in
 * chunks; the cursor is the key of the last item returned, so no item is skipped or repeated between pages.
 */
export async function queryFilteredPageOf<E extends Entity>(db: Db, entity: E, range: Range, page: PageQuery): Promise<Page<Value<E>>> {
  if (!range.filter?.FilterExpression) return queryPageOf(db, entity, range, page);
  const input = queryInput(range);
  const keyNames = range.index ? ['pk', 'sk', `${range.index}pk`, `${range.index}sk`] : ['pk', 'sk'];
  const items: Record<string, unknown>[] = [];
  let start = decodeCursor(input, page.cursor);
  let more = true;
  while (items.length < page.limit && more) {
    const out = await db.doc.send(new QueryCommand({ ...input, TableName: db.tableName, Limit: 100, ExclusiveStartKey: start }));
    const found = (out.Items ?? []).filter(entity.is);
    const room = page.limit - items.length;
    items.push(...found.slice(0, room));
    if (found.length > room) break;
    start = out.LastEvaluatedKey;
    more = start !== undefined;
  }
  const last = items.at(-1);
  const nextKey = more && last ? Object.fromEntries(keyNames.map((name) => [name, last[name]])) : undefined;
  return { items: items.map((item) => entity.parse(item) as Value<E>), nextCursor: encodeCursor(input, nextKey) };
}

/** A new item: refused with `onExists` when one with the same key is there. */
export function putNew<E extends Entity>(db: Db, entity: E, value: Value<E>, onExists?: DomainError, extra?: Record<string, unknown>): Write {
  return {
    item: { Put: { TableName: db.tableName, Item: entity.toItem(value, extra), ConditionExpression: 'attribute_not_exists(pk)' } },
    onConditionFailed: onExists ?? conflict('CONFLICT', `This ${entity.itemType.type} already exists`),
  };
}

/** Optimistic locking: lands only if nobody saved since `expectedVersion` was read. */
export function putVersioned<E extends Entity>(db: Db, entity: E, value: Value<E>, expectedVersion: number, onStale?: DomainError): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: entity.toItem(value),
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    },
    onConditionFailed:
      onStale ??
      conflict('STALE_VERSION', 'The record was changed by someone else; reload it and retry', [
        { path: 'body.expectedVersion', message: 'Not the current version' },
      ]),
  };
}

/** A condition of a write, decided by the caller, and the domain error when it fails. */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  onFailed: DomainError;
}

function conditionParts(condition: Omit<Condition, 'onFailed'> | undefined) {
  if (!condition) return {};
  return {
    ConditionExpression: condition.expression,
    ...(condition.names ? { ExpressionAttributeNames: condition.names } : {}),
    ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
  };
}

/** A write of the whole item, with an optional condition decided by the caller. */
export function putItem<E extends Entity>(
  db: Db,
  entity: E,
  value: Value<E>,
  condition?: Condition,
  extra?: Record<string, unknown>,
): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: entity.toItem(value, extra),
        ...conditionParts(condition),
      },
    },
    ...(condition ? { onConditionFailed: condition.onFailed } : {}),
  };
}

/** An update expression on one item (counters, flags), with its condition and the error when it fails. */
export function updateOne<E extends Entity>(
  db: Db,
  entity: E,
  args: Args<E>,
  update: { expression: string; condition?: string; names?: Record<string, string>; values?: Record<string, unknown>; onFailed?: DomainError },
): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: entity.key(args),
        UpdateExpression: update.expression,
        ...(update.condition ? { ConditionExpression: update.condition } : {}),
        ...(update.names ? { ExpressionAttributeNames: update.names } : {}),
        ...(update.values ? { ExpressionAttributeValues: update.values } : {}),
      },
    },
    ...(update.onFailed ? { onConditionFailed: update.onFailed } : {}),
  };
}

export function deleteOne<E extends Entity>(
  db: Db,
  entity: E,
  args: Args<E>,
  condition?: Condition,
): Write {
  return {
    item: {
      Delete: {
        TableName: db.tableName,
        Key: entity.key(args),
        ...conditionParts(condition),
      },
    },
    ...(condition ? { onConditionFailed: condition.onFailed } : {}),
  };
}

/** A single conditional put outside a transaction (no audit entry); says whether the condition let it land. */
export async function putNowIf<E extends Entity>(
  db: Db,
  entity: E,
  value: Value<E>,
  condition: Omit<Condition, 'onFailed'>,
  extra?: Record<string, unknown>,
): Promise<boolean> {
  try {
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: entity.toItem(value, extra), ...conditionParts(condition) }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Writes a new item unless one with its key exists (outside a transaction); says whether it wrote. */
export function putIfAbsentNow<E extends Entity>(db: Db, entity: E, value: Value<E>): Promise<boolean> {
  return putNowIf(db, entity, value, { expression: 'attribute_not_exists(pk)' });
}

/** A single write outside a transaction (no audit entry): only for records that are not business changes. */
export async function putNow<E extends Entity>(db: Db, entity: E, value: Value<E>): Promise<void> {
  await db.doc.send(new PutCommand({ TableName: db.tableName, Item: entity.toItem(value) }));
}

/** A single delete outside a transaction; with a condition, says whether it let the delete land. */
export async function deleteNow<E extends Entity>(db: Db, entity: E, args: Args<E>, condition?: Omit<Condition, 'onFailed'>): Promise<boolean> {
  try {
    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: entity.key(args), ...conditionParts(condition) }));
    return true;
  } catch (error) {
    if (condition && error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * Personal-data export and erasure only (shared/read-models/personal-data): every item of one partition of
 * the table or of an index, as stored (keys and every attribute, any type), because they must show and
 * rewrite whole items whatever module wrote them. The partition key comes from the owning module's entity.
 */
export function readPartitionForPersonalData(db: Db, pk: string, index?: IndexName): Promise<Record<string, unknown>[]> {
  return queryAll(db, queryInput({ pk, ...(index ? { index } : {}) }));
}

/** Personal-data export and erasure only: one item as stored, by its key (from the owning module's entity). */
export async function readItemForPersonalData(db: Db, key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  return (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }))).Item;
}

/**
 * Personal-data erasure only: puts back an item read by the functions above, rewritten in place. It must
 * still be there; with `unchanged`, also at the version read (items without a version: existence only).
 */
export function rewriteForPersonalDataWrite(db: Db, item: Record<string, unknown>, unchanged: boolean): Write {
  const versioned = unchanged && typeof item.version === 'number';
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: item,
        ConditionExpression: versioned ? 'attribute_exists(pk) AND version = :v' : 'attribute_exists(pk)',
        ...(versioned ? { ExpressionAttributeValues: { ':v': item.version } } : {}),
      },
    },
  };
}
