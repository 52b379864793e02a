import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { everyOutboxMessage, outboxFaults } from '../support/french-text';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/** Requests from a referent to their tutor, the thread, closing, overdue reminders and response-time figures. */
let api: TestApi;
let passerelleId: string;
let juraId: string;
let requestId: string;

const staff = { as: 'demo-staff-claire' };
const referent = { as: 'demo-referent-passerelle' };
const michel = { as: 'demo-tutor-michel' };

beforeAll(async () => {
  api = await startTestApi();
  const seasons = await api.call('GET', '/seasons?limit=10', staff);
  const seasonId = seasons.body.items.find((s: { year: number }) => s.year === demoSeasons.cohort).seasonId;
  const list = await api.call('GET', `/seasons/${seasonId}/essaimes?limit=100`, staff);
  passerelleId = list.body.items.find((e: { structureId: string }) => e.structureId === 'str_passerelle').essaimeId;
  juraId = list.body.items.find((e: { structureId: string }) => e.structureId === 'str_jura-service').essaimeId;
});
afterAll(() => api.stop());

describe('a referent sends a request to their tutor', () => {
  it('creates it with a due date one working day later, and notifies the tutor', async () => {
    const res = await api.call('POST', '/tutoring/requests', {
      ...referent,
      body: { essaimeId: passerelleId, subject: 'Fiche de poste pour un CRE', axis: 'transformation', text: 'Avez-vous un modèle de fiche de poste ?', urgency: 'low' },
    });
    expect(res.status).toBe(201);
    requestId = res.body.requestId;
    expect(res.body).toMatchObject({ status: 'awaiting-answer', tutorUserId: 'demo-tutor-michel', structureName: 'Passerelle', responseTarget: { rule: 'working-days', workingDays: 1 }, overdue: false });
    expect(Date.parse(res.body.dueAt)).toBeGreaterThan(Date.parse(res.body.createdAt));
    const outbox = await api.call('GET', '/outbox', michel);
    expect(outbox.body.items.some((m: { kind: string; related: { entityId: string } }) => m.kind === 'tutoring.request-created' && m.related.entityId === requestId)).toBe(true);
  });

  it("refuses a request on another structure's essaimé (404) and on an essaimé without a tutor (422)", async () => {
    const body = { essaimeId: juraId, subject: 'Question', axis: 'loyalty', text: 'Texte', urgency: 'normal' };
    expect((await api.call('POST', '/tutoring/requests', { ...referent, body })).status).toBe(404);
    const noTutor = await api.call('POST', '/tutoring/requests', { as: 'demo-referent-jura', body });
    expect(noTutor.status).toBe(422);
    expect(noTutor.body.error.code).toBe('NO_TUTOR_ASSIGNED');
    expect((await api.call('POST', '/tutoring/requests', { ...michel, body })).status).toBe(403);
  });
});

describe('who sees which requests', () => {
  it("shows the tutor their open requests, most urgent first then newest first, paginated through the index", async () => {
    const page1 = await api.call('GET', '/tutoring/requests?limit=1', michel);
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    const page2 = await api.call('GET', `/tutoring/requests?limit=10&cursor=${page1.body.nextCursor}`, michel);
    const all = [...page1.body.items, ...page2.body.items] as { urgency: string; createdAt: string; requestId: string }[];
    const rank = { high: 3, normal: 2, low: 1 } as Record<string, number>;
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(rank[a.urgency]! > rank[b.urgency]! || (a.urgency === b.urgency && a.createdAt >= b.createdAt)).toBe(true);
    }
    expect(all.map((r) => r.requestId)).toContain(requestId);
    const closed = await api.call('GET', '/tutoring/requests?state=closed', michel);
    expect(closed.body.items.length).toBeGreaterThanOrEqual(1); // the seeded, rated request
  });

  it("shows the referent their structure's requests; refuses another structure's (404)", async () => {
    const own = await api.call('GET', '/tutoring/requests?limit=50', referent);
    expect(own.body.items.every((r: { structureId: string }) => r.structureId === 'str_passerelle')).toBe(true);
    expect(own.body.items.length).toBeGreaterThanOrEqual(4);
    expect((await api.call('GET', '/tutoring/requests?structureId=str_passerelle', { as: 'demo-referent-jura' })).status).toBe(404);
    expect((await api.call('GET', `/tutoring/requests/${requestId}`, { as: 'demo-referent-jura' })).status).toBe(404);
    expect((await api.call('GET', `/tutoring/requests/${requestId}/messages`, { as: 'demo-referent-jura' })).status).toBe(404);
    expect((await api.call('GET', '/tutoring/requests', { as: 'demo-referent-jura' })).body.items).toEqual([]);
  });

  it("hides a request from a tutor it is not addressed to (404)", async () => {
    expect((await api.call('GET', `/tutoring/requests/${requestId}`, { as: 'demo-tutor-isabelle' })).status).toBe(404);
    expect((await api.call('GET', '/tutoring/requests', { as: 'demo-tutor-isabelle' })).body.items).toEqual([]);
  });

  it('lets staff filter by tutor or structure, and requires a filter', async () => {
    const none = await api.call('GET', '/tutoring/requests', staff);
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('FILTER_REQUIRED');
    const byTutor = await api.call('GET', '/tutoring/requests?tutorUserId=demo-tutor-michel', staff);
    expect(byTutor.body.items.map((r: { requestId: string }) => r.requestId)).toContain(requestId);
    const byStructure = await api.call('GET', '/tutoring/requests?structureId=str_passerelle', staff);
    expect(byStructure.body.items.map((r: { requestId: string }) => r.requestId)).toContain(requestId);
  });
});

describe('the thread', () => {
  it("refuses a tutor answering a request of another tutor's essaimé (404), and staff posting (403)", async () => {
    const res = await api.call('POST', `/tutoring/requests/${requestId}/messages`, { as: 'demo-tutor-isabelle', body: { text: 'Je réponds à la place de Michel' } });
    expect(res.status).toBe(404);
    expect((await api.call('POST', `/tutoring/requests/${requestId}/messages`, { ...staff, body: { text: 'Staff' } })).status).toBe(403);
    expect((await api.call('POST', `/tutoring/requests/${requestId}/messages`, { as: 'demo-referent-jura', body: { text: 'Autre structure' } })).status).toBe(404);
    const thread = await api.call('GET', `/tutoring/requests/${requestId}/messages`, staff);
    expect(thread.body.items).toEqual([]);
  });

  it("records the tutor's first answer (response time), then the referent's follow-up; the other side is notified", async () => {
    const answer = await api.call('POST', `/tutoring/requests/${requestId}/messages`, { ...michel, body: { text: 'Oui, je vous envoie notre modèle.' } });
    expect(answer.status).toBe(201);
    expect(answer.body.request).toMatchObject({ status: 'answered', lastMessageBy: 'tutor', messageCount: 1 });
    expect(answer.body.request.firstAnsweredAt).toBeTruthy();
    expect(answer.body.request.responseWorkingMinutes).toBeGreaterThanOrEqual(0);
    const follow = await api.call('POST', `/tutoring/requests/${requestId}/messages`, { ...referent, body: { text: 'Merci, et pour la période d’essai ?' } });
    expect(follow.status).toBe(201);
    expect(follow.body.request).toMatchObject({ status: 'answered', lastMessageBy: 'referent', messageCount: 2 });
    const p1 = await api.call('GET', `/tutoring/requests/${requestId}/messages?limit=1`, michel);
    const p2 = await api.call('GET', `/tutoring/requests/${requestId}/messages?limit=1&cursor=${p1.body.nextCursor}`, michel);
    expect([p1.body.items[0].authorRole, p2.body.items[0].authorRole]).toEqual(['tutor', 'referent']);
    const outbox = await api.call('GET', '/outbox', referent);
    expect(outbox.body.items.some((m: { kind: string; related: { entityId: string } }) => m.kind === 'tutoring.answer-posted' && m.related.entityId === requestId)).toBe(true);
  });

  it('is closed by the referent with a usefulness rating (required once answered); then frozen', async () => {
    const noRating = await api.call('POST', `/tutoring/requests/${requestId}/close`, { ...referent, body: {} });
    expect(noRating.status).toBe(422);
    expect(noRating.body.error.code).toBe('RATING_REQUIRED');
    expect((await api.call('POST', `/tutoring/requests/${requestId}/close`, { ...michel, body: { rating: 5 } })).status).toBe(403);
    expect((await api.call('POST', `/tutoring/requests/${requestId}/close`, { as: 'demo-referent-jura', body: { rating: 5 } })).status).toBe(404);
    const closed = await api.call('POST', `/tutoring/requests/${requestId}/close`, { ...referent, body: { rating: 5, comment: 'Très utile' } });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', rating: 5 });
    expect((await api.call('POST', `/tutoring/requests/${requestId}/close`, { ...referent, body: { rating: 4 } })).status).toBe(409);
    const late = await api.call('POST', `/tutoring/requests/${requestId}/messages`, { ...michel, body: { text: 'Encore un mot' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('REQUEST_CLOSED');
    const closedList = await api.call('GET', '/tutoring/requests?state=closed&limit=50', michel);
    expect(closedList.body.items.map((r: { requestId: string }) => r.requestId)).toContain(requestId);
  });

  it('keeps every state change in the audit trail', async () => {
    const audit = await api.call('GET', `/audit/tutoring-request/${requestId}?limit=20`, staff);
    expect(audit.body.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'tutoring-request.answered',
      'tutoring-request.closed',
      'tutoring-request.created',
      'tutoring-request.message-posted',
    ]);
    expect(audit.body.items.find((a: { action: string }) => a.action === 'tutoring-request.answered').actorId).toBe('demo-tutor-michel');
  });
});

describe('response-time target', () => {
  it('flags the seeded overdue request and reminds the tutor once, even when the job runs twice', async () => {
    const overdue = await api.call('GET', '/tutoring/requests?overdue=true', staff);
    expect(overdue.status).toBe(200);
    const seeded = overdue.body.items.find((r: { subject: string }) => r.subject === "Relancer une entreprise qui n'a plus d'offres");
    expect(seeded).toMatchObject({ overdue: true, status: 'awaiting-answer', overdueSince: null });
    const first = await api.call('POST', '/jobs/tutoring-overdue-reminders/run', staff);
    expect(first.status).toBe(200);
    expect(first.body.result.flagged).toBeGreaterThanOrEqual(1);
    const second = await api.call('POST', '/jobs/tutoring-overdue-reminders/run', staff);
    expect(second.body.result).toMatchObject({ flagged: 0, remindersQueued: 0 });
    const outbox = await api.call('GET', '/outbox?limit=100', michel);
    const reminders = outbox.body.items.filter((m: { kind: string; related: { entityId: string } }) => m.kind === 'tutoring.overdue-reminder' && m.related.entityId === seeded.requestId);
    expect(reminders).toHaveLength(1);
    expect(reminders[0].subject).toMatch(/Rappel.*Passerelle/);
    expect((await api.call('GET', `/tutoring/requests/${seeded.requestId}`, michel)).body.overdueSince).not.toBeNull();
    expect((await api.call('POST', '/jobs/tutoring-overdue-reminders/run', referent)).status).toBe(403);
  });

  it('shows staff the mean and worst response time per tutor', async () => {
    const res = await api.call('GET', '/tutoring/response-times', staff);
    expect(res.status).toBe(200);
    expect(res.body.responseTarget).toEqual({ rule: 'working-days', workingDays: 1 });
    const m = res.body.items.find((i: { tutorUserId: string }) => i.tutorUserId === 'demo-tutor-michel');
    expect(m.answeredCount).toBe(3); // two seeded answers and this file's
    expect(m.meanResponseWorkingHours).toBeGreaterThanOrEqual(0);
    expect(m.worstResponseWorkingHours).toBeGreaterThanOrEqual(m.meanResponseWorkingHours);
    expect(m.overdueNow).toBe(1);
    expect(m.meanUsefulness).toBe(5);
    const isabelle = res.body.items.find((i: { tutorUserId: string }) => i.tutorUserId === 'demo-tutor-isabelle');
    expect(isabelle).toMatchObject({ answeredCount: 0, meanResponseWorkingHours: null, worstResponseWorkingHours: null });
    expect((await api.call('GET', '/tutoring/response-times', michel)).status).toBe(403);
  });

  it('lets staff configure the target (audited); others may read it but not change it', async () => {
    expect((await api.call('GET', '/tutoring/settings', referent)).body).toMatchObject({ responseTarget: { rule: 'working-days', workingDays: 1 }, version: 0 });
    expect((await api.call('PUT', '/tutoring/settings', { ...michel, body: { expectedVersion: 0, responseTarget: { rule: 'working-days', workingDays: 3 } } })).status).toBe(403);
    const badHour = await api.call('PUT', '/tutoring/settings', { ...staff, body: { expectedVersion: 0, responseTarget: { rule: 'same-day', cutoffHour: 24 } } });
    expect(badHour.status).toBe(400);
    expect(badHour.body.error.details[0].path).toBe('body.responseTarget.cutoffHour');
    const res = await api.call('PUT', '/tutoring/settings', { ...staff, body: { expectedVersion: 0, responseTarget: { rule: 'working-days', workingDays: 2 } } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ responseTarget: { rule: 'working-days', workingDays: 2 }, version: 1 });
    const created = await api.call('POST', '/tutoring/requests', {
      ...referent,
      body: { essaimeId: passerelleId, subject: 'Avec la nouvelle cible', axis: 'matching', text: 'Question', urgency: 'normal' },
    });
    expect(created.body.responseTarget).toEqual({ rule: 'working-days', workingDays: 2 });
    const audit = await api.call('GET', '/audit/tutoring-settings/response-target', staff);
    expect(audit.body.items[0]).toMatchObject({
      action: 'tutoring-settings.updated',
      changes: { from: { rule: 'working-days', workingDays: 1 }, to: { rule: 'working-days', workingDays: 2 } },
    });
  });
});

describe('the e-mails these flows queued', () => {
  it('greet people by name and read as French (no ISO date, no « 00:00 », no raw id)', async () => {
    const messages = await everyOutboxMessage(api);
    expect(messages.length).toBeGreaterThan(0);
    expect(outboxFaults(messages)).toEqual([]);
  });
});
