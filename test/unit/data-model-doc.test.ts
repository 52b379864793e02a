import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataModelPath, withItemTypeTable } from '../../scripts/docs/data-model';

describe('docs/data-model.md', () => {
  it('lists the item types of the registry as they are (run npm run docs:data-model)', () => {
    const doc = readFileSync(dataModelPath, 'utf8');
    expect(withItemTypeTable(doc)).toBe(doc);
  });
});
