import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { demoCalendar, demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/**
 * Caps and uniqueness under concurrency, over HTTP on DynamoDB Local: each is a condition in the write's own
 * transaction (a counter, a uniqueness item), so parallel requests cannot pass it together.
 */
let api: TestApi;
const staff = 'demo-staff-claire';
const essaime: Record<string, string> = {};
let intermediateStageId: string;

beforeAll(async () => {
  api = await startTestApi();
  const seasons = (await api.call('GET', '/seasons', { as: staff })).body.items as { seasonId: string; year: number }[];
  const season2019 = seasons.find((s) => s.year === demoSeasons.cohort)!.seasonId;
  const list = (await api.call('GET', `/seasons/${season2019}/essaimes?limit=50`, { as: staff })).body.items as { essaimeId: string; structureId: string }[];
  for (const e of list) essaime[e.structureId] = e.essaimeId;
  const stages = (await api.call('GET', `/seasons/${season2019}/stages`, { as: staff })).body.items as { stageId: string; kind: string }[];
  intermediateStageId = stages.find((s) => s.kind === 'intermediate')!.stageId;
  // The intermediate stage (the one with a questionnaire) opens months after the demo's today: open it today.
  const stage = (await api.call('GET', `/stages/${intermediateStageId}`, { as: staff })).body as { version: number };
  const opened = await api.call('PATCH', `/stages/${intermediateStageId}`, { as: staff, body: { expectedVersion: stage.version, opensOn: demoCalendar(new Date()).today } });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
});
afterAll(() => api.stop());

const tally = (statuses: { status: number; body: { error?: { code: string } } }[]) => {
  const out: Record<string, number> = {};
  for (const r of statuses) {
    const key = r.status < 300 ? String(r.status) : `${r.status} ${r.body.error?.code}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};

describe('questionnaire answers: at most 30 per structure and stage', () => {
  it('stores exactly 30 of 40 parallel answers and refuses the other 10 with QUESTIONNAIRE_LIMIT', async () => {
    const url = `/stages/${intermediateStageId}/reports/${essaime['str_jura-service']}/questionnaires`;
    const before = (await api.call('GET', url, { as: staff })).body.items.length as number;
    expect(before).toBe(0);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => api.call('POST', url, { as: 'demo-referent-jura', body: { respondentRole: 'professional', answers: { 'method-fit': 3 } } })),
    );
    expect(tally(answers)).toEqual({ 201: 30, '409 QUESTIONNAIRE_LIMIT': 10 });
    expect((await api.call('GET', url, { as: staff })).body.items).toHaveLength(30);
    const more = await api.call('POST', url, { as: 'demo-referent-jura', body: { respondentRole: 'director', answers: { 'method-fit': 3 } } });
    expect(more.body.error?.code).toBe('QUESTIONNAIRE_LIMIT');
  });
});

describe('participants: one active participant per person and essaimé', () => {
  it('stores one of 10 parallel adds of the same e-mail (whatever its case)', async () => {
    const essaimeId = essaime['str_air-aicm']!;
    const before = (await api.call('GET', `/essaimes/${essaimeId}`, { as: staff })).body;
    // room for two more: without the uniqueness item, two copies of the person would be stored
    expect(before.activeParticipantCount).toBeLessThanOrEqual(1);
    // the schema refuses surrounding spaces; the case differs
    const emails = ['lea.martin@air-aicm.example', 'Lea.Martin@AIR-aicm.example', 'LEA.MARTIN@air-aicm.example'];
    const adds = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.call('POST', `/essaimes/${essaimeId}/participants`, { as: staff, body: { name: 'Léa Martin', role: 'Chargée de relation entreprises', email: emails[i % emails.length] } }),
      ),
    );
    expect(tally(adds)).toEqual({ 201: 1, '409 PARTICIPANT_ALREADY_ACTIVE': 9 });
    const after = (await api.call('GET', `/essaimes/${essaimeId}`, { as: staff })).body;
    const lea = after.participants.filter((p: { name: string; active: boolean }) => p.active && p.name === 'Léa Martin');
    expect(lea).toHaveLength(1);
    expect(after.activeParticipantCount).toBe(before.activeParticipantCount + 1);
  });

  it('frees the person when they leave: withdrawn, they can be added again; replaced by the same person, the claim passes on', async () => {
    const essaimeId = essaime['str_air-aicm']!;
    const current = (await api.call('GET', `/essaimes/${essaimeId}`, { as: staff })).body;
    const lea = current.participants.find((p: { name: string; active: boolean }) => p.active && p.name === 'Léa Martin');
    const same = { name: 'Léa Martin-Durand', role: 'Chargée de relation entreprises', email: 'lea.martin@air-aicm.example' };
    const replaced = await api.call('POST', `/essaimes/${essaimeId}/participants/${lea.participantId}/replace`, { as: staff, body: same });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    const again = await api.call('POST', `/essaimes/${essaimeId}/participants`, { as: staff, body: { ...same, email: 'Lea.Martin@air-aicm.example' } });
    expect(again.body.error?.code).toBe('PARTICIPANT_ALREADY_ACTIVE');
    const withdrawn = await api.call('POST', `/essaimes/${essaimeId}/participants/${replaced.body.participant.participantId}/withdraw`, { as: staff, body: { reason: 'Départ de la structure' } });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const back = await api.call('POST', `/essaimes/${essaimeId}/participants`, { as: staff, body: same });
    expect(back.status, JSON.stringify(back.body)).toBe(201);
  });
});
