import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../web/src/i18n/history';

/** The history's « Détail »: French sentences, never raw JSON, raw codes or ids. */
const plain = (s: string[]) => s.join(' ').replace(/[\u00a0\u202f]/g, ' ');

describe('an audit entry’s changes in French', () => {
  it('names a status change with its labels', () => {
    const text = plain(describeChanges({ status: { from: 'under_review', to: 'waitlisted' }, counterDelta: 1, expectedVersion: 3 }));
    expect(text).toBe('Statut : de « En instruction » à « Liste d’attente ».');
  });

  it('leaves out ids, even under fields it does not know', () => {
    const sentences = describeChanges({ essaimeId: 'ess_1b2c3d4e-0000', from: 'demo-tutor-michel', to: 'demo-tutor-anne', replacedBy: 'par_0a1b2c3d-9', reassignedTo: 'demo-tutor-anne', reason: 'Déménagement' });
    expect(plain(sentences)).toBe('Motif : « Déménagement ».');
    expect(plain(describeChanges({ tutorUserId: { from: 'demo-tutor-michel', to: 'demo-tutor-anne' } }))).toBe('');
  });

  it('never shows a code it has no label for, nor JSON', () => {
    const text = plain(describeChanges({ reason: 'tutor-released', urgency: 'high', late: true, decisions: ['some-new-kind', 'another_kind'], levels: { prospecting: 'partial' } }));
    expect(text).toContain('Motif : « Tuteur libéré de l’essaimé ».');
    expect(text).toContain('Déposé en retard : oui.');
    expect(text).toContain('Décisions : modifié.');
    expect(text).toContain('Niveaux de fidélité : Prospecter les entreprises');
    expect(text).not.toMatch(/[{}"]|some-new-kind|another_kind|partial|high\b/);
    expect(plain(describeChanges({ title: 'Appel 2027', someInternalFlag: 'x', responseWorkingMinutes: 12 }))).toBe('Titre : « Appel 2027 ». Autres changements enregistrés.');
  });

  it('writes dates and numbers the French way', () => {
    const text = plain(describeChanges({ date: { from: '2026-11-25', to: '2026-12-01' }, durationMinutes: 90 }));
    expect(text).toContain('Date : de 25 novembre 2026 à 1er décembre 2026.');
    expect(text).toContain('Durée (minutes) : 90.');
  });
});
