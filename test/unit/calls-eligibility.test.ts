import { describe, expect, it } from 'vitest';
import { defaultCriteria, defaultCriteriaFor } from '../../shared/calls/defaults';
import { evaluateEligibility, judgeCriterion, pendingVerifications } from '../../shared/calls/eligibility';
import { criteriaSetSchema, type Answer, type Answers, type Criterion } from '../../shared/calls/schemas';
import { eligibleAnswersA } from '../../scripts/seed/calls';

const TODAY = '2020-06-15';
const criteria = defaultCriteriaFor(['A', 'B']);
const criterion = (id: string): Criterion => {
  const found = criteria.find((c) => c.criterionId === id);
  if (!found) throw new Error(`No default criterion ${id}`);
  return found;
};

const yes: Answer = { kind: 'yes_no', value: true };
const no: Answer = { kind: 'yes_no', value: false };
const num = (value: number): Answer => ({ kind: 'number', value });
const choice = (value: string): Answer => ({ kind: 'choice', value });
const signed = (signerName?: string, signedOn?: string): Answer => ({ kind: 'signed_attestation', signed: true, signerName, signedOn });
const unsigned: Answer = { kind: 'signed_attestation', signed: false };
const doc = (documentRef: string): Answer => ({ kind: 'document', documentRef });

const eligibleAnswersB = (): Answers => ({
  B1: choice('stable-teams'),
  B2: yes,
  'B3.1': yes,
  'B3.2': signed('Présidente de la communauté de communes', '2020-06-01'),
});

type Case = [label: string, answer: Answer | undefined, status: 'met' | 'unmet' | 'missing', code: string];

/** Each default criterion with the answers at and around its boundary. */
const cases: Record<string, Case[]> = {
  'A1.1': [
    ['operator of a public body: yes', yes, 'met', 'MET'],
    ['not an operator', no, 'unmet', 'UNEXPECTED_ANSWER'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'A1.2': [
    ['structural deficit: no', no, 'met', 'MET'],
    ['structural deficit: yes', yes, 'unmet', 'UNEXPECTED_ANSWER'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'A1.3': [
    ['1.9 FTE (just below 2)', num(1.9), 'unmet', 'BELOW_MINIMUM'],
    ['1.99 FTE', num(1.99), 'unmet', 'BELOW_MINIMUM'],
    ['0 FTE', num(0), 'unmet', 'BELOW_MINIMUM'],
    ['2 FTE (the minimum)', num(2), 'met', 'MET'],
    ['2.1 FTE', num(2.1), 'met', 'MET'],
    ['answered as yes/no instead of a number', yes, 'missing', 'WRONG_ANSWER_KIND'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'A2.1': [
    ['roadmap in the employment field', yes, 'met', 'MET'],
    ['no', no, 'unmet', 'UNEXPECTED_ANSWER'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'A2.2': [
    ['people supported are unemployed', yes, 'met', 'MET'],
    ['no', no, 'unmet', 'UNEXPECTED_ANSWER'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'A2.3': [
    ['proven relations with the SPE', yes, 'met', 'MET'],
    ['none', no, 'unmet', 'UNEXPECTED_ANSWER'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  A3: [
    ['company-oriented strategy', yes, 'met', 'MET'],
    ['no', no, 'unmet', 'UNEXPECTED_ANSWER'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'A4.1': [
    ['consistent with the action plan', yes, 'met', 'MET'],
    ['no', no, 'unmet', 'UNEXPECTED_ANSWER'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'A4.2': [
    ['signed by the president, dated today', signed('Jeanne Petit', TODAY), 'met', 'MET'],
    ['signed yesterday', signed('Jeanne Petit', '2020-06-14'), 'met', 'MET'],
    ['dated tomorrow', signed('Jeanne Petit', '2020-06-16'), 'unmet', 'SIGNED_IN_FUTURE'],
    ['not signed', unsigned, 'unmet', 'NOT_SIGNED'],
    ['signed, no signer name', signed(undefined, TODAY), 'missing', 'SIGNER_MISSING'],
    ['signed, no date', signed('Jeanne Petit'), 'missing', 'SIGNATURE_DATE_MISSING'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'A5.1': [
    ['existing contract allows it', choice('existing-contract'), 'met', 'MET'],
    ['future contract includes it', choice('future-contract'), 'met', 'MET'],
    ['neither', choice('none'), 'unmet', 'CHOICE_NOT_ACCEPTED'],
    ['a value that is no option', choice('maybe'), 'missing', 'UNKNOWN_CHOICE'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'A5.2': [
    ['co-signed by the prescriber', signed('Vice-président du département', '2020-05-02'), 'met', 'MET'],
    ['co-signature missing (not signed)', unsigned, 'unmet', 'NOT_SIGNED'],
    ['co-signed after today', signed('Vice-président du département', '2021-01-01'), 'unmet', 'SIGNED_IN_FUTURE'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'A5.3': [
    ['timetable provided', doc('calendrier.pdf'), 'met', 'MET'],
    ['empty reference', doc(''), 'missing', 'DOCUMENT_MISSING'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  B1: [
    ['stable teams', choice('stable-teams'), 'met', 'MET'],
    ['ad-hoc team planned', choice('ad-hoc-team'), 'met', 'MET'],
    ['neither', choice('neither'), 'unmet', 'CHOICE_NOT_ACCEPTED'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  B2: [
    ['company-oriented strategy', yes, 'met', 'MET'],
    ['no', no, 'unmet', 'UNEXPECTED_ANSWER'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'B3.1': [
    ['consistent with its strategy', yes, 'met', 'MET'],
    ['no', no, 'unmet', 'UNEXPECTED_ANSWER'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
  'B3.2': [
    ['signed by the president', signed('Présidente', TODAY), 'met', 'MET'],
    ['not signed', unsigned, 'unmet', 'NOT_SIGNED'],
    ['not answered', undefined, 'missing', 'NOT_ANSWERED'],
  ],
};

describe('default criteria of the study', () => {
  it('are a valid criteria set: A1–A5 for operators, B1–B3 for public bodies, stable ids', () => {
    expect(criteriaSetSchema.safeParse(defaultCriteria).success).toBe(true);
    const ids = defaultCriteria.map((c) => c.criterionId);
    expect(ids.filter((id) => id.startsWith('A')).map((id) => id.slice(0, 2))).toEqual(expect.arrayContaining(['A1', 'A2', 'A3', 'A4', 'A5']));
    expect(ids.filter((id) => id.startsWith('B')).map((id) => id.slice(0, 2))).toEqual(expect.arrayContaining(['B1', 'B2', 'B3']));
    for (const c of defaultCriteria) expect(c.hypothesis).toBe(c.criterionId[0]);
    expect(defaultCriteria.filter((c) => c.requiresEvidence).map((c) => c.criterionId)).toEqual(['A1.2', 'A2.3']);
    expect(new Set(defaultCriteria.map((c) => c.kind))).toEqual(new Set(['number', 'yes_no', 'signed_attestation', 'document', 'choice']));
  });

  it('every default criterion has boundary cases below', () => {
    expect(Object.keys(cases).sort()).toEqual(defaultCriteria.map((c) => c.criterionId).sort());
  });

  for (const [id, list] of Object.entries(cases)) {
    describe(id, () => {
      it.each(list)('%s → %s', (_label, answer, status, code) => {
        const judged = judgeCriterion(criterion(id), answer, TODAY);
        expect(judged.status).toBe(status);
        expect(judged.code).toBe(code);
        expect(judged.reason.length).toBeGreaterThan(3);
      });

      it('decides the overall result of an otherwise eligible application', () => {
        const hypothesis = id.startsWith('A') ? 'A' : 'B';
        const base = hypothesis === 'A' ? eligibleAnswersA('2020-06-01') : eligibleAnswersB();
        for (const [, answer, status] of list) {
          const answers = { ...base };
          if (answer) answers[id] = answer;
          else delete answers[id];
          const result = evaluateEligibility({ criteria, hypothesis, answers, today: TODAY });
          const expected = status === 'met' ? 'eligible' : status === 'unmet' ? 'ineligible' : 'incomplete';
          expect(result.status).toBe(expected);
          if (status !== 'met') expect(result.reasons.map((r) => r.criterionId)).toEqual([id]);
        }
      });
    });
  }
});

describe('evaluateEligibility', () => {
  it('gives French reasons with the numbers (1,9 ETP déclarés ; le minimum est de 2 ETP)', () => {
    const result = evaluateEligibility({ criteria, hypothesis: 'A', answers: eligibleAnswersA(TODAY, { 'A1.3': num(1.9) }), today: TODAY });
    expect(result.status).toBe('ineligible');
    expect(result.reasons).toEqual([{ criterionId: 'A1.3', code: 'BELOW_MINIMUM', reason: '1,9 ETP déclarés ; le minimum est de 2 ETP.' }]);
  });

  it('a missing co-signature is unmet under hypothesis A and irrelevant under hypothesis B', () => {
    const underA = evaluateEligibility({ criteria, hypothesis: 'A', answers: eligibleAnswersA(TODAY, { 'A5.2': unsigned }), today: TODAY });
    expect(underA.status).toBe('ineligible');
    expect(underA.results.find((r) => r.criterionId === 'A5.2')).toMatchObject({ status: 'unmet', code: 'NOT_SIGNED' });

    const underB = evaluateEligibility({ criteria, hypothesis: 'B', answers: { ...eligibleAnswersB(), 'A5.2': unsigned }, today: TODAY });
    expect(underB.status).toBe('eligible');
    expect(underB.results.map((r) => r.criterionId)).not.toContain('A5.2');
  });

  it('never applies the criteria of the other hypothesis', () => {
    // Every B criterion failing does not touch an A application, and the other way round.
    const failingB: Answers = { B1: choice('neither'), B2: no, 'B3.1': no, 'B3.2': unsigned };
    const a = evaluateEligibility({ criteria, hypothesis: 'A', answers: { ...eligibleAnswersA(TODAY), ...failingB }, today: TODAY });
    expect(a.status).toBe('eligible');
    expect(a.results.every((r) => r.criterionId.startsWith('A'))).toBe(true);
    expect(a.results).toHaveLength(criteria.filter((c) => c.hypothesis === 'A').length);

    const failingA: Answers = Object.fromEntries(Object.keys(cases).filter((id) => id.startsWith('A')).map((id) => [id, cases[id]!.find((c) => c[2] !== 'met' && c[1] !== undefined)![1]!]));
    const b = evaluateEligibility({ criteria, hypothesis: 'B', answers: { ...eligibleAnswersB(), ...failingA }, today: TODAY });
    expect(b.status).toBe('eligible');
    expect(b.results.map((r) => r.criterionId)).toEqual(['B1', 'B2', 'B3.1', 'B3.2']);
  });

  it('without a hypothesis nothing applies and the result is incomplete', () => {
    const result = evaluateEligibility({ criteria, hypothesis: null, answers: eligibleAnswersA(TODAY), today: TODAY });
    expect(result).toMatchObject({ status: 'incomplete', results: [], reasons: [{ code: 'HYPOTHESIS_MISSING' }] });
  });

  it('an unmet criterion wins over a missing one (ineligible), and all reasons are listed', () => {
    const answers = eligibleAnswersA(TODAY, { 'A1.3': num(1), 'A1.2': yes });
    delete answers['A5.3'];
    const result = evaluateEligibility({ criteria, hypothesis: 'A', answers, today: TODAY });
    expect(result.status).toBe('ineligible');
    expect(result.reasons.map((r) => [r.criterionId, r.code])).toEqual([
      ['A1.2', 'UNEXPECTED_ANSWER'],
      ['A1.3', 'BELOW_MINIMUM'],
      ['A5.3', 'NOT_ANSWERED'],
    ]);
  });

  it('criteria needing evidence stay met but pending until staff verify; "not verified" makes them unmet', () => {
    const answers = eligibleAnswersA(TODAY);
    const pending = evaluateEligibility({ criteria, hypothesis: 'A', answers, today: TODAY });
    expect(pending.status).toBe('eligible');
    expect(pendingVerifications(pending)).toEqual(['A1.2', 'A2.3']);

    const verified = evaluateEligibility({ criteria, hypothesis: 'A', answers, today: TODAY, verifications: { 'A1.2': { outcome: 'verified' }, 'A2.3': { outcome: 'verified' } } });
    expect(pendingVerifications(verified)).toEqual([]);

    const refused = evaluateEligibility({ criteria, hypothesis: 'A', answers, today: TODAY, verifications: { 'A2.3': { outcome: 'not_verified' } } });
    expect(refused.status).toBe('ineligible');
    expect(refused.results.find((r) => r.criterionId === 'A2.3')).toMatchObject({ status: 'unmet', code: 'NOT_VERIFIED', verification: 'not_verified' });
  });

  it('custom thresholds: a maximum is inclusive too', () => {
    const custom: Criterion = { criterionId: 'A9', hypothesis: 'A', kind: 'number', unit: 'habitants', max: 50_000, label: 'Population', description: '', requiresEvidence: false };
    expect(judgeCriterion(custom, num(50_000), TODAY).status).toBe('met');
    expect(judgeCriterion(custom, num(50_001), TODAY)).toMatchObject({ status: 'unmet', code: 'ABOVE_MAXIMUM' });
  });
});

describe('criteria set validation', () => {
  it('refuses duplicate ids, a number without threshold and an accepted value that is no option', () => {
    const bad = [
      { criterionId: 'A1', hypothesis: 'A', kind: 'yes_no', expected: true, label: 'Un critère' },
      { criterionId: 'A1', hypothesis: 'A', kind: 'number', unit: 'ETP', label: 'Sans seuil' },
      { criterionId: 'B1', hypothesis: 'B', kind: 'choice', label: 'Choix', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], accepted: ['c'] },
    ];
    const result = criteriaSetSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['1.criterionId', '1.min', '2.accepted.0']));
  });
});
