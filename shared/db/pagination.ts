import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';
import { badRequest } from '../errors';
import type { Db } from './client';

/** Query-string part shared by every list route. */
export const pageQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))).check(z.describe('The nextCursor of the previous page of the same list')),
});
export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The answer schema of a list: `{ items, nextCursor }`. */
export const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** What identifies a list: the same query with another start key is the same list. */
export type ListIdentity = Pick<QueryCommandInput, 'IndexName' | 'KeyConditionExpression' | 'ExpressionAttributeValues' | 'FilterExpression'>;

function listTag(list: ListIdentity): string {
  const values = Object.entries(list.ExpressionAttributeValues ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([list.IndexName ?? '', list.KeyConditionExpression ?? '', list.FilterExpression ?? '', values]);
}

function signature(list: ListIdentity, keyJson: string): Buffer {
  return createHmac('sha256', config.cursorSecret).update(listTag(list)).update('\n').update(keyJson).digest().subarray(0, 16);
}

const invalidCursor = () =>
  badRequest('INVALID_CURSOR', 'The pagination cursor is not valid', [
    { path: 'query.cursor', message: 'Use the nextCursor value of a previous page of this list' },
  ]);

/** A cursor is the last key read, signed together with the list it belongs to. */
export function encodeCursor(list: ListIdentity, key: Record<string, unknown> | undefined): string | null {
  if (!key) return null;
  const keyJson = JSON.stringify(key);
  return `${Buffer.from(keyJson, 'utf8').toString('base64url')}.${signature(list, keyJson).toString('base64url')}`;
}

/** Accepts only a cursor this list handed out; a crafted or foreign cursor is a 400, never a DynamoDB error. */
export function decodeCursor(list: ListIdentity, cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  const [encodedKey, encodedSignature, extra] = cursor.split('.');
  if (!encodedKey || !encodedSignature || extra !== undefined) throw invalidCursor();
  const keyJson = Buffer.from(encodedKey, 'base64url').toString('utf8');
  const given = Buffer.from(encodedSignature, 'base64url');
  const expected = signature(list, keyJson);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
  try {
    const parsed: unknown = JSON.parse(keyJson);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // a signed but unreadable key cannot come from us: same answer as a forged one
  }
  throw invalidCursor();
}

/** One page of a Query, mapped to domain objects. */
export async function queryPage<T>(
  db: Db,
  input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  page: PageQuery,
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const out = await db.doc.send(
    new QueryCommand({
      ...input,
      TableName: db.tableName,
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(input, page.cursor),
    }),
  );
  return { items: (out.Items ?? []).map(map), nextCursor: encodeCursor(input, out.LastEvaluatedKey) };
}

/** Every item of a partition (bounded collections only: memberships, criteria, a call's sessions). */
export async function queryAll(
  db: Db,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(new QueryCommand({ ...input, TableName: db.tableName, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
