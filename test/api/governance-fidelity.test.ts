import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { everyOutboxMessage, outboxFaults } from '../support/french-text';
import { demoCalendar, demoSeasonYears } from '../../scripts/seed/demo-calendar';
import { addDays } from '../../shared/calendar';

const demoSeasons = demoSeasonYears();
const calendar = demoCalendar(new Date());
const steeringOn = addDays(calendar.today, -1);

/**
 * Fidelity to the four principles (the assigned tutor), the label decision (the A.CO.R. lead) and the
 * steering-committee meetings, over HTTP on the demo data (Michel Lacoste tutors Passerelle; Isabelle
 * Etcheverry has no structure and is the A.CO.R. lead; the seed holds Michel's assessments of Passerelle:
 * one at a date between stages, then the stage-1 checkpoint).
 */
let api: TestApi;
let season2019: string;
let stages: { stageId: string; kind: string }[];
const essaime: Record<string, string> = {};
const staff = 'demo-staff-claire';
const lead = 'demo-tutor-isabelle';

beforeAll(async () => {
  api = await startTestApi();
  const seasons = (await api.call('GET', '/seasons', { as: staff })).body.items as { seasonId: string; year: number }[];
  season2019 = seasons.find((s) => s.year === demoSeasons.cohort)!.seasonId;
  for (const e of (await api.call('GET', `/seasons/${season2019}/essaimes?limit=50`, { as: staff })).body.items) essaime[e.structureId] = e.essaimeId;
  stages = (await api.call('GET', `/seasons/${season2019}/stages`, { as: staff })).body.items;
});
afterAll(() => api.stop());

const assessment = (expectedVersion: number, level: 'not-started' | 'emerging' | 'substantial' | 'faithful' = 'substantial') => ({
  expectedVersion,
  principles: [
    { principle: 'go-towards-companies', level, evidence: 'Prospection hebdomadaire des TPE, 40 visites.' },
    { principle: 'one-offer-one-candidate', level: 'faithful', evidence: 'Une seule candidature par offre, vérifiée.' },
    { principle: 'realistic-achievable', level: 'emerging', evidence: 'Projets encore éloignés des offres du bassin.' },
    { principle: 'cre-team', level, evidence: 'Deux chargés de relation entreprises en poste.' },
  ],
});

describe('fidelity assessment', () => {
  it('lets the assigned tutor assess an essaimé on a stage, with optimistic locking', async () => {
    const intermediate = stages.find((s) => s.kind === 'intermediate')!.stageId;
    const url = `/essaimes/${essaime.str_passerelle}/fidelity/${intermediate}`;
    const first = await api.call('PUT', url, { as: 'demo-tutor-michel', body: assessment(0) });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, assessedBy: 'demo-tutor-michel', stageId: intermediate });
    const stale = await api.call('PUT', url, { as: 'demo-tutor-michel', body: assessment(0, 'faithful') });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const revised = await api.call('PUT', url, { as: 'demo-tutor-michel', body: assessment(1, 'faithful') });
    expect(revised.body.version).toBe(2);
  });

  it('refuses a tutor who is not assigned to the essaimé, and referents', async () => {
    const stage1 = stages[0]!.stageId;
    const isabelle = await api.call('PUT', `/essaimes/${essaime.str_passerelle}/fidelity/${stage1}`, { as: 'demo-tutor-isabelle', body: assessment(1) });
    expect(isabelle.status).toBe(404);
    const michelOnJura = await api.call('PUT', `/essaimes/${essaime['str_jura-service']}/fidelity/${stage1}`, { as: 'demo-tutor-michel', body: assessment(0) });
    expect(michelOnJura.status).toBe(404);
    const referent = await api.call('PUT', `/essaimes/${essaime.str_passerelle}/fidelity/${stage1}`, { as: 'demo-referent-passerelle', body: assessment(1) });
    expect(referent.status).toBe(403);
  });

  it('wants each of the four principles once, on the four-step scale', async () => {
    const stage1 = stages[0]!.stageId;
    const url = `/essaimes/${essaime.str_passerelle}/fidelity/${stage1}`;
    const three = assessment(1);
    three.principles = three.principles.slice(0, 3);
    expect((await api.call('PUT', url, { as: 'demo-tutor-michel', body: three })).status).toBe(400);
    const twice = assessment(1);
    twice.principles[3] = { ...twice.principles[0]! };
    expect((await api.call('PUT', url, { as: 'demo-tutor-michel', body: twice })).status).toBe(400);
    const offScale = { ...assessment(1), principles: assessment(1).principles.map((p) => ({ ...p, level: 'excellent' })) };
    expect((await api.call('PUT', url, { as: 'demo-tutor-michel', body: offScale })).status).toBe(400);
  });

  it('shows the structure its assessments, not another structure', async () => {
    const mine = await api.call('GET', `/essaimes/${essaime.str_passerelle}/fidelity`, { as: 'demo-referent-passerelle' });
    expect(mine.status).toBe(200);
    expect(mine.body.assessments.length).toBeGreaterThanOrEqual(2);
    expect((await api.call('GET', `/essaimes/${essaime.str_passerelle}/fidelity`, { as: 'demo-referent-jura' })).status).toBe(404);
  });
});

describe('label decision', () => {
  it('needs a fidelity assessment before labelling; "not yet" needs none', async () => {
    const url = `/essaimes/${essaime['str_jura-service']}/label-decisions`;
    const labelled = await api.call('POST', url, { as: lead, body: { decision: 'labelled', reasons: ['Méthode bien appropriée.'] } });
    expect(labelled.status).toBe(422);
    expect(labelled.body.error.code).toBe('NO_FIDELITY_ASSESSMENT');
    const notYet = await api.call('POST', url, { as: lead, body: { decision: 'not-yet', reasons: ["Pas encore d'évaluation de la fidélité."] } });
    expect(notYet.status).toBe(201);
  });

  it('records a conditional label with its conditions, tells the referent, and is refused to others', async () => {
    const url = `/essaimes/${essaime.str_passerelle}/label-decisions`;
    const noConditions = await api.call('POST', url, { as: lead, body: { decision: 'conditional', reasons: ['Principes A, B et D appliqués.'] } });
    expect(noConditions.status).toBe(422);
    expect(noConditions.body.error.code).toBe('CONDITIONS_REQUIRED');
    // The label is A.CO.R.'s decision: a tutor without the A.CO.R. lead flag, staff and referents are refused.
    const michel = await api.call('POST', url, { as: 'demo-tutor-michel', body: { decision: 'labelled', reasons: ['Très bien.'] } });
    expect(michel.status).toBe(403);
    expect(michel.body.error.code).toBe('NOT_ACOR_LEAD');
    const byStaff = await api.call('POST', url, { as: staff, body: { decision: 'labelled', reasons: ['Très bien.'] } });
    expect(byStaff.status).toBe(403);
    expect(byStaff.body.error.code).toBe('ROLE_NOT_ALLOWED');
    expect((await api.call('POST', url, { as: 'demo-referent-passerelle', body: { decision: 'labelled', reasons: ['Très bien.'] } })).status).toBe(403);
    const res = await api.call('POST', url, {
      as: lead,
      body: { decision: 'conditional', reasons: ['Principes A, B et D appliqués.'], conditions: ['Consolider le principe « réaliste et réalisable » d’ici le bilan final.'] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ decision: 'conditional', decidedBy: lead });
    const view = await api.call('GET', `/essaimes/${essaime.str_passerelle}/fidelity`, { as: 'demo-referent-passerelle' });
    expect(view.body.currentLabel).toMatchObject({ decision: 'conditional' });
    const staffView = await api.call('GET', `/essaimes/${essaime.str_passerelle}/fidelity`, { as: staff });
    expect(staffView.body).toMatchObject({ currentLabel: { decision: 'conditional', decidedBy: lead }, canDecideLabel: false });
    const outbox = await api.call('GET', '/outbox?limit=50', { as: 'demo-referent-passerelle' });
    const message = outbox.body.items.find((m: { kind: string }) => m.kind === 'label-decision');
    expect(message.subject).toBe('Décision de labellisation\u00a0: Labellisée sous conditions');
    expect(message.body).toContain('Consolider le principe');
  });
});

describe('steering meetings', () => {
  it('records a meeting linked to the season and lists the season’s meetings, newest first', async () => {
    const url = `/seasons/${season2019}/steering-meetings`;
    const body = {
      body: 'steering-body',
      date: steeringOn,
      membersPresent: [
        { name: 'Claire Moreau', organisation: 'Ansa', userId: 'demo-staff-claire' },
        { name: 'Co-directrice', organisation: 'A.CO.R.' },
      ],
      decisions: [{ type: 'note', text: 'Valider le modèle de rapport intermédiaire.' }],
    };
    expect((await api.call('POST', url, { as: 'demo-tutor-michel', body })).status).toBe(403);
    const created = await api.call('POST', url, { as: staff, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ seasonId: season2019, title: `Instance de pilotage resserrée du ${steeringOn}` });
    const list = await api.call('GET', `${url}?limit=10`, { as: 'demo-tutor-michel' });
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { date: string; body: string }) => [m.date, m.body])).toEqual([
      [steeringOn, 'steering-body'],
      [calendar.cohortSeason.committeeOn, 'governance-committee'],
    ]);
    expect(list.body.items[1].decisions[0]).toMatchObject({ type: 'choose-hypotheses', hypotheses: ['A', 'B'] });
    expect((await api.call('GET', url, { as: 'demo-referent-passerelle' })).status).toBe(403);
    const audit = await api.call('GET', `/audit/meeting/${created.body.meetingId}`, { as: staff });
    expect(audit.body.items[0]).toMatchObject({ action: 'meeting.recorded', changes: { attendees: 2 } });
    // The entry stores ids only; the actor's name is resolved when staff read the trail.
    expect(JSON.stringify(audit.body.items[0].changes)).not.toContain('Claire Moreau');
    expect(audit.body.items[0].actorName).toBe('Claire Moreau');
  });
});

describe('the e-mails these flows queued', () => {
  it('greet people by name and read as French (no ISO date, no « 00:00 », no raw id)', async () => {
    const messages = await everyOutboxMessage(api);
    expect(messages.length).toBeGreaterThan(0);
    expect(outboxFaults(messages)).toEqual([]);
  });
});
