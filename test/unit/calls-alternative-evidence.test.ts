import { describe, expect, it } from 'vitest';
import { defaultCriteria, defaultCriteriaFor } from '../../shared/calls/defaults';
import { evaluateEligibility, judgeCriterion, pendingVerifications } from '../../shared/calls/eligibility';
import { criteriaSetSchema, type Answer, type Answers } from '../../shared/calls/schemas';
import { eligibleAnswersA } from '../../scripts/seed/calls';

/**
 * The study gives the board president's signature as an example ("ex.") of the structure's commitment (A4,
 * B3): the signature stays the default answer, an equivalent is accepted only once staff verify it, and no
 * other criterion accepts one.
 */
const TODAY = '2020-06-15';
const criteria = defaultCriteriaFor(['A', 'B']);
const board: Answer = { kind: 'alternative', description: 'Délibération du conseil d’administration du 12 mars 2020', documentRef: 'deliberation-ca.pdf' };
const unsigned: Answer = { kind: 'signed_attestation', signed: false };
const evaluate = (answers: Answers, verifications?: Record<string, { outcome: 'verified' | 'not_verified' }>) =>
  evaluateEligibility({ criteria, hypothesis: 'A', answers, today: TODAY, verifications });
const resultOf = (r: ReturnType<typeof evaluate>, id: string) => r.results.find((x) => x.criterionId === id)!;

describe('criteria whose evidence may take several forms', () => {
  it('are the two signatures the study gives as an example, and the defaults stay as they were', () => {
    expect(defaultCriteria.filter((c) => c.alternativeEvidence).map((c) => c.criterionId)).toEqual(['A4.2', 'B3.2']);
    for (const id of ['A4.2', 'B3.2']) {
      const c = defaultCriteria.find((x) => x.criterionId === id)!;
      expect(c).toMatchObject({ kind: 'signed_attestation', requiresEvidence: false });
      expect(c.label).toContain('ex. candidature signée');
    }
    expect(criteriaSetSchema.safeParse(defaultCriteria).success).toBe(true);
    // A signed application is eligible with the same verifications pending as before.
    const signed = evaluate(eligibleAnswersA(TODAY));
    expect(signed.status).toBe('eligible');
    expect(pendingVerifications(signed)).toEqual(['A1.2', 'A2.3']);
    expect(resultOf(signed, 'A4.2')).toMatchObject({ status: 'met', alternative: false, verification: null });
  });

  it('still require the signature when no equivalent is given', () => {
    const result = evaluate(eligibleAnswersA(TODAY, { 'A4.2': unsigned }));
    expect(result.status).toBe('ineligible');
    expect(resultOf(result, 'A4.2')).toMatchObject({ status: 'unmet', code: 'NOT_SIGNED' });
  });

  it('accept an equivalent for submission, but selection waits for staff to verify it', () => {
    const result = evaluate(eligibleAnswersA(TODAY, { 'A4.2': board }));
    expect(result.status).toBe('eligible');
    expect(resultOf(result, 'A4.2')).toMatchObject({ status: 'met', alternative: true, verification: 'pending', requiresEvidence: false });
    expect(resultOf(result, 'A4.2').reason).toContain('à vérifier par l’équipe Ansa');
    expect(pendingVerifications(result)).toEqual(['A1.2', 'A2.3', 'A4.2']);

    const verified = evaluate(eligibleAnswersA(TODAY, { 'A4.2': board }), { 'A1.2': { outcome: 'verified' }, 'A2.3': { outcome: 'verified' }, 'A4.2': { outcome: 'verified' } });
    expect(pendingVerifications(verified)).toEqual([]);
    expect(resultOf(verified, 'A4.2')).toMatchObject({ status: 'met', verification: 'verified' });
    expect(resultOf(verified, 'A4.2').reason).toContain('accepté par l’équipe Ansa');
  });

  it('make the criterion unmet when staff do not accept the equivalent', () => {
    const refused = evaluate(eligibleAnswersA(TODAY, { 'A4.2': board }), { 'A4.2': { outcome: 'not_verified' } });
    expect(refused.status).toBe('ineligible');
    expect(resultOf(refused, 'A4.2')).toMatchObject({ status: 'unmet', code: 'ALTERNATIVE_NOT_VERIFIED', verification: 'not_verified' });
  });

  it('work the same under hypothesis B', () => {
    const answers: Answers = { B1: { kind: 'choice', value: 'stable-teams' }, B2: { kind: 'yes_no', value: true }, 'B3.1': { kind: 'yes_no', value: true }, 'B3.2': board };
    const result = evaluateEligibility({ criteria, hypothesis: 'B', answers, today: TODAY });
    expect(result.status).toBe('eligible');
    expect(pendingVerifications(result)).toEqual(['B3.2']);
  });

  it('are the only ones: an equivalent for any other criterion is unmet, however well described', () => {
    const coSigned = criteria.find((c) => c.criterionId === 'A5.2')!;
    expect(judgeCriterion(coSigned, board, TODAY)).toMatchObject({ status: 'unmet', code: 'ALTERNATIVE_NOT_ACCEPTED' });
    const result = evaluate(eligibleAnswersA(TODAY, { 'A5.2': board, 'A1.3': board }), { 'A5.2': { outcome: 'verified' } });
    expect(result.status).toBe('ineligible');
    expect(result.reasons.map((r) => [r.criterionId, r.code])).toEqual([
      ['A1.3', 'ALTERNATIVE_NOT_ACCEPTED'],
      ['A5.2', 'ALTERNATIVE_NOT_ACCEPTED'],
    ]);
  });

  it('ignore a verification recorded on a signature that needs none', () => {
    const result = evaluate(eligibleAnswersA(TODAY), { 'A4.2': { outcome: 'not_verified' } });
    expect(result.status).toBe('eligible');
    expect(resultOf(result, 'A4.2')).toMatchObject({ status: 'met', verification: null });
  });
});
