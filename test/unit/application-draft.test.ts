import { describe, expect, it } from 'vitest';
import { updateApplicationBody } from '../../shared/applications/schemas';
import { defaultCriteria } from '../../shared/calls/defaults';
import { draftOf, parseNumber, type Values } from '../../web/src/pages/apply/values';

/**
 * What the application form sends when a draft is saved: whatever is filled, in a body the API's own schema
 * accepts; a half-filled section is held back and said at its fields; the staff and budget facts are typed
 * once, in the structure, and answer A1.3 and A1.2 from there.
 */
const criteria = [...defaultCriteria];
const accepted = (body: Record<string, unknown>) => updateApplicationBody.safeParse({ expectedVersion: 1, ...body });

describe('a draft saved partly filled', () => {
  it('reads numbers as French people type them', () => {
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber('3.5')).toBe(3.5);
    expect(parseNumber('1 200')).toBe(1200);
    expect(parseNumber('1\u202f000,25')).toBe(1000.25);
    expect(parseNumber('1.000,5')).toBe(1000.5);
    expect(parseNumber('trois')).toBeNaN();
    expect(parseNumber('3,5,1')).toBeNaN();
  });

  it('sends only the name and one criterion, in a body the API accepts', () => {
    const { body, unsaved } = draftOf({ 'structure.name': 'Avenir Emploi Gâtine', hypothesis: 'A', 'answers.A1.1': 'oui' }, criteria);
    expect(unsaved).toEqual({});
    expect(accepted(body).success).toBe(true);
    expect(body.structure).toMatchObject({ name: 'Avenir Emploi Gâtine' });
    expect(body.territory).toBeNull();
    expect((body.answers as Record<string, unknown>)['A1.1']).toEqual({ kind: 'yes_no', value: true });
  });

  it('holds back a half-filled section and says what it lacks at each field; the rest is sent', () => {
    const values: Values = { 'structure.name': 'Avenir', 'territory.region': 'Nouvelle-Aquitaine', 'people.0.name': 'Inès Morel', 'people.0.email': 'ines@', hypothesis: 'A' };
    const { body, unsaved } = draftOf(values, criteria);
    expect('territory' in body).toBe(false);
    expect('people' in body).toBe(false);
    expect(unsaved['territory.population']).toEqual(['À renseigner pour enregistrer le territoire.']);
    expect(unsaved['people.0.role']).toEqual(['À renseigner pour enregistrer cette personne.']);
    expect(unsaved['people.0.email']?.[0]).toMatch(/^Adresse électronique non valide/);
    expect(accepted(body).success).toBe(true);
  });

  it('takes A1.3 and A1.2 from the structure, with a decimal comma or point', () => {
    for (const typed of ['3,5', '3.5']) {
      const { body, unsaved } = draftOf({ 'structure.name': 'Avenir', 'structure.staffFte': typed, 'structure.budgetSituation': 'structural-deficit', hypothesis: 'A', 'answers.A1.3': '9' }, criteria);
      expect(unsaved).toEqual({});
      expect(body.structure).toMatchObject({ staffFte: 3.5, budgetSituation: 'structural-deficit' });
      expect(body.answers).toMatchObject({ 'A1.3': { kind: 'number', value: 3.5 }, 'A1.2': { kind: 'yes_no', value: true } });
      expect(accepted(body).success).toBe(true);
    }
  });

  it('says precisely why a figure is not saved, never « Saisissez un nombre »', () => {
    const { body, unsaved } = draftOf({ 'structure.name': 'Avenir', 'structure.staffFte': '2,755', hypothesis: 'A' }, criteria);
    expect('structure' in body).toBe(false);
    expect(body.answers).not.toHaveProperty('A1.3');
    expect(unsaved['structure.staffFte']).toEqual(['Deux décimales au plus, par exemple 2,75 ETP.']);
    expect(draftOf({ 'structure.name': 'Avenir', 'structure.staffFte': 'deux' }, criteria).unsaved['structure.staffFte']).toEqual(['Écrivez l’effectif en chiffres, par exemple 3,5 (virgule ou point).']);
  });

  it('a cleared section is removed, a structure without a name is not sent', () => {
    const { body, unsaved } = draftOf({ 'structure.name': '', hypothesis: 'B' }, criteria);
    expect('structure' in body).toBe(false);
    expect(unsaved['structure.name']?.[0]).toMatch(/^Le nom de la structure est obligatoire/);
    expect(body).toMatchObject({ territory: null, referent: null, people: [], needs: [] });
    expect(accepted(body).success).toBe(true);
  });
});
