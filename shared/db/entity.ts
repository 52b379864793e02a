import type { z } from 'zod/mini';
import { logger } from '../logger';
import { keyAttributeNames, type IndexName } from './table';

/**
 * An item type of the single table, declared once: its key and index templates ("SEASON#{seasonId}": the
 * text in braces is read from the item, or from what `derive` computes), and whether it holds personal
 * data (what the personal-data export and erasure must look at). The zod schema is bound by the module
 * that owns the type (`defineEntity`), so the storage layer never imports a domain module.
 */
export interface IndexTemplate {
  pk: string;
  sk: string;
}

export interface ItemType {
  type: string;
  pk: string;
  sk: string;
  /**
   * One template per index; or, for an index whose keys change with the item's state (an open request in
   * a tutor's queue, then in their response times), the list of shapes it takes: the owning module fills
   * those (`toItem`'s extra) and the registry still checks them for collisions.
   */
  indexes?: Partial<Record<IndexName, IndexTemplate | readonly IndexTemplate[]>>;
  personal: boolean;
  /** Items that expire (TTL attribute `expiresAt`). */
  expires?: boolean;
  description: string;
}

export const itemType = <const T extends ItemType>(type: T): T => type;

type Params<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Params<Rest> : never;
export type KeyArgs<T extends string> = { [K in Params<T>]: string | number };

/** The literal text before the first placeholder: what the prefix registry compares. */
export const staticPrefix = (template: string) => template.split('{')[0] ?? '';

export function fill(template: string, source: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = source[name];
    if (value === undefined || value === null || value === '') throw new Error(`Key template ${template} needs ${name}`);
    return String(value);
  });
}

const keyNames = new Set([...keyAttributeNames(), 'type', 'expiresAt']);

/** A stored item whose shape is not what its schema says: a bug or a corruption, answered as a logged 500. */
export class CorruptItemError extends Error {
  constructor(type: string, issues: string) {
    super(`A stored ${type} item does not match its schema: ${issues}`);
    this.name = 'CorruptItemError';
  }
}

export interface Entity<T extends ItemType = ItemType, S extends z.ZodMiniType = z.ZodMiniType> {
  itemType: T;
  schema: S;
  /** Primary key of one item. */
  key: (args: KeyArgs<T['pk']> & KeyArgs<T['sk']>) => { pk: string; sk: string };
  /** Partition key value of the table or of an index, for queries. */
  partition: (index: IndexName | 'table', args: Record<string, string | number>) => string;
  /** The whole item to write: keys, index keys, type and the value. */
  toItem: (value: z.output<S>, extra?: Record<string, unknown>) => Record<string, unknown>;
  /** The domain value of a stored item, checked by the schema. */
  parse: (item: Record<string, unknown>) => z.output<S>;
  is: (item: Record<string, unknown>) => boolean;
}

export function defineEntity<const T extends ItemType, S extends z.ZodMiniType>(
  type: T,
  schema: S,
  options: { derive?: (value: z.output<S>) => Record<string, string | number> } = {},
): Entity<T, S> {
  const source = (value: z.output<S>) => ({ ...(value as Record<string, unknown>), ...options.derive?.(value) });
  return {
    itemType: type,
    schema,
    key: (args) => ({ pk: fill(type.pk, args), sk: fill(type.sk, args) }),
    partition: (index, args) => fill(index === 'table' ? type.pk : singleIndex(type, index).pk, args),
    toItem: (value, extra = {}) => {
      const from = source(value);
      const item: Record<string, unknown> = { pk: fill(type.pk, from), sk: fill(type.sk, from) };
      for (const [index, keys] of Object.entries(type.indexes ?? {})) {
        if (isVariants(keys)) continue;
        item[`${index}pk`] = fill(keys.pk, from);
        item[`${index}sk`] = fill(keys.sk, from);
      }
      return { ...item, type: type.type, ...extra, ...(value as Record<string, unknown>) };
    },
    parse: (item) => {
      const value: Record<string, unknown> = {};
      for (const [name, v] of Object.entries(item)) if (!keyNames.has(name)) value[name] = v;
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        logger.error('Corrupt item', { itemType: type.type, issues });
        throw new CorruptItemError(type.type, issues);
      }
      return parsed.data;
    },
    is: (item) => item.type === type.type,
  };
}

const isVariants = (keys: IndexTemplate | readonly IndexTemplate[]): keys is readonly IndexTemplate[] => Array.isArray(keys);

function singleIndex(type: ItemType, index: IndexName): IndexTemplate {
  const keys = type.indexes?.[index];
  if (!keys) throw new Error(`${type.type} items are not in index ${index}`);
  if (isVariants(keys)) throw new Error(`${type.type} takes several shapes in ${index}: its module builds that partition key`);
  return keys;
}
