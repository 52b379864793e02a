import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';
import { startTestApi, type TestApi } from '../support/api';

/**
 * Answers name the people they refer to by id (reviewers, note authors, actors of the history, recipients of
 * sent messages, an essaimé's tutor), so that no screen has to show an id or read one profile per row.
 */
let api: TestApi;
const STAFF = 'demo-staff-claire';
const REVIEWER = 'demo-staff-thomas';
const APPLICANT = 'demo-applicant-envol';
const TUTOR = 'demo-tutor-michel';
const DAY = 86_400_000;
const names = new Map<string, string>();
let appId: string;

beforeAll(async () => {
  api = await startTestApi();
  for (const userId of [STAFF, REVIEWER, APPLICANT, TUTOR]) names.set(userId, (await api.call('GET', '/me', { as: userId })).body.displayName);
  const seasons = await api.call('GET', '/seasons', { as: STAFF });
  const season = seasons.body.items.find((s: { year: number }) => s.year === demoSeasonYears().call);
  const call = await api.call('POST', '/calls', {
    as: STAFF,
    body: { seasonId: season.seasonId, title: 'Appel noms', description: 'Des noms, jamais des identifiants', hypotheses: ['A', 'B'], opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString() },
  });
  expect(call.status, JSON.stringify(call.body)).toBe(201);
  expect((await api.call('POST', `/calls/${call.body.callId}/open`, { as: STAFF })).status).toBe(200);
  const created = await api.call('POST', `/calls/${call.body.callId}/applications`, { as: APPLICANT, body: demoApplicationInput('str_envol', new Date(Date.now() - DAY).toISOString().slice(0, 10)) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  appId = created.body.applicationId;
  expect((await api.call('POST', `/applications/${appId}/submit`, { as: APPLICANT })).status).toBe(200);
  expect((await api.call('POST', `/applications/${appId}/reviewers`, { as: STAFF, body: { reviewerUserId: REVIEWER } })).status).toBe(200);
  expect((await api.call('POST', `/applications/${appId}/notes`, { as: REVIEWER, body: { text: 'Appeler le département' } })).status).toBe(201);
});
afterAll(() => api.stop());

describe('people are named in answers', () => {
  it('the demo people have names that differ from their ids', () => {
    for (const [userId, name] of names) {
      expect(name).toBeTruthy();
      expect(name).not.toBe(userId);
    }
  });

  it('a staff member reads the application with the names of its reviewers and note authors', async () => {
    const app = await api.call('GET', `/applications/${appId}`, { as: STAFF });
    expect(app.status).toBe(200);
    expect(app.body.notes.map((n: { authorUserId: string }) => app.body.userNames[n.authorUserId])).toEqual([names.get(REVIEWER)]);
    expect(app.body.reviewerUserIds.map((id: string) => app.body.userNames[id])).toEqual([names.get(REVIEWER)]);
  });

  it('the applicant’s view carries no staff names', async () => {
    const app = await api.call('GET', `/applications/${appId}`, { as: APPLICANT });
    expect(app.status).toBe(200);
    expect(app.body.userNames).toBeUndefined();
    expect(app.text).not.toContain(names.get(REVIEWER));
  });

  it('the history names who acted', async () => {
    const trail = await api.call('GET', `/audit/application/${appId}`, { as: STAFF });
    expect(trail.status).toBe(200);
    const byActor = new Map(trail.body.items.map((e: { actorId: string; actorName: string | null }) => [e.actorId, e.actorName]));
    expect(byActor.get(APPLICANT)).toBe(names.get(APPLICANT));
    expect(byActor.get(STAFF)).toBe(names.get(STAFF));
  });

  it('sent messages name their recipient, for staff and for the recipient', async () => {
    const all = await api.call('GET', '/outbox?limit=50', { as: STAFF });
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    for (const m of all.body.items as { recipientUserId: string; recipientName: string | null }[]) {
      if (names.has(m.recipientUserId)) expect(m.recipientName).toBe(names.get(m.recipientUserId));
      expect(m.recipientName).not.toBe(m.recipientUserId);
    }
    const recipient = all.body.items.find((m: { recipientName: string | null }) => m.recipientName !== null);
    const own = await api.call('GET', '/outbox', { as: recipient.recipientUserId });
    expect(own.body.items.length).toBeGreaterThan(0);
    for (const m of own.body.items) expect(m.recipientName).toBe(recipient.recipientName);
  });

  it('a season’s essaimés name their tutor, or null without one', async () => {
    const seasons = await api.call('GET', '/seasons', { as: STAFF });
    const rows = (await Promise.all(seasons.body.items.map((s: { seasonId: string }) => api.call('GET', `/seasons/${s.seasonId}/essaimes?limit=100`, { as: STAFF })))).flatMap((r) => r.body.items);
    const tutored = rows.filter((e: { tutorUserId: string | null }) => e.tutorUserId === TUTOR);
    expect(tutored.length).toBeGreaterThan(0);
    for (const e of tutored) expect(e.tutorName).toBe(names.get(TUTOR));
    for (const e of rows.filter((r: { tutorUserId: string | null }) => r.tutorUserId === null)) expect(e.tutorName).toBeNull();
    const asTutor = await api.call('GET', `/seasons/${tutored[0].seasonId}/essaimes`, { as: TUTOR });
    expect(asTutor.body.items.every((e: { tutorName: string | null }) => e.tutorName === names.get(TUTOR))).toBe(true);
  });
});
