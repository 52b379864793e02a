import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, parisDay } from '../../shared/calendar';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';
import { oneYearAfter } from '../../shared/governance/committee-rules';
import { snapshotTable } from '../support/db';
import { startTestApi, type TestApi } from '../support/api';

/**
 * Governance over HTTP on the demo data: meetings whose typed decisions apply to the season in the same
 * transaction (or are refused, writing nothing), the essaimés' yearly action plans with their two referents,
 * and each committee on time, due or late.
 */
let api: TestApi;
const staff = 'demo-staff-claire';
const today = parisDay(new Date());
const planYear = Number(today.slice(0, 4));
let cohortSeason: string;
let passerelle: string;
let jura: string;
let fresh: string;

const members = [{ name: 'Claire Moreau', organisation: 'Ansa', userId: staff }, { name: 'Co-directrice', organisation: 'A.CO.R.' }];
const meeting = (body: 'steering-body' | 'governance-committee', decisions: unknown[], date = today) => ({ body, date, membersPresent: members, decisions });
const referents = {
  structure: { name: 'Nadia Benali', position: 'Directrice', organisation: 'Passerelle', userId: 'demo-referent-passerelle' },
  programme: { name: 'Claire Moreau', position: 'Responsable du programme', organisation: 'Ansa', userId: staff },
};
const plan = (expectedVersion: number, objective = 'Rencontrer vingt entreprises du bassin') => ({
  expectedVersion,
  referents,
  actions: [{ objective, actions: 'Deux CRE prospectent chaque semaine ; le tuteur relit le fichier entreprises.', indicators: 'Entreprises rencontrées par mois', axis: 'prospecting' }],
});

const post = (seasonId: string, body: unknown) => api.call('POST', `/seasons/${seasonId}/steering-meetings`, { as: staff, body });
const governance = async (seasonId: string) => {
  const res = await api.call('GET', `/seasons/${seasonId}/governance`, { as: staff });
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const season = async (seasonId: string) => (await api.call('GET', `/seasons/${seasonId}`, { as: staff })).body;

beforeAll(async () => {
  api = await startTestApi();
  const seasons = (await api.call('GET', '/seasons?limit=100', { as: staff })).body.items as { seasonId: string; year: number }[];
  cohortSeason = seasons.find((s) => s.year === demoSeasonYears().cohort)!.seasonId;
  const essaimes = (await api.call('GET', `/seasons/${cohortSeason}/essaimes?limit=50`, { as: staff })).body.items as { essaimeId: string; structureId: string }[];
  passerelle = essaimes.find((e) => e.structureId === 'str_passerelle')!.essaimeId;
  jura = essaimes.find((e) => e.structureId === 'str_jura-service')!.essaimeId;
  // A season that started more than a year ago and whose committees never met.
  const created = await api.call('POST', '/seasons', {
    as: staff,
    body: { name: 'Saison de test gouvernance', year: 2090, startDate: addDays(today, -400), endDate: addDays(today, 300) },
  });
  expect(created.status, created.text).toBe(201);
  fresh = created.body.seasonId;
});
afterAll(() => api?.stop());

describe('the committees meet at least once a year', () => {
  it('shows a committee that never met in more than a year as late, and on time once it met', async () => {
    const before = await governance(fresh);
    expect(before.committees.map((c: { body: string; state: string }) => [c.body, c.state])).toEqual([
      ['steering-body', 'late'],
      ['governance-committee', 'late'],
    ]);
    expect(before.committees[0]).toMatchObject({ lastMeetingOn: null, dueBy: oneYearAfter(addDays(today, -400)), meetings: 0 });
    const held = await post(fresh, meeting('steering-body', [{ type: 'note', text: 'Point d’étape.' }]));
    expect(held.status, held.text).toBe(201);
    const after = await governance(fresh);
    expect(after.committees[0]).toMatchObject({ body: 'steering-body', lastMeetingOn: today, state: 'on-time', meetings: 1 });
    expect(after.committees[1]).toMatchObject({ body: 'governance-committee', state: 'late' });
    expect((await api.call('GET', `/seasons/${fresh}/governance`, { as: 'demo-tutor-michel' })).status).toBe(403);
  });
});

describe('typed decisions apply to the season when the meeting is recorded', () => {
  it('refuses the decisions the study does not allow, and writes nothing', async () => {
    const db = api.product.deps.db;
    const before = await snapshotTable(db);
    const notByThatBody = await post(fresh, meeting('steering-body', [{ type: 'choose-hypotheses', hypotheses: ['A'] }]));
    expect(notByThatBody.status).toBe(422);
    expect(notByThatBody.body.error).toMatchObject({ code: 'DECISION_NOT_FOR_BODY', details: [{ path: 'body.decisions.0.type' }] });
    const indicatorsFirst = await post(fresh, meeting('governance-committee', [{ type: 'validate-indicators', indicators: [{ label: 'Retour à l’emploi' }] }]));
    expect(indicatorsFirst.status).toBe(409);
    expect(indicatorsFirst.body.error.code).toBe('INDICATORS_BEFORE_HYPOTHESES');
    const future = await post(fresh, meeting('governance-committee', [{ type: 'note', text: 'À venir.' }], addDays(today, 1)));
    expect(future.status).toBe(422);
    expect(future.body.error).toMatchObject({ code: 'MEETING_IN_FUTURE', details: [{ path: 'body.date' }] });
    expect(await snapshotTable(db)).toEqual(before);
  });

  it('chooses the hypotheses before the call: applied to the season with the indicators, refused once the call is open', async () => {
    const call = await api.call('POST', '/calls', {
      as: staff,
      body: { seasonId: fresh, title: 'Appel de test', hypotheses: ['A', 'B'], opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    });
    expect(call.status, call.text).toBe(201);
    const onlyA = meeting('governance-committee', [
      { type: 'choose-hypotheses', hypotheses: ['A'] },
      { type: 'validate-indicators', indicators: [{ label: 'Part des personnes accompagnées en emploi', target: '60 % en un an' }] },
    ]);
    // The draft call accepts B, which the decision drops: change the call first.
    const dropped = await post(fresh, onlyA);
    expect(dropped.status).toBe(409);
    expect(dropped.body.error.code).toBe('DRAFT_CALL_OUTSIDE_HYPOTHESES');
    expect((await season(fresh)).hypotheses).toEqual(['A', 'B']);
    const patched = await api.call('PATCH', `/calls/${call.body.callId}`, { as: staff, body: { expectedVersion: call.body.version, hypotheses: ['A'] } });
    expect(patched.status, patched.text).toBe(200);

    const recorded = await post(fresh, onlyA);
    expect(recorded.status, recorded.text).toBe(201);
    expect(recorded.body.decisions).toEqual([
      { type: 'choose-hypotheses', hypotheses: ['A'], text: 'Hypothèse retenue : A (opérateur d’une collectivité).' },
      { type: 'validate-indicators', indicators: [{ label: 'Part des personnes accompagnées en emploi', target: '60 % en un an' }], text: 'Indicateurs de résultat validés : Part des personnes accompagnées en emploi (60 % en un an).' },
    ]);
    const after = await season(fresh);
    expect(after.hypotheses).toEqual(['A']);
    const status = await governance(fresh);
    expect(status.hypotheses).toEqual({ hypotheses: ['A'], meetingId: recorded.body.meetingId, date: today });
    expect(status.indicators).toMatchObject({ meetingId: recorded.body.meetingId, indicators: [{ target: '60 % en un an' }] });
    expect(status.committees[1]).toMatchObject({ body: 'governance-committee', state: 'on-time' });
    const audit = await api.call('GET', `/audit/season/${fresh}?limit=20`, { as: staff });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['season.hypotheses-chosen', 'season.indicators-validated']));

    const opened = await api.call('POST', `/calls/${call.body.callId}/open`, { as: staff });
    expect(opened.status, opened.text).toBe(200);
    const late = await post(fresh, meeting('governance-committee', [{ type: 'choose-hypotheses', hypotheses: ['A', 'B'] }]));
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'CALL_ALREADY_OPEN', details: [{ path: 'body.decisions.0.hypotheses' }] });
    expect((await season(fresh)).hypotheses).toEqual(['A']);
    // A call's hypotheses must be among the season's: the decision now binds new calls.
    const outside = await api.call('POST', '/calls', {
      as: staff,
      body: { seasonId: fresh, title: 'Autre appel', hypotheses: ['B'], opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(outside.body.error.code).toBe('HYPOTHESIS_NOT_IN_SEASON');
  });
});

describe("an essaimé's yearly action plan with its two referents", () => {
  const url = () => `/essaimes/${passerelle}/action-plans/${planYear}`;

  it('is written by staff or the structure’s referent, with optimistic locking, and read by its tutor', async () => {
    expect((await api.call('PUT', url(), { as: 'demo-referent-jura', body: plan(0) })).status).toBe(404);
    expect((await api.call('PUT', url(), { as: 'demo-tutor-michel', body: plan(0) })).status).toBe(403);
    const missingReferent = await api.call('PUT', url(), { as: 'demo-referent-passerelle', body: { ...plan(0), referents: { structure: referents.structure } } });
    expect(missingReferent.status).toBe(400);
    expect(missingReferent.body.error.details[0].path).toBe('body.referents.programme');
    const created = await api.call('PUT', url(), { as: 'demo-referent-passerelle', body: plan(0) });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({ year: planYear, status: 'draft', validation: null, version: 1, structureName: 'Passerelle', referents });
    const stale = await api.call('PUT', url(), { as: staff, body: plan(0) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const list = await api.call('GET', `/essaimes/${passerelle}/action-plans`, { as: 'demo-tutor-michel' });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect((await api.call('GET', `/essaimes/${passerelle}/action-plans`, { as: 'demo-referent-jura' })).status).toBe(404);
    // The referent's own data export shows that she is the plan's structure referent, and nothing else of it.
    const own = await api.call('GET', '/privacy/users/demo-referent-passerelle', { as: 'demo-referent-passerelle' });
    expect(own.status, own.text).toBe(200);
    const copy = own.body.copies.find((c: { entityType: string }) => c.entityType === 'ActionPlan');
    expect(copy.data).toEqual({ essaimeId: passerelle, year: planYear, structureName: 'Passerelle', referents: { structure: referents.structure } });
    const status = await governance(cohortSeason);
    const rows = new Map(status.actionPlans.map((p: { essaimeId: string; status: string }) => [p.essaimeId, p.status]));
    expect(rows.get(passerelle)).toBe('draft');
    expect(rows.get(jura)).toBe('missing');
  });

  it('is validated by a meeting, atomically with the meeting; a meeting naming a missing plan writes nothing', async () => {
    const db = api.product.deps.db;
    const seasonBefore = await season(cohortSeason);
    const before = await snapshotTable(db);
    // A valid choice of hypotheses and a plan Jura never drew up: the whole meeting is refused.
    const refused = await post(cohortSeason, meeting('governance-committee', [
      { type: 'choose-hypotheses', hypotheses: ['A'] },
      { type: 'validate-action-plan', essaimeId: jura, year: planYear },
    ]));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'ACTION_PLAN_MISSING', details: [{ path: 'body.decisions.1.essaimeId' }] });
    expect(await snapshotTable(db)).toEqual(before);
    expect((await season(cohortSeason)).version).toBe(seasonBefore.version);

    const validated = await post(cohortSeason, meeting('steering-body', [{ type: 'validate-action-plan', essaimeId: passerelle, year: planYear }]));
    expect(validated.status, validated.text).toBe(201);
    expect(validated.body.decisions[0]).toEqual({
      type: 'validate-action-plan',
      essaimeId: passerelle,
      year: planYear,
      structureName: 'Passerelle',
      planVersion: 1,
      text: `Plan d’action ${planYear} de Passerelle validé.`,
    });
    const [stored] = (await api.call('GET', `/essaimes/${passerelle}/action-plans`, { as: 'demo-referent-passerelle' })).body.items;
    expect(stored).toMatchObject({ status: 'validated', version: 2, validation: { meetingId: validated.body.meetingId, date: today } });
    const again = await post(cohortSeason, meeting('steering-body', [{ type: 'validate-action-plan', essaimeId: passerelle, year: planYear }]));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ACTION_PLAN_ALREADY_VALIDATED');
    expect((await governance(cohortSeason)).actionPlans.find((p: { essaimeId: string }) => p.essaimeId === passerelle)).toMatchObject({ status: 'validated', version: 2 });

    // A revision is a new plan for the committee: a draft again.
    const revised = await api.call('PUT', url(), { as: staff, body: plan(2, 'Rencontrer trente entreprises du bassin') });
    expect(revised.status, revised.text).toBe(200);
    expect(revised.body).toMatchObject({ status: 'draft', validation: null, version: 3 });
  });

  it('is validated once when two meetings validate it at the same time: the other meeting is not recorded', async () => {
    const meetingsBefore = (await api.call('GET', `/seasons/${cohortSeason}/steering-meetings?limit=100`, { as: staff })).body.items.length;
    const validate = () => post(cohortSeason, meeting('steering-body', [{ type: 'validate-action-plan', essaimeId: passerelle, year: planYear }]));
    const answers = await Promise.all([validate(), validate(), validate()]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) expect(['CONFLICT', 'ACTION_PLAN_ALREADY_VALIDATED', 'TRANSACTION_CONFLICT']).toContain(refused.body.error.code);
    const meetingsAfter = (await api.call('GET', `/seasons/${cohortSeason}/steering-meetings?limit=100`, { as: staff })).body.items.length;
    expect(meetingsAfter).toBe(meetingsBefore + 1);
    const [plan] = (await api.call('GET', `/essaimes/${passerelle}/action-plans`, { as: staff })).body.items;
    expect(plan).toMatchObject({ status: 'validated', version: 4 });
  });
});
