import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { startTestApi, type TestApi } from '../support/api';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/**
 * Publishing notifies every applicant, so it refuses while a submitted application has no decision
 * (409 DECISIONS_PENDING, nothing published), unless staff waitlist the undecided ones explicitly.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const STAFF = 'demo-staff-claire';
const ENVOL = 'demo-applicant-envol';
const JURA = 'demo-referent-jura';
const DAY = 86_400_000;

describe('the publish guard', () => {
  const state: { callId?: string; decidedId?: string; undecidedId?: string } = {};
  const signedOn = new Date(Date.now() - DAY).toISOString().slice(0, 10);

  it('sets up a closed call with one decided and one undecided application', async () => {
    const season = (await api.call('GET', '/seasons', { as: STAFF })).body.items.find((s: { year: number }) => s.year === demoSeasons.call);
    const created = await api.call('POST', '/calls', {
      as: STAFF,
      body: { seasonId: season.seasonId, title: 'Appel garde-fou', hypotheses: ['A', 'B'], opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString() },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    state.callId = created.body.callId;
    expect((await api.call('POST', `/calls/${state.callId}/open`, { as: STAFF })).status).toBe(200);
    const ids: string[] = [];
    for (const [user, structure] of [
      [ENVOL, 'str_envol'],
      [JURA, 'str_jura-service'],
    ] as const) {
      const app = await api.call('POST', `/calls/${state.callId}/applications`, { as: user, body: demoApplicationInput(structure, signedOn, { answers: { 'A1.3': { kind: 'number', value: 2.5 } } }) });
      expect(app.status, JSON.stringify(app.body)).toBe(201);
      const submitted = await api.call('POST', `/applications/${app.body.applicationId}/submit`, { as: user });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      ids.push(app.body.applicationId);
    }
    [state.decidedId, state.undecidedId] = ids;
    expect((await api.call('POST', `/calls/${state.callId}/close`, { as: STAFF })).status).toBe(200);
    const decided = await api.call('POST', `/applications/${state.decidedId}/decision`, { as: STAFF, body: { outcome: 'rejected', rationale: 'Territoire déjà couvert' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });

  it('refuses to publish with 409 DECISIONS_PENDING naming the undecided application, and publishes nothing', async () => {
    const refused = await api.call('POST', `/calls/${state.callId}/publish-decisions`, { as: STAFF, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('DECISIONS_PENDING');
    expect(refused.body.error.details).toEqual([{ path: `applications.${state.undecidedId}`, message: 'No decision yet', code: 'submitted' }]);
    const call = (await api.call('GET', `/calls/${state.callId}`, { as: STAFF })).body;
    expect(call.decisionsPublishedAt).toBeNull();
    const decided = (await api.call('GET', `/applications/${state.decidedId}`, { as: STAFF })).body;
    expect(decided.decisionPublishedAt).toBeNull();
    const inbox = await api.call('GET', '/outbox', { as: ENVOL });
    expect(inbox.body.items.filter((m: { kind: string }) => m.kind.startsWith('application.rejected'))).toEqual([]);
  });

  it('refuses a flag of the wrong type (400) and publishes when staff waitlist the undecided explicitly', async () => {
    const bad = await api.call('POST', `/calls/${state.callId}/publish-decisions`, { as: STAFF, body: { waitlistUndecided: 'oui' } });
    expect(bad.status).toBe(400);
    const published = await api.call('POST', `/calls/${state.callId}/publish-decisions`, { as: STAFF, body: { waitlistUndecided: true } });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({ published: { selected: 0, waitlisted: 1, rejected: 1 }, failures: [] });
    const waitlisted = (await api.call('GET', `/applications/${state.undecidedId}`, { as: JURA })).body;
    expect(waitlisted.status).toBe('waitlisted');
    expect(waitlisted.decision.rationale).toMatch(/liste d’attente/);
  });
});
