import { describe, expect, it } from 'vitest';
import { anonymousEmail, ERASED_TEXT, itemHolds, needlesOf, scrubItem } from '../../shared/read-models/personal-data/rules';

const needles = needlesOf({ name: 'Karim Haddad', email: 'karim.haddad@passerelle.example' });

describe('erasure of copies', () => {
  it('replaces the name and the email anywhere in non-key attributes, whatever the case', () => {
    const item = {
      pk: 'AUDIT#participant#par_1',
      sk: '2020#x',
      type: 'AuditEntry',
      changes: { name: 'Karim Haddad', note: 'Appel de KARIM HADDAD', list: ['karim.haddad@passerelle.example', 3] },
      count: 3,
    };
    const { item: out, changed, inKeys } = scrubItem(item, needles);
    expect(changed).toBe(true);
    expect(inKeys).toEqual([]);
    expect(out).toEqual({
      pk: 'AUDIT#participant#par_1',
      sk: '2020#x',
      type: 'AuditEntry',
      changes: { name: ERASED_TEXT, note: `Appel de ${ERASED_TEXT}`, list: [ERASED_TEXT, 3] },
      count: 3,
    });
    expect(itemHolds(out, needles)).toBe(false);
  });

  it('leaves other items alone and reports data in keys, which cannot be rewritten in place', () => {
    expect(scrubItem({ pk: 'A', sk: 'B', text: 'Rien à voir' }, needles).changed).toBe(false);
    const { inKeys, changed } = scrubItem({ pk: 'X', sk: 'Karim Haddad', gsi1sk: 'karim haddad#1' }, needles);
    expect(changed).toBe(false);
    expect(inKeys).toEqual(['sk', 'gsi1sk']);
  });

  it('replaces a very short name only as a whole value, never inside words', () => {
    const short = needlesOf({ name: 'Al', email: null });
    expect(scrubItem({ pk: 'p', sk: 's', a: 'Al', b: 'Alsace' }, short).item).toMatchObject({ a: ERASED_TEXT, b: 'Alsace' });
  });

  it('makes a placeholder email that names nobody', () => {
    expect(anonymousEmail('par_0d3f-99')).toBe('efface-par0d3f-99@anonyme.invalid');
  });
});
