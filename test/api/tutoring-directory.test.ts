import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { everyOutboxMessage, outboxFaults } from '../support/french-text';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/** Tutor directory, needs, suggestions and assignment, over HTTP with real tokens and the demo data. */
let api: TestApi;
let seasonId: string;
const essaimes: Record<string, { essaimeId: string; version: number; tutorUserId: string | null }> = {};

const staff = { as: 'demo-staff-claire' };
const zero = { prospecting: 0, loyalty: 0, 'jobseeker-support': 0, matching: 0, transformation: 0 };

async function essaime(structureId: string) {
  const res = await api.call('GET', `/essaimes/${essaimes[structureId]!.essaimeId}`, staff);
  return res.body as { essaimeId: string; version: number; tutorUserId: string | null; needs: unknown[] };
}

beforeAll(async () => {
  api = await startTestApi();
  const seasons = await api.call('GET', '/seasons?limit=10', staff);
  seasonId = seasons.body.items.find((s: { year: number }) => s.year === demoSeasons.cohort).seasonId;
  const list = await api.call('GET', `/seasons/${seasonId}/essaimes?limit=100`, staff);
  for (const e of list.body.items) essaimes[e.structureId] = e;
});
afterAll(() => api.stop());

describe('tutor directory', () => {
  it('lists the seeded A.CO.R. tutors for staff, with expertise, capacity, load and availability', async () => {
    const res = await api.call('GET', '/tutors?limit=50', staff);
    expect(res.status).toBe(200);
    const michel = res.body.items.find((t: { userId: string }) => t.userId === 'demo-tutor-michel');
    expect(michel).toMatchObject({ displayName: 'Michel Lacoste', capacity: 3, load: 1, available: true });
    expect(michel.expertise.prospecting).toBe(3);
    expect(res.body.items.map((t: { userId: string }) => t.userId)).toEqual(expect.arrayContaining(['demo-tutor-isabelle', 'demo-tutor-jean-pierre', 'demo-tutor-sylvie', 'demo-tutor-marc']));
    expect(res.body.items.find((t: { userId: string }) => t.userId === 'demo-tutor-marc').available).toBe(false);
  });

  it('pages through the directory', async () => {
    const first = await api.call('GET', '/tutors?limit=2', staff);
    expect(first.body.items).toHaveLength(2);
    const second = await api.call('GET', `/tutors?limit=2&cursor=${first.body.nextCursor}`, staff);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.items[0].userId).not.toBe(first.body.items[0].userId);
  });

  it('is staff-only (403 for a tutor and a referent)', async () => {
    expect((await api.call('GET', '/tutors', { as: 'demo-tutor-michel' })).status).toBe(403);
    expect((await api.call('GET', '/tutors', { as: 'demo-referent-passerelle' })).status).toBe(403);
    const body = { userId: 'demo-tutor-isabelle', expertise: zero, capacity: 1 };
    expect((await api.call('POST', '/tutors', { as: 'demo-tutor-michel', body })).status).toBe(403);
  });

  it('lets a tutor read their own entry only (403 for another’s)', async () => {
    expect((await api.call('GET', '/tutors/demo-tutor-michel', { as: 'demo-tutor-michel' })).status).toBe(200);
    expect((await api.call('GET', '/tutors/demo-tutor-michel', { as: 'demo-tutor-isabelle' })).status).toBe(403);
  });

  it('refuses to list a user without the tutor role, and a duplicate', async () => {
    const notTutor = await api.call('POST', '/tutors', { ...staff, body: { userId: 'demo-referent-jura', expertise: zero, capacity: 2 } });
    expect(notTutor.status).toBe(422);
    expect(notTutor.body.error.code).toBe('NOT_A_TUTOR');
    const dup = await api.call('POST', '/tutors', { ...staff, body: { userId: 'demo-tutor-michel', expertise: zero, capacity: 2 } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('TUTOR_EXISTS');
  });

  it('updates availability under optimistic locking, audited', async () => {
    const current = (await api.call('GET', '/tutors/demo-tutor-isabelle', staff)).body;
    const res = await api.call('PATCH', '/tutors/demo-tutor-isabelle', { ...staff, body: { expectedVersion: current.version, availabilityNote: 'Le mardi et le jeudi' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ availabilityNote: 'Le mardi et le jeudi', version: current.version + 1 });
    const stale = await api.call('PATCH', '/tutors/demo-tutor-isabelle', { ...staff, body: { expectedVersion: current.version, capacity: 3 } });
    expect(stale.status).toBe(409);
    const audit = await api.call('GET', '/audit/tutor/demo-tutor-isabelle', staff);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['tutor.created', 'tutor.updated']));
  });
});

describe("essaimé's declared needs", () => {
  it('staff edit the needs by axis (optimistic locking, audited); others are refused', async () => {
    const jura = await essaime('str_jura-service');
    const needs = [
      { axis: 'jobseeker-support', priority: 1, description: 'Structurer les PER' },
      { axis: 'loyalty', priority: 2, description: '' },
    ];
    const res = await api.call('PUT', `/essaimes/${jura.essaimeId}/needs`, { ...staff, body: { expectedVersion: jura.version, needs } });
    expect(res.status).toBe(200);
    expect(res.body.needs).toEqual(needs);
    expect((await essaime('str_jura-service')).needs).toEqual(needs);
    const stale = await api.call('PUT', `/essaimes/${jura.essaimeId}/needs`, { ...staff, body: { expectedVersion: jura.version, needs: [] } });
    expect(stale.status).toBe(409);
    const dupAxis = await api.call('PUT', `/essaimes/${jura.essaimeId}/needs`, { ...staff, body: { expectedVersion: jura.version + 1, needs: [needs[0], needs[0]] } });
    expect(dupAxis.status).toBe(400);
    expect((await api.call('PUT', `/essaimes/${jura.essaimeId}/needs`, { as: 'demo-referent-jura', body: { expectedVersion: jura.version + 1, needs } })).status).toBe(403);
    const audit = await api.call('GET', `/audit/essaime/${jura.essaimeId}`, staff);
    expect(audit.body.items[0]).toMatchObject({ action: 'essaime.needs-updated', actorId: 'demo-staff-claire' });
  });
});

describe('tutor suggestions and assignment', () => {
  it('suggests, for each essaimé, tutors with a score and French reasons, within capacity', async () => {
    const res = await api.call('GET', `/seasons/${seasonId}/tutor-suggestions`, staff);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(Object.keys(essaimes).length);
    const passerelle = res.body.items.find((i: { structureName: string }) => i.structureName === 'Passerelle');
    expect(passerelle.currentTutor).toMatchObject({ userId: 'demo-tutor-michel', displayName: 'Michel Lacoste' });
    expect(passerelle.proposal).toBeNull();
    const jura = res.body.items.find((i: { structureName: string }) => i.structureName === 'Jura Service');
    expect(jura.proposal.tutorUserId).toBeTruthy();
    expect(jura.proposal.score).toBeGreaterThan(0);
    expect(jura.proposal.reasons[0]).toMatch(/^Besoin prioritaire « Accompagner les demandeurs d'emploi \(PER\) » : expertise [1-3]\/3$/);
    for (const item of res.body.items) for (const c of item.candidates) expect(c.tutorUserId).not.toBe('demo-tutor-marc'); // unavailable
    const proposals = res.body.items.filter((i: { proposal: unknown }) => i.proposal).map((i: { proposal: { tutorUserId: string } }) => i.proposal.tutorUserId);
    expect(proposals.length).toBe(Math.min(res.body.withoutTutor, res.body.spareCapacity));
    const tutors = (await api.call('GET', '/tutors?limit=50', staff)).body.items as { userId: string; load: number; capacity: number }[];
    for (const t of tutors) expect(t.load + proposals.filter((p: string) => p === t.userId).length).toBeLessThanOrEqual(t.capacity);
    expect((await api.call('GET', `/seasons/${seasonId}/tutor-suggestions`, { as: 'demo-tutor-michel' })).status).toBe(403);
  });

  it("confirms a tutor: the essaimé, the tutor's load and the tutor's access all follow", async () => {
    const jura = essaimes['str_jura-service']!;
    // Before: Isabelle cannot see Jura Service.
    expect((await api.call('GET', `/tutoring/essaimes/${jura.essaimeId}`, { as: 'demo-tutor-isabelle' })).status).toBe(404);
    expect((await api.call('GET', `/essaimes/${jura.essaimeId}`, { as: 'demo-tutor-isabelle' })).status).toBe(404);
    const res = await api.call('POST', `/essaimes/${jura.essaimeId}/tutor`, { ...staff, body: { tutorUserId: 'demo-tutor-isabelle' } });
    expect(res.status).toBe(200);
    expect(['confirmed', 'overridden']).toContain(res.body.kind);
    expect(res.body.essaime.tutorUserId).toBe('demo-tutor-isabelle');
    expect((await api.call('GET', '/tutors/demo-tutor-isabelle', staff)).body.load).toBe(1);
    const me = await api.call('GET', '/me', { as: 'demo-tutor-isabelle' });
    expect(me.body.structureIds).toEqual(['str_jura-service']);
    const view = await api.call('GET', `/tutoring/essaimes/${jura.essaimeId}`, { as: 'demo-tutor-isabelle' });
    expect(view.status).toBe(200);
    expect(view.body.tutor).toMatchObject({ userId: 'demo-tutor-isabelle', displayName: 'Isabelle Etcheverry' });
    const mine = await api.call('GET', '/tutors/demo-tutor-isabelle/essaimes', { as: 'demo-tutor-isabelle' });
    expect(mine.body.items.map((a: { structureId: string }) => a.structureId)).toEqual(['str_jura-service']);
    const outbox = await api.call('GET', '/outbox', { as: 'demo-tutor-isabelle' });
    expect(outbox.body.items.some((m: { kind: string; subject: string }) => m.kind === 'tutoring.tutor-assigned' && m.subject.includes('Jura Service'))).toBe(true);
  });

  it('refuses a tutor reading an essaimé not assigned to them (404), and listing another tutor’s essaimés (403)', async () => {
    const jura = essaimes['str_jura-service']!;
    expect((await api.call('GET', `/tutoring/essaimes/${jura.essaimeId}`, { as: 'demo-tutor-michel' })).status).toBe(404);
    expect((await api.call('GET', `/essaimes/${jura.essaimeId}`, { as: 'demo-tutor-michel' })).status).toBe(404);
    expect((await api.call('GET', '/tutors/demo-tutor-isabelle/essaimes', { as: 'demo-tutor-michel' })).status).toBe(403);
    const own = await api.call('GET', `/tutoring/essaimes/${essaimes.str_passerelle!.essaimeId}`, { as: 'demo-tutor-michel' });
    expect(own.status).toBe(200);
    expect(own.body.structureName).toBe('Passerelle');
  });

  it("shows a referent their own essaimé's tutor, and hides other structures' (404)", async () => {
    const own = await api.call('GET', `/tutoring/essaimes/${essaimes.str_passerelle!.essaimeId}`, { as: 'demo-referent-passerelle' });
    expect(own.body.tutor.userId).toBe('demo-tutor-michel');
    expect((await api.call('GET', `/tutoring/essaimes/${essaimes.str_passerelle!.essaimeId}`, { as: 'demo-referent-jura' })).status).toBe(404);
  });

  it('reassigns with a reason, keeps the history (paginated), and moves access to the new tutor', async () => {
    const jura = essaimes['str_jura-service']!;
    const res = await api.call('POST', `/essaimes/${jura.essaimeId}/tutor`, { ...staff, body: { tutorUserId: 'demo-tutor-sylvie', reason: 'Expertise PER plus forte' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'reassigned', previousTutorUserId: 'demo-tutor-isabelle', tutorUserId: 'demo-tutor-sylvie', reason: 'Expertise PER plus forte' });
    expect((await api.call('GET', '/tutors/demo-tutor-isabelle', staff)).body.load).toBe(0);
    expect((await api.call('GET', '/me', { as: 'demo-tutor-isabelle' })).body.structureIds).toEqual([]);
    expect((await api.call('GET', `/tutoring/essaimes/${jura.essaimeId}`, { as: 'demo-tutor-isabelle' })).status).toBe(404);
    const page1 = await api.call('GET', `/essaimes/${jura.essaimeId}/tutor-assignments?limit=1`, staff);
    expect(page1.body.items[0].kind).toBe('reassigned');
    const page2 = await api.call('GET', `/essaimes/${jura.essaimeId}/tutor-assignments?limit=1&cursor=${page1.body.nextCursor}`, staff);
    expect(page2.body.items[0].tutorUserId).toBe('demo-tutor-isabelle');
    const audit = await api.call('GET', `/audit/essaime/${jura.essaimeId}`, staff);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('tutor-assignment.reassigned');
    const tutorAudit = await api.call('GET', '/audit/tutor/demo-tutor-isabelle', staff);
    expect(tutorAudit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['tutor.essaime-assigned', 'tutor.essaime-unassigned']));
  });

  it('never gives a tutor more essaimés than its capacity (409), nor an unavailable one (422)', async () => {
    // Jean-Pierre: capacity 2
    const targets = ['str_etudes-chantiers', 'str_acteure', 'str_semes'].map((s) => essaimes[s]!.essaimeId);
    expect((await api.call('POST', `/essaimes/${targets[0]}/tutor`, { ...staff, body: { tutorUserId: 'demo-tutor-jean-pierre' } })).status).toBe(200);
    expect((await api.call('POST', `/essaimes/${targets[1]}/tutor`, { ...staff, body: { tutorUserId: 'demo-tutor-jean-pierre' } })).status).toBe(200);
    const third = await api.call('POST', `/essaimes/${targets[2]}/tutor`, { ...staff, body: { tutorUserId: 'demo-tutor-jean-pierre' } });
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('TUTOR_AT_CAPACITY');
    expect((await api.call('GET', '/tutors/demo-tutor-jean-pierre', staff)).body).toMatchObject({ load: 2, capacity: 2 });
    const away = await api.call('POST', `/essaimes/${targets[2]}/tutor`, { ...staff, body: { tutorUserId: 'demo-tutor-marc' } });
    expect(away.status).toBe(422);
    expect(away.body.error.code).toBe('TUTOR_UNAVAILABLE');
    expect((await api.call('POST', `/essaimes/${targets[2]}/tutor`, { as: 'demo-referent-passerelle', body: { tutorUserId: 'demo-tutor-isabelle' } })).status).toBe(403);
  });

  it('releases an essaimé: the capacity is freed and the change audited', async () => {
    const target = essaimes.str_acteure!.essaimeId;
    const res = await api.call('DELETE', `/essaimes/${target}/tutor`, staff);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('released');
    expect((await api.call('GET', '/tutors/demo-tutor-jean-pierre', staff)).body.load).toBe(1);
    expect((await api.call('DELETE', `/essaimes/${target}/tutor`, staff)).status).toBe(409);
    const audit = await api.call('GET', `/audit/essaime/${target}`, staff);
    expect(audit.body.items[0].action).toBe('tutor-assignment.released');
  });
});

describe('the e-mails these flows queued', () => {
  it('greet people by name and read as French (no ISO date, no « 00:00 », no raw id)', async () => {
    const messages = await everyOutboxMessage(api);
    expect(messages.length).toBeGreaterThan(0);
    expect(outboxFaults(messages)).toEqual([]);
  });
});
