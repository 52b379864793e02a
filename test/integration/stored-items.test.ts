/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../scripts/seed/demo-data';
import type { Entity } from '../../shared/db/entity';
import { allItemTypes } from '../../shared/db/entities';
import { createTestDb, snapshotTable, testDeps } from '../support/db';

/**
 * Every item the demo seed writes (it goes through the use cases: calls to label) is of a registered type,
 * has the keys its type's templates give, and parses by the schema its module bound to it.
 */
const modules = import.meta.glob(['../../shared/**/entities.ts', '../../shared/**/*-entities.ts', '../../shared/db/*.ts', '../../shared/db/entities/*.ts', '../../scripts/seed/entities.ts'], { eager: true }) as Record<string, Record<string, unknown>>;
const isEntity = (value: unknown): value is Entity =>
  typeof value === 'object' && value !== null && 'itemType' in value && 'parse' in value && 'toItem' in value;
const entities = new Map<string, Entity>();
for (const exports of Object.values(modules)) for (const value of Object.values(exports)) if (isEntity(value)) entities.set(value.itemType.type, value);

const matches = (template: string, value: string) =>
  new RegExp(`^${template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`).test(value);

let items: Record<string, unknown>[] = [];
beforeAll(async () => {
  const db = await createTestDb();
  await seedDemoData(testDeps(db));
  items = await snapshotTable(db);
});

describe('stored items of the demo season', () => {
  it('are all of a registered type bound to a schema', () => {
    const registered = new Set(allItemTypes.map((t) => t.type));
    const unknown = [...new Set(items.map((i) => String(i.type)).filter((t) => !registered.has(t) || !entities.has(t)))];
    expect(unknown).toEqual([]);
  });

  it('parse by their schema and carry the keys their templates give', () => {
    const failures: string[] = [];
    for (const item of items) {
      const entity = entities.get(String(item.type));
      if (!entity) continue;
      try {
        entity.parse(item);
        const type = entity.itemType;
        const templates: [string, string][] = [['pk', type.pk], ['sk', type.sk]];
        for (const [index, keys] of Object.entries(type.indexes ?? {})) {
          if (!Array.isArray(keys) && item[`${index}pk`] !== undefined) templates.push([`${index}pk`, (keys as { pk: string }).pk], [`${index}sk`, (keys as { sk: string }).sk]);
        }
        for (const [name, template] of templates) {
          if (!matches(template, String(item[name]))) failures.push(`${item.type} ${name}: ${String(item[name])} does not fit ${template}`);
        }
      } catch (error) {
        failures.push(`${item.type} ${item.pk}/${item.sk}: ${(error as Error).message}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
