import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runReminderJob } from '../../functions/tutoring/overdue-reminders';
import type { Principal } from '../../shared/access/principal';
import { listAuditForEntity } from '../../shared/db/audit';
import type { Db } from '../../shared/db/client';
import { commit } from '../../shared/db/transact';
import { createEssaimeWrites } from '../../shared/essaimes/repository';
import type { Essaime } from '../../shared/essaimes/schemas';
import { putProfileWrite } from '../../shared/identity/repository';
import { newId } from '../../shared/ids';
import { listOutboxFor } from '../../shared/notifications/outbox';
import { createSeason } from '../../shared/seasons/use-cases';
import { getRequest, incrementLoadWrite, listOpenRequestsOfEssaime, listRequestsOfTutor, openRequestCounts } from '../../shared/tutoring/repository';
import { closeRequest, createRequest, postRequestMessage, tutorResponseTimes, updateTutoringSettings } from '../../shared/tutoring/requests';
import { assignTutor, createTutor } from '../../shared/tutoring/use-cases';
import { createTestDb, testDeps } from '../support/db';

const staff: Principal = { userId: 'staff-1', role: 'staff', structureIds: [] };
const tutor: Principal = { userId: 'tut-r', role: 'tutor', structureIds: ['str_r'] };
const referent: Principal = { userId: 'ref-r', role: 'referent', structureIds: ['str_r'] };
const zero = { prospecting: 0, loyalty: 0, 'jobseeker-support': 0, matching: 0, transformation: 0 } as const;
let db: Db;
let essaimeId: string;

const at = (iso: string) => testDeps(db, () => new Date(iso));
const ask = (when: string, subject: string, urgency: 'low' | 'normal' | 'high' = 'normal') =>
  createRequest(at(when), referent, { essaimeId, subject, axis: 'prospecting', text: 'Comment faire ?', urgency });

async function remindersFor(requestId: string) {
  const page = await listOutboxFor(db, 'tut-r', { limit: 100 });
  return page.items.filter((m) => m.kind === 'tutoring.overdue-reminder' && m.related.entityId === requestId);
}

beforeAll(async () => {
  db = await createTestDb();
  const seasonId = (await createSeason(testDeps(db), staff, { name: 'Saison test', year: 2019, startDate: '2019-09-01', endDate: '2020-12-31' })).seasonId;
  await commit(db, staff, [
    putProfileWrite(db, { userId: 'tut-r', role: 'tutor', displayName: 'Rémi Tuteur', email: 'r@acor.example', organisation: 'A.CO.R.' }),
    putProfileWrite(db, { userId: 'ref-r', role: 'referent', displayName: 'Rita Référente', email: 'r@s.example', organisation: 'S' }),
  ], []);
  await createTutor(testDeps(db), staff, { userId: 'tut-r', expertise: { ...zero, prospecting: 3 }, capacity: 1, available: true, availabilityNote: '' });
  const essaime: Essaime = {
    essaimeId: newId('essaime'), seasonId, callId: null, applicationId: null, structureId: 'str_r', structureName: 'Structure R', legalForm: 'Association',
    territory: { name: 'Territoire R', region: 'Occitanie', departement: 'Tarn', departementCode: '81', setting: 'rural', population: 10_000 },
    hypothesis: 'A', referentUserId: 'ref-r', needs: [], activeParticipantCount: 0, tutorUserId: null, createdAt: '2019-10-01T00:00:00.000Z', version: 1,
  };
  await commit(db, staff, createEssaimeWrites(db, essaime, [], essaime.createdAt), []);
  essaimeId = essaime.essaimeId;
  await assignTutor(testDeps(db), staff, essaimeId, { tutorUserId: 'tut-r' });
});
afterAll(() => db.doc.destroy());

describe('capacity is enforced by the write itself', () => {
  it('refuses a load increment beyond capacity even without the use case pre-check', async () => {
    await expect(commit(db, staff, [incrementLoadWrite(db, 'tut-r')], [])).rejects.toMatchObject({ code: 'TUTOR_AT_CAPACITY' });
  });
});

describe('overdue requests and reminders (clock driven)', () => {
  let requestId: string;

  it('a request made on Friday 17:00 (Paris) is due on Monday 17:00 and notifies the tutor', async () => {
    const request = await ask('2019-11-15T16:00:00Z', 'Première demande');
    requestId = request.requestId;
    expect(request.dueAt).toBe('2019-11-18T16:00:00.000Z');
    expect(request.status).toBe('awaiting-answer');
    const page = await listOutboxFor(db, 'tut-r', { limit: 100 });
    expect(page.items.some((m) => m.kind === 'tutoring.request-created' && m.related.entityId === requestId)).toBe(true);
  });

  it('is not overdue over the weekend', async () => {
    expect(await runReminderJob(at('2019-11-17T12:00:00Z'))).toEqual({ overdue: 0, flagged: 0, remindersQueued: 0 });
  });

  it('is flagged once and reminded once, even when the job runs twice (or concurrently)', async () => {
    const deps = at('2019-11-18T17:00:00Z');
    const [a, b] = await Promise.all([runReminderJob(deps), runReminderJob(deps)]);
    expect(a.flagged + b.flagged).toBe(1);
    expect(await runReminderJob(deps)).toMatchObject({ overdue: 1, flagged: 0, remindersQueued: 0 });
    expect(await remindersFor(requestId)).toHaveLength(1);
    expect((await getRequest(db, requestId))!.overdueSince).toBe('2019-11-18T17:00:00.000Z');
    const audit = await listAuditForEntity(db, 'tutoring-request', requestId, { limit: 10 });
    expect(audit.items.filter((e) => e.action === 'tutoring-request.flagged-overdue')).toHaveLength(1);
  });

  it('sends the second reminder only one working day later', async () => {
    expect((await runReminderJob(at('2019-11-19T10:00:00Z'))).remindersQueued).toBe(0);
    expect((await runReminderJob(at('2019-11-19T16:30:00Z'))).remindersQueued).toBe(1);
    expect((await runReminderJob(at('2019-11-19T18:00:00Z'))).remindersQueued).toBe(0);
    const reminders = await remindersFor(requestId);
    expect(reminders.map((m) => m.dedupeKey).sort()).toEqual([`tutoring-overdue:${requestId}:1`, `tutoring-overdue:${requestId}:2`]);
    expect(reminders.every((m) => m.subject.startsWith('Rappel'))).toBe(true);
  });

  it('stops once answered, and records the response time in working minutes', async () => {
    // Friday 17:00 → Wednesday 11:00 (Paris): 7 h + 24 h + 24 h + 11 h = 66 working hours
    const out = await postRequestMessage(at('2019-11-20T10:00:00Z'), tutor, requestId, { text: 'Voici ma réponse.' });
    expect(out.request).toMatchObject({ status: 'answered', responseWorkingMinutes: 66 * 60, overdue: false });
    expect(await runReminderJob(at('2019-11-21T10:00:00Z'))).toEqual({ overdue: 0, flagged: 0, remindersQueued: 0 });
  });

  it('gives staff mean and worst response time per tutor, share on target and usefulness', async () => {
    const quick = await ask('2019-11-25T09:00:00Z', 'Demande rapide');
    await postRequestMessage(at('2019-11-25T12:00:00Z'), tutor, quick.requestId, { text: 'Réponse rapide.' });
    await closeRequest(at('2019-11-25T13:00:00Z'), referent, quick.requestId, { rating: 4 });
    await closeRequest(at('2019-11-25T13:00:00Z'), referent, requestId, { rating: 2 });
    const figures = await tutorResponseTimes(at('2019-11-26T09:00:00Z'));
    expect(figures.responseTarget).toEqual({ rule: 'working-days', workingDays: 1 });
    expect(figures.items.find((i) => i.tutorUserId === 'tut-r')).toMatchObject({
      answeredCount: 2,
      meanResponseWorkingHours: 34.5,
      worstResponseWorkingHours: 66,
      worstRequestId: requestId,
      onTargetRate: 0.5,
      overdueNow: 0,
      meanUsefulness: 3,
    });
  });

  it('applies a changed target to new requests only', async () => {
    const settings = await updateTutoringSettings(testDeps(db), staff, { expectedVersion: 0, responseTarget: { rule: 'working-days', workingDays: 2 } });
    expect(settings.version).toBe(1);
    await expect(updateTutoringSettings(testDeps(db), staff, { expectedVersion: 0, responseTarget: { rule: 'working-days', workingDays: 3 } })).rejects.toMatchObject({ code: 'STALE_VERSION' });
    const request = await ask('2019-11-29T10:00:00Z', 'Avec deux jours'); // Friday → Tuesday
    expect(request).toMatchObject({ dueAt: '2019-12-03T10:00:00.000Z', responseTarget: { rule: 'working-days', workingDays: 2 } });
    // The study's "dans la journée": Monday 10:00 (Paris), before the 12 h cut-off → due that very evening.
    await updateTutoringSettings(testDeps(db), staff, { expectedVersion: 1, responseTarget: { rule: 'same-day', cutoffHour: 12 } });
    const sameDay = await ask('2019-12-02T09:00:00Z', 'Dans la journée');
    expect(sameDay).toMatchObject({ dueAt: '2019-12-02T22:59:59.999Z', responseTarget: { rule: 'same-day', cutoffHour: 12 } });
    // The Friday request keeps the rule it was made under.
    expect(await getRequest(db, request.requestId)).toMatchObject({ dueAt: '2019-12-03T10:00:00.000Z', responseTarget: { rule: 'working-days', workingDays: 2 } });
    await updateTutoringSettings(testDeps(db), staff, { expectedVersion: 2, responseTarget: { rule: 'working-days', workingDays: 1 } });
  });
});

describe("the tutor's list", () => {
  it('shows open requests most urgent first, then newest first, and pages through the index', async () => {
    const fresh = await createTestDbWithRequests();
    const first = await listRequestsOfTutor(fresh.db, 'tut-r', 'open', { limit: 3 });
    const second = await listRequestsOfTutor(fresh.db, 'tut-r', 'open', { limit: 3, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...second.items].map((r) => r.subject)).toEqual(['H2', 'H1', 'N2', 'N1', 'L2', 'L1']);
    // DynamoDB hands a key back when a page is exactly full; the next page is then empty and final.
    const third = await listRequestsOfTutor(fresh.db, 'tut-r', 'open', { limit: 3, cursor: second.nextCursor ?? undefined });
    expect(third).toEqual({ items: [], nextCursor: null });
  });
});

/** Same setup on its own table, so the order is not mixed with the requests above. */
async function createTestDbWithRequests() {
  const saved = { db, essaimeId };
  db = await createTestDb();
  try {
    const seasonId = (await createSeason(testDeps(db), staff, { name: 'Saison liste', year: 2019, startDate: '2019-09-01', endDate: '2020-12-31' })).seasonId;
    const essaime: Essaime = {
      essaimeId: newId('essaime'), seasonId, callId: null, applicationId: null, structureId: 'str_r', structureName: 'Structure R', legalForm: 'Association',
      territory: { name: 'Territoire R', region: 'Occitanie', departement: 'Tarn', departementCode: '81', setting: 'rural', population: 10_000 },
      hypothesis: 'A', referentUserId: 'ref-r', needs: [], activeParticipantCount: 0, tutorUserId: 'tut-r', createdAt: '2019-10-01T00:00:00.000Z', version: 1,
    };
    await commit(db, staff, createEssaimeWrites(db, essaime, [], essaime.createdAt), []);
    essaimeId = essaime.essaimeId;
    const plan: [string, 'low' | 'normal' | 'high'][] = [['L1', 'low'], ['H1', 'high'], ['N1', 'normal'], ['L2', 'low'], ['N2', 'normal'], ['H2', 'high']];
    for (const [i, [subject, urgency]] of plan.entries()) await ask(`2019-11-1${i}T09:00:00Z`, subject, urgency);
    return { db };
  } finally {
    ({ db, essaimeId } = { db: saved.db, essaimeId: saved.essaimeId });
  }
}

describe("an essaimé's open-requests counter (read by cohort progress instead of counting)", () => {
  it('follows the requests opened and closed, in their own transactions', async () => {
    const counted = async () => (await listOpenRequestsOfEssaime(db, 'str_r', essaimeId)).length;
    const before = (await openRequestCounts(db, [essaimeId]))[essaimeId];
    expect(before).toBe(await counted());
    const one = await ask('2019-12-02T09:00:00Z', 'Compteur 1');
    await ask('2019-12-02T09:05:00Z', 'Compteur 2');
    expect((await openRequestCounts(db, [essaimeId]))[essaimeId]).toBe(before! + 2);
    await closeRequest(at('2019-12-02T10:00:00Z'), referent, one.requestId, {});
    const after = await openRequestCounts(db, [essaimeId, 'essaime_never-asked']);
    expect(after).toEqual({ [essaimeId]: before! + 1, 'essaime_never-asked': 0 });
    expect(after[essaimeId]).toBe(await counted());
  });
});
