import { describe, expect, it } from 'vitest';
import { staticPrefix, type ItemType } from '../../shared/db/entity';
import { allItemTypes } from '../../shared/db/entities';

/** Two templates may produce the same key when neither's literal prefix rules the other out. */
function mayOverlap(a: string, b: string): boolean {
  const pa = staticPrefix(a);
  const pb = staticPrefix(b);
  const aFixed = !a.includes('{');
  const bFixed = !b.includes('{');
  if (aFixed && bFixed) return a === b;
  if (aFixed) return a.startsWith(pb);
  if (bFixed) return b.startsWith(pa);
  return pa.startsWith(pb) || pb.startsWith(pa);
}

const keysOf = (t: ItemType) => [
  { where: 'table', pk: t.pk, sk: t.sk },
  ...Object.entries(t.indexes ?? {}).map(([where, k]) => ({ where, pk: k!.pk, sk: k!.sk })),
];

describe('item type registry', () => {
  it('names each type once', () => {
    const names = allItemTypes.map((t) => t.type);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('gives no two types keys that can collide, in the table or in any index', () => {
    const collisions: string[] = [];
    for (const [i, a] of allItemTypes.entries()) {
      for (const b of allItemTypes.slice(i + 1)) {
        for (const ka of keysOf(a)) {
          for (const kb of keysOf(b)) {
            if (ka.where !== kb.where) continue;
            if (mayOverlap(ka.pk, kb.pk) && mayOverlap(ka.sk, kb.sk)) collisions.push(`${a.type} / ${b.type} in ${ka.where}`);
          }
        }
      }
    }
    expect(collisions).toEqual([]);
  });

  it('starts every partition key with a literal prefix', () => {
    for (const t of allItemTypes) for (const k of keysOf(t)) expect(staticPrefix(k.pk).length, `${t.type} ${k.where}`).toBeGreaterThan(0);
  });
});
