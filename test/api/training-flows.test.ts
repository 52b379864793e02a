import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commit } from '../../shared/db/transact';
import { createEssaimeWrites } from '../../shared/essaimes/repository';
import type { Essaime } from '../../shared/essaimes/schemas';
import { newId } from '../../shared/ids';
import { snapshotTable } from '../support/db';
import { startTestApi, type TestApi } from '../support/api';
import { everyOutboxMessage, outboxFaults } from '../support/french-text';
import { demoCalendar, demoSeasonYears } from '../../scripts/seed/demo-calendar';
import { addDays } from '../../shared/calendar';
import { cohortEndDate } from '../../shared/training/rules';

const demoSeasons = demoSeasonYears();
const calendar = demoCalendar(new Date());

/**
 * The training half of issue 4 over HTTP, on the demo data (the cohort seeded by scripts/seed/training.ts:
 * ten sessions from the demo calendar's training start, attendance of those held, deliverables of Passerelle and Jura Service).
 */
let api: TestApi;
let seasonId: string;
let cohortId: string;
const essaimeOf: Record<string, { essaimeId: string; structureId: string }> = {};

beforeAll(async () => {
  api = await startTestApi();
  const seasons = await api.call('GET', '/seasons?limit=10', { as: 'demo-staff-claire' });
  seasonId = seasons.body.items.find((s: { year: number }) => s.year === demoSeasons.cohort).seasonId;
  const essaimes = await api.call('GET', `/seasons/${seasonId}/essaimes?limit=100`, { as: 'demo-staff-claire' });
  for (const e of essaimes.body.items) essaimeOf[e.structureId] = { essaimeId: e.essaimeId, structureId: e.structureId };
  const cohort = await api.call('GET', `/seasons/${seasonId}/cohort`, { as: 'demo-staff-claire' });
  cohortId = cohort.body.cohortId;
});
afterAll(() => api.stop());

const passerelle = () => essaimeOf.str_passerelle!.essaimeId;
const jura = () => essaimeOf['str_jura-service']!.essaimeId;
const air = () => essaimeOf['str_air-aicm']!.essaimeId;

async function sessions(as = 'demo-staff-claire') {
  const res = await api.call('GET', `/cohorts/${cohortId}/sessions?limit=100`, { as });
  return res.body.items as { sessionId: string; moduleId: string; date: string; startTime: string; version: number; status: string; attendance: { recorded: number } }[];
}

async function auditActions(entityType: string, entityId: string): Promise<string[]> {
  const res = await api.call('GET', `/audit/${entityType}/${entityId}?limit=50`, { as: 'demo-staff-claire' });
  expect(res.status).toBe(200);
  return res.body.items.map((a: { action: string }) => a.action);
}

describe('the cohort of a season', () => {
  it('is seeded for the cohort season with five modules (one per axis), experts and objectives, and readable by staff', async () => {
    const res = await api.call('GET', `/seasons/${seasonId}/cohort`, { as: 'demo-staff-thomas' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ startDate: calendar.trainingStart, endDate: cohortEndDate(calendar.trainingStart), attendanceThreshold: 0.8, essaimeCount: 6 });
    expect(res.body.modules.map((m: { axis: string }) => m.axis)).toEqual(['prospecting', 'loyalty', 'jobseeker-support', 'matching', 'transformation']);
    expect(res.body.modules[0]).toMatchObject({ expertUserIds: ['demo-tutor-michel'], sessionCount: 2 });
    expect(res.body.modules[0].objectives[0]).toMatch(/aller-vers/);
  });

  it('is visible to a referent of an essaimé of the season and to a module expert, not to an unrelated referent', async () => {
    expect((await api.call('GET', `/cohorts/${cohortId}`, { as: 'demo-referent-jura' })).status).toBe(200);
    expect((await api.call('GET', `/cohorts/${cohortId}`, { as: 'demo-tutor-isabelle' })).status).toBe(200);
    const stranger = await api.call('GET', `/cohorts/${cohortId}`, { as: 'demo-applicant-envol' });
    expect(stranger.status).toBe(404);
    expect((await api.call('GET', `/cohorts/${cohortId}/sessions`, { as: 'demo-applicant-envol' })).status).toBe(404);
  });

  it('refuses a second cohort for the season (409) and creation by a referent or tutor (403)', async () => {
    const body = { startDate: calendar.trainingStart };
    const res = await api.call('POST', `/seasons/${seasonId}/cohort`, { as: 'demo-staff-claire', body });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('COHORT_EXISTS');
    expect((await api.call('POST', `/seasons/${seasonId}/cohort`, { as: 'demo-referent-passerelle', body })).status).toBe(403);
    expect((await api.call('POST', `/seasons/${seasonId}/cohort`, { as: 'demo-tutor-michel', body })).status).toBe(403);
  });

  it('creates a cohort from the essaimés of a season, by default five modules, audited', async () => {
    const season = await api.call('POST', '/seasons', { as: 'demo-staff-claire', body: { name: 'Saison 2023-2024', year: 2023, startDate: '2023-09-01', endDate: '2025-03-31' } });
    expect(season.status).toBe(201);
    const noEssaimes = await api.call('POST', `/seasons/${season.body.seasonId}/cohort`, { as: 'demo-staff-claire', body: { startDate: '2023-10-02' } });
    expect(noEssaimes.status).toBe(422);
    expect(noEssaimes.body.error.code).toBe('NO_ESSAIMES');
    // Arrange: an essaimé selected for that season (selection is another module's flow).
    const db = api.product.deps.db;
    const since = new Date().toISOString();
    const essaime: Essaime = {
      essaimeId: newId('essaime'), seasonId: season.body.seasonId, callId: null, applicationId: null, structureId: 'str_envol', structureName: "L'Envol",
      legalForm: "Entreprise d'insertion", territory: { name: 'Pays des Six Vallées', region: 'Nouvelle-Aquitaine', departement: 'Vienne', departementCode: '86', setting: 'rural', population: 40_000 },
      hypothesis: 'A', referentUserId: 'demo-applicant-envol', needs: [], activeParticipantCount: 0, tutorUserId: null, createdAt: since, version: 1,
    };
    await commit(db, { userId: 'test-arrange', role: 'staff' }, createEssaimeWrites(db, essaime, [], since), []);

    const res = await api.call('POST', `/seasons/${season.body.seasonId}/cohort`, {
      as: 'demo-staff-claire',
      body: { startDate: '2023-10-02', attendanceThreshold: 0.75, modules: [{ axis: 'matching', expertUserIds: ['demo-tutor-isabelle'], sessions: [{ date: '2023-10-09', startTime: '09:00', durationMinutes: 180, mode: 'remote', place: 'Visioconférence' }] }] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ endDate: '2024-03-01', attendanceThreshold: 0.75, essaimeIds: [essaime.essaimeId] });
    expect(res.body.sessions).toHaveLength(1);
    expect(await auditActions('cohort', res.body.cohortId)).toEqual(['cohort.created']);
    expect(await auditActions('essaime', essaime.essaimeId)).toContain('training.enrolled');
    const badExpert = await api.call('PATCH', `/cohorts/${res.body.cohortId}/modules/${res.body.modules[0].moduleId}`, { as: 'demo-staff-claire', body: { expectedVersion: 1, expertUserIds: ['demo-referent-jura'] } });
    expect(badExpert.status).toBe(422);
    expect(badExpert.body.error).toMatchObject({ code: 'UNKNOWN_EXPERT', details: [{ path: 'body.expertUserIds.0' }] });
    const outside = await api.call('POST', `/cohorts/${res.body.cohortId}/sessions`, {
      as: 'demo-staff-claire',
      body: { moduleId: res.body.modules[0].moduleId, date: '2024-03-02', startTime: '09:00', durationMinutes: 60, mode: 'remote', place: 'Visioconférence' },
    });
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('SESSION_OUTSIDE_COHORT');
  });

  it('lists cohorts through their index, most recent first, staff only', async () => {
    const first = await api.call('GET', '/cohorts?limit=1', { as: 'demo-staff-claire' });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await api.call('GET', `/cohorts?limit=1&cursor=${first.body.nextCursor}`, { as: 'demo-staff-claire' });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].cohortId).not.toBe(first.body.items[0].cohortId);
    expect(first.body.items[0].startDate >= second.body.items[0].startDate).toBe(true);
    expect((await api.call('GET', '/cohorts', { as: 'demo-referent-passerelle' })).status).toBe(403);
  });

  it("updates a module's experts with optimistic locking (audited), staff only", async () => {
    const cohort = await api.call('GET', `/cohorts/${cohortId}`, { as: 'demo-staff-claire' });
    const module = cohort.body.modules[3];
    const path = `/cohorts/${cohortId}/modules/${module.moduleId}`;
    expect((await api.call('PATCH', path, { as: 'demo-tutor-isabelle', body: { expectedVersion: module.version, expertUserIds: [] } })).status).toBe(403);
    const res = await api.call('PATCH', path, { as: 'demo-staff-claire', body: { expectedVersion: module.version, expertUserIds: ['demo-tutor-isabelle', 'demo-tutor-michel'] } });
    expect(res.status).toBe(200);
    expect(res.body.expertUserIds).toEqual(['demo-tutor-isabelle', 'demo-tutor-michel']);
    const stale = await api.call('PATCH', path, { as: 'demo-staff-claire', body: { expectedVersion: module.version, title: 'Autre titre' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect(await auditActions('module', module.moduleId)).toEqual(['module.updated', 'module.created']);
  });
});

describe('sessions', () => {
  it('lists the sessions chronologically, paginating through the cohort index', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { startsAt: string }[]; nextCursor: string | null } } = await api.call('GET', `/cohorts/${cohortId}/sessions?limit=4${cursor ? `&cursor=${cursor}` : ''}`, { as: 'demo-referent-passerelle' });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((s) => s.startsAt));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(seen[0]).toBe(`${calendar.trainingStart}T09:30`);
    expect([...seen].sort()).toEqual(seen);
  });

  it('adds, moves and cancels a session; the referent sees each change and is told; all audited', async () => {
    const cohort = await api.call('GET', `/cohorts/${cohortId}`, { as: 'demo-staff-claire' });
    const moduleId = cohort.body.modules[4].moduleId;
    const body = { moduleId, date: addDays(calendar.trainingStart, 136), startTime: '09:30', durationMinutes: 120, mode: 'in-person', place: 'Ansa, Paris' };
    expect((await api.call('POST', `/cohorts/${cohortId}/sessions`, { as: 'demo-referent-passerelle', body })).status).toBe(403);
    const added = await api.call('POST', `/cohorts/${cohortId}/sessions`, { as: 'demo-staff-claire', body });
    expect(added.status).toBe(201);
    const sessionId = added.body.sessionId;

    const moved = await api.call('PATCH', `/cohorts/${cohortId}/sessions/${sessionId}`, { as: 'demo-staff-thomas', body: { expectedVersion: 1, date: addDays(calendar.trainingStart, 138), startTime: '14:00', mode: 'remote', place: 'Visioconférence' } });
    expect(moved.status).toBe(200);
    let view = await api.call('GET', `/essaimes/${passerelle()}/training`, { as: 'demo-referent-passerelle' });
    expect(view.body.sessions.find((s: { sessionId: string }) => s.sessionId === sessionId)).toMatchObject({ date: addDays(calendar.trainingStart, 138), startTime: '14:00', mode: 'remote', status: 'scheduled' });

    const cancelled = await api.call('POST', `/cohorts/${cohortId}/sessions/${sessionId}/cancel`, { as: 'demo-staff-claire', body: { expectedVersion: 2, reason: 'Intervenant indisponible' } });
    expect(cancelled.status).toBe(200);
    view = await api.call('GET', `/essaimes/${passerelle()}/training`, { as: 'demo-referent-passerelle' });
    expect(view.body.sessions.find((s: { sessionId: string }) => s.sessionId === sessionId)).toMatchObject({ status: 'cancelled', cancelReason: 'Intervenant indisponible' });
    const again = await api.call('POST', `/cohorts/${cohortId}/sessions/${sessionId}/cancel`, { as: 'demo-staff-claire', body: { expectedVersion: 3, reason: 'Encore' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SESSION_CANCELLED');

    const outbox = await api.call('GET', '/outbox?limit=50', { as: 'demo-referent-passerelle' });
    const subjects = outbox.body.items.filter((m: { related: { entityId: string } }) => m.related.entityId === sessionId).map((m: { subject: string }) => m.subject);
    expect(subjects.some((s: string) => s.startsWith('Nouvelle séance'))).toBe(true);
    expect(subjects.some((s: string) => s.startsWith('Séance déplacée'))).toBe(true);
    expect(subjects.some((s: string) => s.startsWith('Séance annulée'))).toBe(true);
    expect(await auditActions('session', sessionId)).toEqual(['session.cancelled', 'session.moved', 'session.created']);
  });

  it('refuses to move a session whose attendance is recorded', async () => {
    const first = (await sessions())[0]!;
    const res = await api.call('PATCH', `/cohorts/${cohortId}/sessions/${first.sessionId}`, { as: 'demo-staff-claire', body: { expectedVersion: first.version, date: addDays(calendar.trainingStart, 1) } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SESSION_HAS_ATTENDANCE');
  });
});

describe('participants', () => {
  it('refuses a fourth active participant with PARTICIPANT_LIMIT, writing nothing', async () => {
    const before = await snapshotTable(api.product.deps.db);
    const res = await api.call('POST', `/essaimes/${passerelle()}/participants`, { as: 'demo-staff-claire', body: { name: 'Quatrième Personne', role: 'Conseiller', email: 'quatrieme@passerelle.example' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PARTICIPANT_LIMIT');
    const byReferent = await api.call('POST', `/essaimes/${passerelle()}/participants`, { as: 'demo-referent-passerelle', body: { name: 'Quatrième Personne', role: 'Conseiller', email: 'quatrieme@passerelle.example' } });
    expect(byReferent.status).toBe(409);
    expect(byReferent.body.error.code).toBe('PARTICIPANT_LIMIT');
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
  });

  it("lets the referent add a third participant to their structure, not to another's (404), and not a tutor (403)", async () => {
    const body = { name: 'Sébastien Roy', role: 'Chargé de relation entreprises', email: 'sebastien.roy@jura-service.example' };
    expect((await api.call('POST', `/essaimes/${jura()}/participants`, { as: 'demo-referent-passerelle', body })).status).toBe(404);
    expect((await api.call('POST', `/essaimes/${jura()}/participants`, { as: 'demo-tutor-michel', body })).status).toBe(403);
    const res = await api.call('POST', `/essaimes/${jura()}/participants`, { as: 'demo-referent-jura', body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ active: true, until: null, replacedBy: null });
    const fourth = await api.call('POST', `/essaimes/${jura()}/participants`, { as: 'demo-referent-jura', body: { ...body, email: 'autre@jura-service.example' } });
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe('PARTICIPANT_LIMIT');
    expect(await auditActions('participant', res.body.participantId)).toEqual(['participant.added']);
  });

  it('replaces a participant keeping history (until, replacedBy), audited', async () => {
    const essaime = await api.call('GET', `/essaimes/${air()}`, { as: 'demo-staff-claire' });
    const sandrine = essaime.body.participants.find((p: { name: string }) => p.name === 'Sandrine Billaud');
    const res = await api.call('POST', `/essaimes/${air()}/participants/${sandrine.participantId}/replace`, {
      as: 'demo-staff-claire',
      body: { name: 'Mathieu Poupin', role: 'Chargé de relation entreprises', email: 'mathieu.poupin@air-aicm.example' },
    });
    expect(res.status).toBe(201);
    expect(res.body.replaced).toMatchObject({ participantId: sandrine.participantId, active: false, replacedBy: res.body.participant.participantId });
    expect(res.body.replaced.until).not.toBeNull();
    const after = await api.call('GET', `/essaimes/${air()}`, { as: 'demo-staff-claire' });
    expect(after.body.activeParticipantCount).toBe(1);
    expect(after.body.participants).toHaveLength(2);
    expect(await auditActions('participant', sandrine.participantId)).toEqual(['participant.replaced']);
    const twice = await api.call('POST', `/essaimes/${air()}/participants/${sandrine.participantId}/replace`, { as: 'demo-staff-claire', body: { name: 'Autre Personne', role: 'CRE', email: 'autre@air-aicm.example' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('PARTICIPANT_NOT_ACTIVE');
  });
});

describe('attendance', () => {
  async function passerelleRecords(status: 'present' | 'excused' | 'absent') {
    const essaime = await api.call('GET', `/essaimes/${passerelle()}`, { as: 'demo-staff-claire' });
    return essaime.body.participants.filter((p: { active: boolean }) => p.active).map((p: { participantId: string }) => ({ essaimeId: passerelle(), participantId: p.participantId, status }));
  }

  it('refuses recording by a tutor or a referent (403), writing nothing', async () => {
    const session = (await sessions()).find((s) => s.attendance.recorded === 0 && s.date < calendar.today)!;
    const body = { records: await passerelleRecords('present') };
    const before = await snapshotTable(api.product.deps.db);
    for (const as of ['demo-tutor-michel', 'demo-referent-passerelle']) {
      const res = await api.call('PUT', `/cohorts/${cohortId}/sessions/${session.sessionId}/attendance`, { as, body });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('ROLE_NOT_ALLOWED');
    }
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
  });

  it('records a session in bulk (staff), updates the rates, and audits it', async () => {
    const session = (await sessions()).find((s) => s.attendance.recorded === 0 && s.date < calendar.today)!;
    const records = [...(await passerelleRecords('present')).slice(0, 2), ...(await passerelleRecords('excused')).slice(2)];
    const res = await api.call('PUT', `/cohorts/${cohortId}/sessions/${session.sessionId}/attendance`, { as: 'demo-staff-claire', body: { records } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ recorded: 3, unchanged: 0, session: { attendance: { present: 2, excused: 1, absent: 0, rate: 1 } } });
    const again = await api.call('PUT', `/cohorts/${cohortId}/sessions/${session.sessionId}/attendance`, { as: 'demo-staff-claire', body: { records } });
    expect(again.body).toMatchObject({ recorded: 0, unchanged: 3 });
    expect(await auditActions('session', session.sessionId)).toContain('attendance.recorded');

    const list = await api.call('GET', `/cohorts/${cohortId}/sessions/${session.sessionId}/attendance?limit=2`, { as: 'demo-staff-claire' });
    expect(list.body.items).toHaveLength(2);
    expect(list.body.nextCursor).not.toBeNull();
    const rest = await api.call('GET', `/cohorts/${cohortId}/sessions/${session.sessionId}/attendance?limit=2&cursor=${list.body.nextCursor}`, { as: 'demo-staff-claire' });
    expect(rest.body.items).toHaveLength(1);
    expect((await api.call('GET', `/cohorts/${cohortId}/sessions/${session.sessionId}/attendance`, { as: 'demo-referent-passerelle' })).status).toBe(403);
  });

  it('refuses records of a participant not in the essaimé (422 with the field path)', async () => {
    const session = (await sessions()).filter((s) => s.date < calendar.today).at(-1)!;
    const juraPeople = await api.call('GET', `/essaimes/${jura()}`, { as: 'demo-staff-claire' });
    const res = await api.call('PUT', `/cohorts/${cohortId}/sessions/${session.sessionId}/attendance`, {
      as: 'demo-staff-claire',
      body: { records: [{ essaimeId: passerelle(), participantId: juraPeople.body.participants[0].participantId, status: 'present' }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.records.0.participantId', code: 'UNKNOWN_PARTICIPANT' });
  });

  it("pages a module's attendance over every essaimé through its index", async () => {
    const cohort = await api.call('GET', `/cohorts/${cohortId}`, { as: 'demo-staff-claire' });
    const moduleId = cohort.body.modules[0].moduleId;
    let cursor: string | null = null;
    let count = 0;
    do {
      const res: { body: { items: { moduleId: string }[]; nextCursor: string | null } } = await api.call('GET', `/cohorts/${cohortId}/modules/${moduleId}/attendance?limit=5${cursor ? `&cursor=${cursor}` : ''}`, { as: 'demo-staff-claire' });
      expect(res.body.items.every((r) => r.moduleId === moduleId)).toBe(true);
      count += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    // Two sessions of module 1 for the eleven seeded participants.
    expect(count).toBe(22);
    expect(cohort.body.modules[0].attendance).toMatchObject({ present: 21, absent: 1 });
  });
});

describe("an essaimé's training, as its referent and its tutor", () => {
  it('shows the referent their sessions, attendance, module status and rates', async () => {
    const res = await api.call('GET', `/essaimes/${passerelle()}/training`, { as: 'demo-referent-passerelle' });
    expect(res.status).toBe(200);
    expect(res.body.sessions.length).toBeGreaterThanOrEqual(10);
    expect(res.body.sessions[0].attendance).toHaveLength(3);
    expect(res.body.modules.slice(0, 2).map((m: { validated: boolean }) => m.validated)).toEqual([true, true]);
    expect(res.body.modules[2]).toMatchObject({ validated: false, reasons: ['DELIVERABLE_MISSING'] });
    expect(res.body.participants.every((p: Record<string, unknown>) => !('email' in p))).toBe(true);
    expect(res.body.attendance.rate).toBe(1);
  });

  it("shows Jura Service's warning on two absences in a row", async () => {
    const res = await api.call('GET', `/essaimes/${jura()}/training`, { as: 'demo-referent-jura' });
    expect(res.body.warnings).toContainEqual(expect.objectContaining({ code: 'CONSECUTIVE_ABSENCES', name: 'Paul Gauthier', absences: 2 }));
  });

  it("answers 404 to a referent reading another structure's training, and to a tutor not assigned to it", async () => {
    const other = await api.call('GET', `/essaimes/${passerelle()}/training`, { as: 'demo-referent-jura' });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    expect((await api.call('GET', `/essaimes/${jura()}/training`, { as: 'demo-tutor-michel' })).status).toBe(404);
    expect((await api.call('GET', `/essaimes/${passerelle()}/training`, { as: 'demo-tutor-michel' })).status).toBe(200);
  });

  it('lets the referent submit a deliverable (and replace it with its version); not staff, not another referent', async () => {
    const view = await api.call('GET', `/essaimes/${passerelle()}/training`, { as: 'demo-referent-passerelle' });
    const moduleId = view.body.modules[2].moduleId;
    const path = `/essaimes/${passerelle()}/training/deliverables/${moduleId}`;
    const body = { title: "Plan d'action PER", content: "Mise en place de la période d'engagement réciproque avec chaque personne accueillie." };
    expect((await api.call('PUT', path, { as: 'demo-staff-claire', body })).status).toBe(403);
    expect((await api.call('PUT', path, { as: 'demo-referent-jura', body })).status).toBe(404);
    const res = await api.call('PUT', path, { as: 'demo-referent-passerelle', body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, axis: 'jobseeker-support', submittedBy: 'demo-referent-passerelle' });
    const dup = await api.call('PUT', path, { as: 'demo-referent-passerelle', body });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DELIVERABLE_EXISTS');
    const replaced = await api.call('PUT', path, { as: 'demo-referent-passerelle', body: { ...body, expectedVersion: 1 } });
    expect(replaced.body.version).toBe(2);
    expect(await auditActions('deliverable', res.body.deliverableId)).toEqual(['deliverable.resubmitted', 'deliverable.submitted']);
    const after = await api.call('GET', `/essaimes/${passerelle()}/training`, { as: 'demo-referent-passerelle' });
    expect(after.body.modules[2]).toMatchObject({ deliverableSubmitted: true, deliverable: { version: 2 } });
  });
});

describe('cohort progress (staff)', () => {
  it('shows per essaimé the modules validated, attendance, warnings and open requests, paginated; per module the rates', async () => {
    const first = await api.call('GET', `/cohorts/${cohortId}/progress?limit=4`, { as: 'demo-staff-claire' });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(4);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await api.call('GET', `/cohorts/${cohortId}/progress?limit=4&cursor=${first.body.nextCursor}`, { as: 'demo-staff-claire' });
    const items = [...first.body.items, ...second.body.items];
    expect(items).toHaveLength(6);
    const byName: Record<string, any> = Object.fromEntries(items.map((i: { structureName: string }) => [i.structureName, i]));
    expect(byName.Passerelle.modulesValidated).toBeGreaterThanOrEqual(2);
    expect(byName.Passerelle.modulesTotal).toBe(5);
    expect(byName['Jura Service'].warnings.map((w: { code: string }) => w.code)).toContain('CONSECUTIVE_ABSENCES');
    expect(byName['AIR & AICM'].attendance.rate).toBeLessThan(0.8);
    expect(first.body.openRequestsAvailable).toBe(true);
    expect(items.every((i: { openRequests: unknown }) => typeof i.openRequests === 'number')).toBe(true);
    expect(first.body.modules).toHaveLength(5);
    expect(first.body.modules[0].attendance.rate).toBeGreaterThan(0.9);
  });

  it('is refused to referents and tutors (403)', async () => {
    expect((await api.call('GET', `/cohorts/${cohortId}/progress`, { as: 'demo-referent-passerelle' })).status).toBe(403);
    expect((await api.call('GET', `/cohorts/${cohortId}/progress`, { as: 'demo-tutor-michel' })).status).toBe(403);
  });
});

describe('the e-mails these flows queued', () => {
  it('greet people by name and read as French (no ISO date, no « 00:00 », no raw id)', async () => {
    const messages = await everyOutboxMessage(api);
    expect(messages.length).toBeGreaterThan(0);
    expect(outboxFaults(messages)).toEqual([]);
  });
});
