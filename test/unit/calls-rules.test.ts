import { describe, expect, it } from 'vitest';
import { applicationsCsv } from '../../shared/applications/export';
import {
  applicationScore,
  assertSubmittable,
  completenessGaps,
  correctionWindowOpen,
  planDecision,
  rankKey,
  rankKeyRange,
  rubricMismatch,
  weightedScore,
} from '../../shared/applications/rules';
import type { Application } from '../../shared/applications/schemas';
import { applicantView } from '../../shared/applications/views';
import { defaultCriteriaFor, defaultRubric } from '../../shared/calls/defaults';
import { evaluateEligibility } from '../../shared/calls/eligibility';
import { applicationWindowRefusal, assertEditableSetup, openingRefusal } from '../../shared/calls/rules';
import { frenchCsvNumber, parseCsv } from '../../shared/documents/csv';
import { DomainError } from '../../shared/errors';
import { demoApplicationInput } from '../../scripts/seed/calls';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

describe('call window', () => {
  const call = { status: 'open' as const, opensAt: '2020-03-01T00:00:00Z', closesAt: '2020-07-01T00:00:00Z' };
  it('takes applications from the opening to just before the closing instant', () => {
    expect(applicationWindowRefusal(call, new Date('2020-03-01T00:00:00Z'))).toBeNull();
    expect(applicationWindowRefusal(call, new Date('2020-06-30T23:59:59.999Z'))).toBeNull();
    expect(applicationWindowRefusal(call, new Date('2020-07-01T00:00:00Z'))?.code).toBe('CALL_CLOSED');
    expect(applicationWindowRefusal(call, new Date('2020-02-29T23:59:59Z'))?.code).toBe('CALL_NOT_YET_OPEN');
  });
  it('a draft call takes nothing; a closed call takes nothing even before its date', () => {
    expect(applicationWindowRefusal({ ...call, status: 'draft' }, new Date('2020-04-01'))?.code).toBe('CALL_NOT_OPEN');
    expect(applicationWindowRefusal({ ...call, status: 'closed' }, new Date('2020-04-01'))?.code).toBe('CALL_CLOSED');
  });
  it('criteria, hypotheses and rubric are frozen once open', () => {
    expect(codeOf(() => assertEditableSetup({ status: 'draft' }, 'criteria'))).toBeUndefined();
    expect(codeOf(() => assertEditableSetup({ status: 'open' }, 'criteria'))).toBe('CRITERIA_FROZEN');
    expect(codeOf(() => assertEditableSetup({ status: 'closed' }, 'rubric'))).toBe('CALL_FROZEN');
  });
  it('opening needs a criterion per accepted hypothesis and a closing date ahead', () => {
    const draft = { status: 'draft' as const, hypotheses: ['A', 'B'] as ('A' | 'B')[], closesAt: '2020-07-01T00:00:00Z' };
    expect(openingRefusal(draft, defaultCriteriaFor(['A', 'B']), new Date('2020-03-01'))).toBeNull();
    expect(openingRefusal(draft, defaultCriteriaFor(['A']), new Date('2020-03-01'))?.code).toBe('CRITERIA_MISSING');
    expect(openingRefusal(draft, defaultCriteriaFor(['A', 'B']), new Date('2020-08-01'))?.code).toBe('CLOSING_DATE_PASSED');
    expect(openingRefusal({ ...draft, status: 'open' }, defaultCriteriaFor(['A', 'B']), new Date('2020-03-01'))?.code).toBe('CALL_ALREADY_OPEN');
  });
  it('an answer to a correction request may come after the closing date, until its due date', () => {
    const correction = { round: 1, message: 'x', requestedBy: 's', requestedAt: '2020-07-02T00:00:00Z', dueAt: '2020-07-15T00:00:00Z' };
    expect(correctionWindowOpen({ correction }, new Date('2020-07-14T23:00:00Z'))).toBe(true);
    expect(correctionWindowOpen({ correction }, new Date('2020-07-15T00:00:00Z'))).toBe(false);
    expect(correctionWindowOpen({ correction: null }, new Date('2020-07-01'))).toBe(false);
  });
});

describe('rubric scores', () => {
  const all = (n: number) => Object.fromEntries(defaultRubric.map((r) => [r.itemId, n]));
  it('weights the items: all 5 → 100, all 0 → 0, weights matter', () => {
    expect(weightedScore(defaultRubric, all(5))).toBe(100);
    expect(weightedScore(defaultRubric, all(0))).toBe(0);
    // consortium (weight 3) at 5, the rest 0: 15 / 60 = 25
    expect(weightedScore(defaultRubric, { ...all(0), consortium: 5 })).toBe(25);
    // territorial-need (weight 2) at 5, the rest 0: 10 / 60 = 16.7
    expect(weightedScore(defaultRubric, { ...all(0), 'territorial-need': 5 })).toBe(16.7);
  });
  it('refuses scores that miss an item or add one', () => {
    const { adhesion: _a, ...missing } = all(3);
    expect(rubricMismatch(defaultRubric, missing).map((d) => d.path)).toEqual(['body.scores.adhesion']);
    expect(rubricMismatch(defaultRubric, { ...all(3), extra: 2 }).map((d) => d.code)).toEqual(['UNKNOWN_ITEM']);
    expect(rubricMismatch(defaultRubric, all(3))).toEqual([]);
  });
  it('the application score is the mean of its reviewers, null before any', () => {
    expect(applicationScore({})).toBeNull();
    expect(applicationScore({ a: 80, b: 65 })).toBe(72.5);
  });
  it('rank keys sort best first when read descending, unscored last', () => {
    const keys = [rankKey(null, 'app_1'), rankKey(72.5, 'app_2'), rankKey(100, 'app_3'), rankKey(9.9, 'app_4'), rankKey(0, 'app_5')];
    expect([...keys].sort().reverse().map((k) => k.split('#')[1])).toEqual(['app_3', 'app_2', 'app_4', 'app_5', 'app_1']);
    const range = rankKeyRange(70);
    expect(rankKey(70, 'x') >= range.from && rankKey(70, 'x') <= range.to).toBe(true);
    expect(rankKey(69.9, 'x') >= range.from).toBe(false);
    expect(rankKey(null, 'x') >= range.from).toBe(false);
  });
});

describe('decisions', () => {
  const base = { status: 'under_review' as const, decisionPublishedAt: null, decision: null };
  const decided = (outcome: 'selected' | 'waitlisted' | 'rejected', published = false) => ({
    status: outcome,
    decisionPublishedAt: published ? '2020-07-10T00:00:00Z' : null,
    decision: { outcome, rationale: 'r', decidedBy: 's', decidedAt: 'd' },
  });
  it('selecting takes a place, unselecting frees one, other moves none', () => {
    expect(planDecision(base, 'selected').counterDelta).toBe(1);
    expect(planDecision(base, 'rejected').counterDelta).toBe(0);
    expect(planDecision(decided('selected'), 'waitlisted').counterDelta).toBe(-1);
    expect(planDecision(decided('waitlisted'), 'selected').counterDelta).toBe(1);
    expect(planDecision(decided('rejected'), 'waitlisted').counterDelta).toBe(0);
  });
  it('refuses drafts, unchanged decisions and published ones — except a published waitlist', () => {
    expect(codeOf(() => planDecision({ ...base, status: 'draft' }, 'selected'))).toBe('APPLICATION_NOT_IN_REVIEW');
    expect(codeOf(() => planDecision({ ...base, status: 'withdrawn' }, 'rejected'))).toBe('APPLICATION_NOT_IN_REVIEW');
    expect(codeOf(() => planDecision(decided('selected'), 'selected'))).toBe('DECISION_UNCHANGED');
    expect(codeOf(() => planDecision(decided('selected', true), 'rejected'))).toBe('DECISION_PUBLISHED');
    expect(codeOf(() => planDecision(decided('rejected', true), 'selected'))).toBe('DECISION_PUBLISHED');
    expect(planDecision(decided('waitlisted', true), 'selected')).toEqual({ counterDelta: 1, republish: true });
  });
});

function sampleApplication(overrides: Partial<Application> = {}): Application {
  const input = demoApplicationInput('str_erdre-loire', '2020-06-01');
  const criteria = defaultCriteriaFor(['A', 'B']);
  const app: Application = {
    applicationId: 'app_sample-1',
    callId: 'call_sample',
    seasonId: 'sea_sample',
    applicantUserId: 'demo-applicant-envol',
    structureId: 'str_envol',
    status: 'submitted',
    structure: input.structure,
    territory: input.territory!,
    hypothesis: 'A',
    prescriber: input.prescriber!,
    people: input.people!,
    referent: input.referent!,
    needs: input.needs!,
    answers: input.answers!,
    criteriaVersion: 1,
    eligibility: { ...evaluateEligibility({ criteria, hypothesis: 'A', answers: input.answers!, today: '2020-06-15' }), checkedAt: '2020-06-15T00:00:00Z', criteriaVersion: 1 },
    verifications: {},
    reviewerUserIds: ['demo-staff-claire'],
    recusedUserIds: [],
    reviewScores: { 'demo-staff-claire': 80 },
    score: 80,
    correction: null,
    correctionRounds: 0,
    decision: null,
    decisionPublishedAt: null,
    essaimeId: null,
    submittedAt: '2020-06-15T00:00:00Z',
    withdrawnAt: null,
    dossierNumber: null,
    version: 3,
    createdAt: '2020-06-01T00:00:00Z',
    updatedAt: '2020-06-15T00:00:00Z',
  };
  return { ...app, ...overrides };
}

describe('submission', () => {
  it('lists every gap of an incomplete draft', () => {
    const gaps = completenessGaps({ structure: { name: 'X' }, territory: null, hypothesis: 'A', prescriber: null, people: [], referent: null, needs: [] });
    expect(gaps.map((g) => g.path)).toEqual([
      'structure.legalForm',
      'structure.address',
      'structure.staffFte',
      'structure.budgetSituation',
      'structure.missions',
      'structure.publicServed',
      'structure.speRelations',
      'territory',
      'prescriber',
      'people',
      'referent',
      'needs',
    ]);
  });
  it('no prescriber is needed under hypothesis B', () => {
    const app = sampleApplication({ hypothesis: 'B', prescriber: null });
    expect(completenessGaps(app)).toEqual([]);
  });
  it('refuses an ineligible application with the criteria reasons (422 APPLICATION_INELIGIBLE)', () => {
    const app = sampleApplication();
    const eligibility = evaluateEligibility({ criteria: defaultCriteriaFor(['A']), hypothesis: 'A', answers: { ...app.answers, 'A1.3': { kind: 'number', value: 1.9 } }, today: '2020-06-15' });
    try {
      assertSubmittable(app, eligibility);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('APPLICATION_INELIGIBLE');
      expect((error as DomainError).status).toBe(422);
      expect((error as DomainError).details).toEqual([{ path: 'answers.A1.3', code: 'BELOW_MINIMUM', message: '1,9 ETP déclarés ; le minimum est de 2 ETP.' }]);
    }
  });
});

describe('applicant view', () => {
  it('hides reviewers, scores, staff comments and an unpublished decision', () => {
    const app = sampleApplication({
      status: 'rejected',
      decision: { outcome: 'rejected', rationale: 'Consortium fragile', decidedBy: 'demo-staff-claire', decidedAt: '2020-07-02T00:00:00Z' },
      verifications: { 'A1.2': { outcome: 'verified', comment: 'Comptes vus', by: 'demo-staff-thomas', at: '2020-06-20T00:00:00Z' } },
    });
    const view = applicantView(app);
    expect(view.status).toBe('under_review');
    expect(view.decision).toBeNull();
    expect(JSON.stringify(view)).not.toMatch(/reviewScores|reviewerUserIds|demo-staff|Comptes vus|"score"/);
    const published = applicantView({ ...app, decisionPublishedAt: '2020-07-10T00:00:00Z' });
    expect(published.status).toBe('rejected');
    expect(published.decision).toMatchObject({ outcome: 'rejected', rationale: 'Consortium fragile' });
  });
});

describe('CSV export', () => {
  it('parses back for French spreadsheets (semicolons, decimal commas, French dates, BOM), whatever the text holds', () => {
    const tricky = sampleApplication({
      applicationId: 'app_sample-2',
      structure: { ...sampleApplication().structure, name: 'Emploi, "Solidarité" & Cie', missions: 'Ligne 1\nLigne 2 ; suite', address: '=HYPERLINK("x")' },
      score: null,
      reviewScores: {},
    });
    const apps = [sampleApplication(), tricky];
    const csv = applicationsCsv(apps, defaultCriteriaFor(['A', 'B']));
    expect(csv.startsWith('\uFEFFN° de dossier;Structure;')).toBe(true);
    const rows = parseCsv(csv, ';');
    expect(rows).toHaveLength(1 + apps.length);
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['N° de dossier', 'Structure', 'Forme juridique']);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const col = (name: string) => header.indexOf(name);
    expect(rows[2]![col('Structure')]).toBe('Emploi, "Solidarité" & Cie');
    expect(rows[2]![col('Missions')]).toBe('Ligne 1\nLigne 2 ; suite');
    expect(rows[2]![col('Adresse')]).toBe(`'=HYPERLINK("x")`);
    expect(rows[1]![col('Score (sur 100)')]).toBe('80');
    expect(rows[1]![col('A1.3 — réponse')]).toBe('8,5');
    expect(frenchCsvNumber(rows[1]![col('Effectif (ETP)')]!)).toBe(sampleApplication().structure.staffFte);
    expect(rows[1]![col('Déposée le')]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$|^$/);
    expect(rows[1]![col('A1.3 — résultat')]).toBe('Rempli');
    expect(rows[1]![col('B1 — résultat')]).toBe('Sans objet');
    expect(rows[1]![col('Éligibilité')]).toBe('Éligible');
  });
});
