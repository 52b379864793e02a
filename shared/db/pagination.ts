import { z } from 'zod';
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { badRequest } from '../errors';
import type { Db } from './client';

/** Query-string part shared by every list route. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const entries = Object.entries(parsed);
      if (entries.length > 0 && entries.every(([, v]) => typeof v === 'string')) {
        return parsed as Record<string, unknown>;
      }
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('INVALID_CURSOR', 'The pagination cursor is not valid', [
    { path: 'cursor', message: 'Use the nextCursor value of a previous page' },
  ]);
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
      ExclusiveStartKey: decodeCursor(page.cursor),
    }),
  );
  return { items: (out.Items ?? []).map(map), nextCursor: encodeCursor(out.LastEvaluatedKey) };
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
