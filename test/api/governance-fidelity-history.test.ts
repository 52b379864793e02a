import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisDay, addDays } from '../../shared/calendar';
import { startTestApi, type TestApi } from '../support/api';

/**
 * Fidelity at any date by the assigned tutor (history and trend per principle, stage checkpoints kept), the
 * label decided only by the A.CO.R. lead (a tutor staff flag), and the ramp-up across seasons. Demo data:
 * Michel Lacoste tutors Passerelle and assessed it once at a date, then on the stage-1 checkpoint; Isabelle
 * Etcheverry is the A.CO.R. lead.
 */
let api: TestApi;
let cohortSeason: string;
const essaime: Record<string, string> = {};
const staff = 'demo-staff-claire';
const lead = 'demo-tutor-isabelle';
const michel = 'demo-tutor-michel';

beforeAll(async () => {
  api = await startTestApi();
  const seasons = (await api.call('GET', '/seasons', { as: staff })).body.items as { seasonId: string; status: string }[];
  cohortSeason = seasons.find((s) => s.status === 'running')!.seasonId;
  for (const e of (await api.call('GET', `/seasons/${cohortSeason}/essaimes?limit=50`, { as: staff })).body.items) essaime[e.structureId] = e.essaimeId;
});
afterAll(() => api.stop());

const levels = (go: string, one: string, real: string, cre: string) => ({
  principles: [
    { principle: 'go-towards-companies', level: go, evidence: 'Prospection planifiée chaque semaine, 60 visites.' },
    { principle: 'one-offer-one-candidate', level: one, evidence: 'Deux candidatures envoyées sur une même offre ce mois-ci.' },
    { principle: 'realistic-achievable', level: real, evidence: 'Projets encore éloignés des offres du bassin.' },
    { principle: 'cre-team', level: cre, evidence: 'Deux ETP de chargés de relation entreprises.' },
  ],
});

describe('fidelity at any date', () => {
  it('lets the assigned tutor assess at any date, never in the future, and keeps the history with a trend per principle', async () => {
    const url = `/essaimes/${essaime.str_passerelle}/fidelity-assessments`;
    const today = parisDay(new Date());
    const future = await api.call('POST', url, { as: michel, body: { assessedOn: addDays(today, 1), ...levels('faithful', 'substantial', 'emerging', 'substantial') } });
    expect(future.status).toBe(422);
    expect(future.body.error).toMatchObject({ code: 'ASSESSMENT_IN_FUTURE', details: [{ path: 'body.assessedOn' }] });
    const created = await api.call('POST', url, { as: michel, body: levels('faithful', 'substantial', 'emerging', 'substantial') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'at-date', stageId: null, assessedOn: today, assessedBy: michel });

    const view = await api.call('GET', `/essaimes/${essaime.str_passerelle}/fidelity`, { as: michel });
    expect(view.status).toBe(200);
    const history = view.body.assessments as { kind: string; assessedOn: string }[];
    expect(history.map((a) => a.kind)).toEqual(['at-date', 'checkpoint', 'at-date']);
    expect([...history.map((a) => a.assessedOn)].sort()).toEqual(history.map((a) => a.assessedOn));
    const trend = Object.fromEntries((view.body.trend as { principle: string; trend: string; latest: string; previous: string; series: unknown[] }[]).map((t) => [t.principle, t]));
    // Seeded: emerging → substantial (checkpoint) → faithful now; faithful (checkpoint) → substantial now.
    expect(trend['go-towards-companies']).toMatchObject({ previous: 'substantial', latest: 'faithful', trend: 'improving' });
    expect(trend['one-offer-one-candidate']).toMatchObject({ previous: 'faithful', latest: 'substantial', trend: 'declining' });
    expect(trend['realistic-achievable']).toMatchObject({ trend: 'stable' });
    expect(trend['go-towards-companies']!.series).toHaveLength(3);
    expect(view.body).toMatchObject({ canAssess: true, canDecideLabel: false });
  });

  it('refuses other tutors, staff and referents (the assigned tutor assesses)', async () => {
    const url = `/essaimes/${essaime.str_passerelle}/fidelity-assessments`;
    const body = levels('substantial', 'substantial', 'substantial', 'substantial');
    expect((await api.call('POST', url, { as: lead, body })).status).toBe(404);
    expect((await api.call('POST', `/essaimes/${essaime['str_jura-service']}/fidelity-assessments`, { as: michel, body })).status).toBe(404);
    const byStaff = await api.call('POST', url, { as: staff, body });
    expect(byStaff.status).toBe(403);
    expect((await api.call('POST', url, { as: 'demo-referent-passerelle', body })).status).toBe(403);
  });

  it('keeps the stage assessments as checkpoints beside the history', async () => {
    const stages = (await api.call('GET', `/seasons/${cohortSeason}/stages`, { as: staff })).body.items as { stageId: string; kind: string }[];
    const final = stages.find((s) => s.kind === 'final')!.stageId;
    const put = await api.call('PUT', `/essaimes/${essaime.str_passerelle}/fidelity/${final}`, { as: michel, body: { expectedVersion: 0, ...levels('faithful', 'faithful', 'substantial', 'faithful') } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ kind: 'checkpoint', stageId: final, assessmentId: final, version: 1 });
    const view = await api.call('GET', `/essaimes/${essaime.str_passerelle}/fidelity`, { as: 'demo-referent-passerelle' });
    expect(view.body.assessments.filter((a: { kind: string }) => a.kind === 'checkpoint')).toHaveLength(2);
  });
});

describe('label decided by the A.CO.R. lead', () => {
  it('lets the lead see any essaimé and decide; staff see the decision but cannot take it', async () => {
    const view = await api.call('GET', `/essaimes/${essaime.str_passerelle}/fidelity`, { as: lead });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ canDecideLabel: true, canAssess: false });
    const url = `/essaimes/${essaime.str_passerelle}/label-decisions`;
    const body = { decision: 'labelled', reasons: ['Les quatre principes sont appliqués.'] };
    expect((await api.call('POST', url, { as: staff, body })).status).toBe(403);
    const notLead = await api.call('POST', url, { as: michel, body });
    expect(notLead.status).toBe(403);
    expect(notLead.body.error.code).toBe('NOT_ACOR_LEAD');
    const decided = await api.call('POST', url, { as: lead, body });
    expect(decided.status).toBe(201);
    const seen = await api.call('GET', `/essaimes/${essaime.str_passerelle}/fidelity`, { as: staff });
    expect(seen.body.currentLabel).toMatchObject({ decision: 'labelled', decidedBy: lead });
  });

  it('lets staff flag and unflag a tutor as A.CO.R. lead; the flag is checked at each decision', async () => {
    const flag = (acorLead: boolean, as = staff, tutor = michel) => api.call('PUT', `/tutors/${tutor}/acor-lead`, { as, body: { acorLead } });
    expect((await flag(true, michel)).status).toBe(403);
    const unknown = await flag(true, staff, 'demo-referent-jura');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('TUTOR_NOT_IN_DIRECTORY');
    expect((await flag(true)).body).toMatchObject({ userId: michel, acorLead: true, designatedBy: staff });
    const url = `/essaimes/${essaime['str_jura-service']}/label-decisions`;
    expect((await api.call('POST', url, { as: michel, body: { decision: 'not-yet', reasons: ['Fidélité pas encore évaluée.'] } })).status).toBe(201);
    await flag(false);
    expect((await api.call('POST', url, { as: michel, body: { decision: 'not-yet', reasons: ['Fidélité pas encore évaluée.'] } })).status).toBe(403);
  });
});

describe('ramp-up across seasons', () => {
  it('shows essaimés per season against the 5–10 target, the hypothesis mix, fidelity and label per structure', async () => {
    const res = await api.call('GET', '/programme/ramp-up', { as: staff });
    expect(res.status).toBe(200);
    expect(res.body.target).toMatchObject({ min: 5, max: 10 });
    expect(res.body.target.source).toContain('p. 32');
    const season = res.body.items.find((s: { seasonId: string }) => s.seasonId === cohortSeason);
    const count = Object.keys(essaime).length;
    expect(season.essaimes).toBe(count);
    expect(season.status).toBe(count < 5 ? 'below-target' : count > 10 ? 'above-target' : 'within-target');
    expect(season.byHypothesis.A + season.byHypothesis.B).toBe(count);
    const passerelle = season.structures.find((s: { essaimeId: string }) => s.essaimeId === essaime.str_passerelle);
    expect(passerelle).toMatchObject({ label: 'labelled', assessments: 4 });
    expect(passerelle.fidelity).not.toBeNull();
    expect(season.labels.labelled).toBeGreaterThanOrEqual(1);
    const other = res.body.items.find((s: { seasonId: string }) => s.seasonId !== cohortSeason);
    if (other) expect(other).toMatchObject({ essaimes: 0, status: 'below-target' });
  });

  it('is for staff and the A.CO.R. lead only', async () => {
    expect((await api.call('GET', '/programme/ramp-up', { as: lead })).status).toBe(200);
    const tutor = await api.call('GET', '/programme/ramp-up', { as: michel });
    expect(tutor.status).toBe(403);
    expect(tutor.body.error.code).toBe('NOT_ACOR_LEAD');
    expect((await api.call('GET', '/programme/ramp-up', { as: 'demo-referent-passerelle' })).status).toBe(403);
  });
});
