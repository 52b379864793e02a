import { describe, expect, it } from 'vitest';
import { staticPrefix, type IndexTemplate, type ItemType } from '../../shared/db/entity';
import { allItemTypes } from '../../shared/db/entities';

/**
 * Two key templates may produce the same key unless some '#'-separated segment is literal in both and
 * different (a placeholder matches anything, and the remainder of a template after a placeholder in the
 * last segment may be anything too).
 */
function mayOverlap(a: string, b: string): boolean {
  const sa = a.split('#');
  const sb = b.split('#');
  const n = Math.max(sa.length, sb.length);
  for (let i = 0; i < n; i++) {
    const x = sa[i];
    const y = sb[i];
    if (x === undefined || y === undefined) {
      // one template has more segments: only a placeholder (which may hold '#') in the shorter one can absorb them
      const shorter = x === undefined ? sa : sb;
      return shorter.some((segment) => segment.includes('{'));
    }
    const xLiteral = !x.includes('{');
    const yLiteral = !y.includes('{');
    if (xLiteral && yLiteral && x !== y) return false;
    if (xLiteral !== yLiteral) {
      const literal = xLiteral ? x : y;
      const prefix = staticPrefix(xLiteral ? y : x);
      if (!literal.startsWith(prefix)) return false;
    }
    if (!xLiteral && !yLiteral) {
      const px = staticPrefix(x);
      const py = staticPrefix(y);
      if (!px.startsWith(py) && !py.startsWith(px)) return false;
    }
  }
  return true;
}

const keysOf = (t: ItemType) => [
  { where: 'table', pk: t.pk, sk: t.sk },
  ...Object.entries(t.indexes ?? {}).flatMap(([where, k]) =>
    (Array.isArray(k) ? (k as readonly IndexTemplate[]) : [k as IndexTemplate]).map((v) => ({ where, pk: v.pk, sk: v.sk })),
  ),
];

describe('item type registry', () => {
  it('tells keys apart segment by segment', () => {
    expect(mayOverlap('TUTOR#{id}#ASSIGNMENTS', 'TUTOR#{id}#TREQ#{state}')).toBe(false);
    expect(mayOverlap('SEASON#{seasonId}', 'SEASONYEAR#{year}')).toBe(false);
    expect(mayOverlap('ESSAIME#{essaimeId}', 'ESSAIME#{essaimeId}')).toBe(true);
    expect(mayOverlap('PARTICIPANT#{participantId}', 'PARTICIPANT#{participantId}')).toBe(true);
    expect(mayOverlap('ESSAIME', 'PARTICIPANT#{participantId}')).toBe(false);
  });

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
