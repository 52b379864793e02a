import { DeleteCommand, GetCommand, PutCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { conflict, type DomainError } from '../errors';
import type { Db } from './client';
import type { Entity, KeyArgs } from './entity';
import { queryAll, queryPage, type Page, type PageQuery } from './pagination';
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

/** One page of a range, with a cursor signed for this very range. */
export function queryPageOf<E extends Entity>(db: Db, entity: E, range: Range, page: PageQuery): Promise<Page<Value<E>>> {
  return queryPage(db, queryInput(range), page, (item) => entity.parse(item) as Value<E>);
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

/** A write of the whole item, with an optional condition decided by the caller. */
export function putItem<E extends Entity>(
  db: Db,
  entity: E,
  value: Value<E>,
  condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown>; onFailed: DomainError },
  extra?: Record<string, unknown>,
): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: entity.toItem(value, extra),
        ...(condition
          ? {
              ConditionExpression: condition.expression,
              ...(condition.names ? { ExpressionAttributeNames: condition.names } : {}),
              ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
            }
          : {}),
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

export function deleteOne<E extends Entity>(db: Db, entity: E, args: Args<E>, condition?: { expression: string; onFailed: DomainError }): Write {
  return {
    item: { Delete: { TableName: db.tableName, Key: entity.key(args), ...(condition ? { ConditionExpression: condition.expression } : {}) } },
    ...(condition ? { onConditionFailed: condition.onFailed } : {}),
  };
}

/** A single write outside a transaction (no audit entry): only for records that are not business changes. */
export async function putNow<E extends Entity>(db: Db, entity: E, value: Value<E>): Promise<void> {
  await db.doc.send(new PutCommand({ TableName: db.tableName, Item: entity.toItem(value) }));
}

export async function deleteNow<E extends Entity>(db: Db, entity: E, args: Args<E>): Promise<void> {
  await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: entity.key(args) }));
}
