import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../shared/db/audit';
import type { DomainError } from '../../shared/errors';
import { addParticipant, replaceParticipant, withdrawParticipant } from '../../shared/training/participants';
import { createEssaimeWrites, getEssaimeWithParticipants } from '../../shared/essaimes/repository';
import { getProgress, listAllProgress, listEssaimeModuleAttendance } from '../../shared/training/progress-repository';
import { getCohortProgramme, listSessions } from '../../shared/training/repository';
import { summarizeAttendance } from '../../shared/training/rules';
import { cohortProgress } from '../../shared/read-models/cohort-progress';
import { cancelSession, createCohort, moveSession, readEssaimeTraining, recordAttendance, submitDeliverable } from '../../shared/training/use-cases';
import { createTestDb, snapshotTable, testDeps } from '../support/db';
import type { Principal } from '../../shared/access/principal';
import type { Db } from '../../shared/db/client';
import { commit } from '../../shared/db/transact';
import type { Essaime, Participant } from '../../shared/essaimes/schemas';
import { putProfileWrite } from '../../shared/identity/repository';
import { newId } from '../../shared/ids';
import { createSeason } from '../../shared/seasons/use-cases';

const staff: Principal = { userId: 'staff-claire', role: 'staff', structureIds: [] };
const at = (iso: string) => () => new Date(iso);

/** A season with `count` essaimés of `participants` people each, and two tutors: the arrangement of a cohort. */
async function arrangeSeason(db: Db, year: number, count: number, participants = 3) {
  const deps = testDeps(db, at(`${year}-09-01T08:00:00Z`));
  const season = await createSeason(deps, staff, { name: `Saison ${year}`, year, startDate: `${year}-09-01`, endDate: `${year + 1}-12-31` });
  for (const userId of [`tutor-a-${year}`, `tutor-b-${year}`]) {
    await commit(db, staff, [putProfileWrite(db, { userId, role: 'tutor', displayName: userId, email: `${userId}@acor.example`, organisation: 'A.CO.R.' })], [], deps.now());
  }
  const essaimes: { essaime: Essaime; participants: Participant[] }[] = [];
  for (let i = 0; i < count; i += 1) {
    const essaimeId = newId('essaime');
    const structureId = `str_test-${year}-${String(i).padStart(3, '0')}`;
    const since = `${year}-09-01T08:00:00.000Z`;
    const essaime: Essaime = {
      essaimeId,
      seasonId: season.seasonId,
      callId: null,
      applicationId: null,
      structureId,
      structureName: `Structure ${String(i).padStart(3, '0')}`,
      legalForm: 'Association loi 1901',
      territory: { name: 'Territoire', region: 'Occitanie', departement: 'Gers', departementCode: '32', setting: 'rural', population: 20_000 },
      hypothesis: 'A',
      referentUserId: `referent-${structureId}`,
      needs: [],
      activeParticipantCount: participants,
      tutorUserId: null,
      createdAt: since,
      version: 1,
    };
    const people: Participant[] = Array.from({ length: participants }, (_, k) => ({
      name: `Personne ${i}-${k}`,
      role: 'Chargé de relation entreprises',
      email: `p${i}-${k}@structure.example`,
      participantId: newId('participant'),
      essaimeId,
      structureId,
      active: true,
      since,
      until: null,
      replacedBy: null,
    }));
    await commit(db, staff, createEssaimeWrites(db, essaime, people, since), [{ action: 'essaime.created', entityType: 'essaime', entityId: essaimeId }], deps.now());
    essaimes.push({ essaime, participants: people });
  }
  return { season, essaimes, tutors: [`tutor-a-${year}`, `tutor-b-${year}`] };
}

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.doc.destroy());

const sessionInput = (date: string) => ({ date, startTime: '09:30', durationMinutes: 180, mode: 'in-person' as const, place: 'A.CO.R., Pau' });

describe('cohort creation', () => {
  it('creates the cohort of a season with five default modules (one per axis), its sessions and one progress item per essaimé, all audited', async () => {
    const { season, essaimes, tutors } = await arrangeSeason(db, 2030, 3);
    const deps = testDeps(db, at('2030-09-15T08:00:00Z'));
    const cohort = await createCohort(deps, staff, season.seasonId, {
      startDate: '2030-10-07',
      modules: [
        { axis: 'prospecting', expertUserIds: [tutors[0]!], sessions: [sessionInput('2030-10-07'), sessionInput('2030-10-21')] },
        { axis: 'loyalty' },
      ],
    });
    expect(cohort.endDate).toBe('2031-03-06');
    expect(cohort.attendanceThreshold).toBe(0.8);
    expect(cohort.modules.map((m) => m.axis)).toEqual(['prospecting', 'loyalty']);
    expect(cohort.modules[0]!.objectives.length).toBeGreaterThan(0);
    expect(cohort.sessions).toHaveLength(2);
    expect(cohort.essaimeIds.sort()).toEqual(essaimes.map((e) => e.essaime.essaimeId).sort());

    const programme = await getCohortProgramme(db, cohort.cohortId);
    expect(programme.modules).toHaveLength(2);
    expect(programme.sessions.map((s) => s.date)).toEqual(['2030-10-07', '2030-10-21']);
    expect((await listAuditForEntity(db, 'cohort', cohort.cohortId, { limit: 10 })).items[0]!.action).toBe('cohort.created');
    expect((await listAuditForEntity(db, 'module', cohort.modules[0]!.moduleId, { limit: 10 })).items[0]!.action).toBe('module.created');
    expect((await listAuditForEntity(db, 'session', cohort.sessions[0]!.sessionId, { limit: 10 })).items[0]!.action).toBe('session.created');
    expect((await listAuditForEntity(db, 'essaime', essaimes[0]!.essaime.essaimeId, { limit: 10 })).items.map((a) => a.action)).toContain('training.enrolled');
  });

  it('defaults to five modules, one per axis, with French objectives', async () => {
    const { season } = await arrangeSeason(db, 2031, 1);
    const cohort = await createCohort(testDeps(db, at('2031-09-15T08:00:00Z')), staff, season.seasonId, { startDate: '2031-10-06' });
    expect(cohort.modules.map((m) => m.axis)).toEqual(['prospecting', 'loyalty', 'jobseeker-support', 'matching', 'transformation']);
    expect(cohort.modules[2]!.title).toContain("Accompagner les demandeurs d'emploi");
    expect(cohort.modules[2]!.objectives.join(' ')).toContain("période d'engagement réciproque");
  });

  it('refuses a second cohort for the season, an unknown expert and a session outside the five months, writing nothing', async () => {
    const { season } = await arrangeSeason(db, 2032, 1);
    const deps = testDeps(db, at('2032-09-15T08:00:00Z'));
    const before = await snapshotTable(db);
    await expect(createCohort(deps, staff, season.seasonId, { startDate: '2032-10-04', modules: [{ axis: 'matching', expertUserIds: ['nobody'] }] })).rejects.toMatchObject({ code: 'UNKNOWN_EXPERT' });
    await expect(
      createCohort(deps, staff, season.seasonId, { startDate: '2032-10-04', modules: [{ axis: 'matching', sessions: [sessionInput('2033-03-10')] }] }),
    ).rejects.toMatchObject({ code: 'SESSION_OUTSIDE_COHORT', details: [{ path: 'body.modules.0.sessions.0.date' }] });
    expect(await snapshotTable(db)).toEqual(before);
    await createCohort(deps, staff, season.seasonId, { startDate: '2032-10-04' });
    const afterFirst = await snapshotTable(db);
    await expect(createCohort(deps, staff, season.seasonId, { startDate: '2032-10-04' })).rejects.toMatchObject({ code: 'COHORT_EXISTS' });
    expect(await snapshotTable(db)).toEqual(afterFirst);
  });

  it('lets only one of concurrent creations of the same season through', async () => {
    const { season } = await arrangeSeason(db, 2033, 2);
    const deps = testDeps(db, at('2033-09-15T08:00:00Z'));
    const attempts = await Promise.allSettled(Array.from({ length: 4 }, () => createCohort(deps, staff, season.seasonId, { startDate: '2033-10-03' })));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const failure of attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected')) {
      expect(['COHORT_EXISTS', 'TRANSACTION_CONFLICT']).toContain((failure.reason as DomainError).code);
    }
  });

  it('enrols a large season in several transactions (more than 100 items)', async () => {
    const { season, essaimes } = await arrangeSeason(db, 2034, 60, 1);
    const cohort = await createCohort(testDeps(db, at('2034-09-15T08:00:00Z')), staff, season.seasonId, { startDate: '2034-10-02' });
    const all = await listAllProgress(db, cohort.cohortId);
    expect(all).toHaveLength(60);
    expect(new Set(all.map((p) => p.essaimeId))).toEqual(new Set(essaimes.map((e) => e.essaime.essaimeId)));
  });
});

describe('attendance', () => {
  it('keeps counters of sessions, modules and essaimés equal to a recount of the records, through corrections', async () => {
    const { season, essaimes } = await arrangeSeason(db, 2035, 2);
    const deps = testDeps(db, at('2035-12-01T10:00:00Z'));
    const cohort = await createCohort(deps, staff, season.seasonId, {
      startDate: '2035-10-01',
      modules: [{ axis: 'prospecting', sessions: [sessionInput('2035-10-01'), sessionInput('2035-10-15'), sessionInput('2035-10-29')] }],
    });
    const [s1, s2, s3] = cohort.sessions;
    const [e1, e2] = essaimes;
    const everyone = (status: (pIndex: number, eIndex: number) => 'present' | 'excused' | 'absent') =>
      [e1!, e2!].flatMap((e, ei) => e.participants.map((p, pi) => ({ essaimeId: e.essaime.essaimeId, participantId: p.participantId, status: status(pi, ei) })));

    await recordAttendance(deps, staff, cohort.cohortId, s1!.sessionId, { records: everyone(() => 'present') });
    await recordAttendance(deps, staff, cohort.cohortId, s2!.sessionId, { records: everyone((p, e) => (e === 1 && p === 0 ? 'absent' : 'present')) });
    const third = await recordAttendance(deps, staff, cohort.cohortId, s3!.sessionId, { records: everyone((p, e) => (e === 1 && p === 0 ? 'absent' : p === 2 ? 'excused' : 'present')) });
    expect(third.session.attendance).toMatchObject({ present: 3, excused: 2, absent: 1, recorded: 6 });
    // A correction and a no-op in the same bulk.
    const corrected = await recordAttendance(deps, staff, cohort.cohortId, s3!.sessionId, {
      records: [
        { essaimeId: e2!.essaime.essaimeId, participantId: e2!.participants[0]!.participantId, status: 'excused' },
        { essaimeId: e1!.essaime.essaimeId, participantId: e1!.participants[0]!.participantId, status: 'present' },
      ],
    });
    expect(corrected).toMatchObject({ recorded: 1, unchanged: 1 });

    const module = (await getCohortProgramme(db, cohort.cohortId)).modules[0]!;
    const records = await listEssaimeModuleAttendance(db, e2!.essaime.essaimeId, module.moduleId);
    const recount = summarizeAttendance(records.map((r) => ({ ...r })));
    const progress = (await getProgress(db, e2!.essaime.essaimeId))!;
    expect(progress.summary.totals).toEqual(recount.totals);
    expect(progress.summary.totals).toEqual({ present: 6, excused: 2, absent: 1 });
    expect(progress.summary.modules[module.moduleId]!.sessionsRecorded).toBe(3);
    expect({ present: module.presentCount, excused: module.excusedCount, absent: module.absentCount }).toEqual({ present: 14, excused: 3, absent: 1 });
    expect(progress.summary.participants[e2!.participants[0]!.participantId]).toMatchObject({ absent: 1, excused: 1, currentAbsences: 1 });
  });

  it('refuses attendance for a future or cancelled session, an unknown participant, and a participant of an essaimé outside the cohort', async () => {
    const { season, essaimes } = await arrangeSeason(db, 2036, 1);
    const other = await arrangeSeason(db, 2037, 1);
    const deps = testDeps(db, at('2036-10-10T10:00:00Z'));
    const cohort = await createCohort(deps, staff, season.seasonId, {
      startDate: '2036-10-01',
      modules: [{ axis: 'loyalty', sessions: [sessionInput('2036-10-25'), sessionInput('2036-10-20'), sessionInput('2036-10-05')] }],
    });
    const [past, cancelled, future] = cohort.sessions;
    const e = essaimes[0]!;
    const record = { essaimeId: e.essaime.essaimeId, participantId: e.participants[0]!.participantId, status: 'present' as const };
    await expect(recordAttendance(deps, staff, cohort.cohortId, future!.sessionId, { records: [record] })).rejects.toMatchObject({ code: 'SESSION_NOT_HELD_YET' });
    await cancelSession(deps, staff, cohort.cohortId, cancelled!.sessionId, { expectedVersion: 1, reason: 'Formateur indisponible' });
    await expect(recordAttendance(testDeps(db, at('2036-11-01T10:00:00Z')), staff, cohort.cohortId, cancelled!.sessionId, { records: [record] })).rejects.toMatchObject({ code: 'SESSION_CANCELLED' });
    const before = await snapshotTable(db);
    await expect(
      recordAttendance(deps, staff, cohort.cohortId, past!.sessionId, {
        records: [
          record,
          { essaimeId: e.essaime.essaimeId, participantId: other.essaimes[0]!.participants[0]!.participantId, status: 'absent' },
          { essaimeId: other.essaimes[0]!.essaime.essaimeId, participantId: other.essaimes[0]!.participants[1]!.participantId, status: 'absent' },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_ATTENDANCE',
      details: [
        { path: 'body.records.1.participantId', code: 'UNKNOWN_PARTICIPANT' },
        { path: 'body.records.2.essaimeId', code: 'ESSAIME_NOT_IN_COHORT' },
      ],
    });
    expect(await snapshotTable(db)).toEqual(before);
  });

  it('refuses to move or cancel a session once attendance is recorded, and a stale move', async () => {
    const { season, essaimes } = await arrangeSeason(db, 2038, 1);
    const deps = testDeps(db, at('2038-10-10T10:00:00Z'));
    const cohort = await createCohort(deps, staff, season.seasonId, { startDate: '2038-10-01', modules: [{ axis: 'matching', sessions: [sessionInput('2038-10-05'), sessionInput('2038-11-05')] }] });
    const [held, later] = cohort.sessions;
    const e = essaimes[0]!;
    await recordAttendance(deps, staff, cohort.cohortId, held!.sessionId, { records: [{ essaimeId: e.essaime.essaimeId, participantId: e.participants[0]!.participantId, status: 'present' }] });
    await expect(moveSession(deps, staff, cohort.cohortId, held!.sessionId, { expectedVersion: 2, date: '2038-10-06' })).rejects.toMatchObject({ code: 'SESSION_HAS_ATTENDANCE' });
    await expect(cancelSession(deps, staff, cohort.cohortId, held!.sessionId, { expectedVersion: 2, reason: 'Erreur' })).rejects.toMatchObject({ code: 'SESSION_HAS_ATTENDANCE' });
    const moved = await moveSession(deps, staff, cohort.cohortId, later!.sessionId, { expectedVersion: 1, date: '2038-11-12', startTime: '14:00' });
    expect(moved).toMatchObject({ date: '2038-11-12', startsAt: '2038-11-12T14:00', version: 2 });
    await expect(moveSession(deps, staff, cohort.cohortId, later!.sessionId, { expectedVersion: 1, date: '2038-11-19' })).rejects.toMatchObject({ code: 'STALE_VERSION' });
    const listed = await listSessions(db, cohort.cohortId, undefined, { limit: 10 });
    expect(listed.items.map((s) => s.startsAt)).toEqual(['2038-10-05T09:30', '2038-11-12T14:00']);
  });
});

describe('participants', () => {
  it('lets only one of two concurrent additions take the third place (conditional update of the count)', async () => {
    const { essaimes } = await arrangeSeason(db, 2039, 1, 2);
    const e = essaimes[0]!;
    const deps = testDeps(db, at('2039-10-01T10:00:00Z'));
    const attempts = await Promise.allSettled(
      ['a', 'b', 'c'].map((x) => addParticipant(deps, staff, e.essaime.essaimeId, { name: `Nouvelle ${x}`, role: 'Conseillère', email: `${x}@structure.example` })),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const failure of attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected')) {
      expect(['PARTICIPANT_LIMIT', 'TRANSACTION_CONFLICT']).toContain((failure.reason as DomainError).code);
    }
    const { essaime, participants } = await getEssaimeWithParticipants(db, e.essaime.essaimeId);
    expect(essaime!.activeParticipantCount).toBe(3);
    expect(participants.filter((p) => p.active)).toHaveLength(3);
    await expect(addParticipant(deps, staff, e.essaime.essaimeId, { name: 'Quatrième', role: 'Conseiller', email: 'q@structure.example' })).rejects.toMatchObject({ code: 'PARTICIPANT_LIMIT' });
  });

  it('keeps the history of a replacement, stops warnings on the person replaced, and frees a place on withdrawal', async () => {
    const { season, essaimes } = await arrangeSeason(db, 2040, 1, 3);
    const e = essaimes[0]!;
    const deps = testDeps(db, at('2040-11-01T10:00:00Z'));
    const cohort = await createCohort(deps, staff, season.seasonId, { startDate: '2040-10-01', modules: [{ axis: 'transformation', sessions: [sessionInput('2040-10-02'), sessionInput('2040-10-16')] }] });
    const leaving = e.participants[0]!;
    for (const s of cohort.sessions) {
      await recordAttendance(deps, staff, cohort.cohortId, s.sessionId, {
        records: e.participants.map((p) => ({ essaimeId: e.essaime.essaimeId, participantId: p.participantId, status: p === leaving ? 'absent' : 'present' })),
      });
    }
    const warned = await readEssaimeTraining(deps, staff, e.essaime.essaimeId);
    expect(warned.warnings).toContainEqual({ code: 'CONSECUTIVE_ABSENCES', participantId: leaving.participantId, name: leaving.name, absences: 2 });

    const { replaced, participant } = await replaceParticipant(deps, staff, e.essaime.essaimeId, leaving.participantId, { name: 'Remplaçante', role: 'CRE', email: 'remplacante@structure.example' });
    expect(replaced).toMatchObject({ active: false, until: '2040-11-01T10:00:00.000Z', replacedBy: participant.participantId });
    const after = await getEssaimeWithParticipants(db, e.essaime.essaimeId);
    expect(after.essaime!.activeParticipantCount).toBe(3);
    expect(after.participants.find((p) => p.participantId === leaving.participantId)).toMatchObject({ active: false, replacedBy: participant.participantId });
    const view = await readEssaimeTraining(deps, staff, e.essaime.essaimeId);
    expect(view.warnings.filter((w) => w.code === 'CONSECUTIVE_ABSENCES')).toEqual([]);
    expect(view.participants.find((p) => p.participantId === leaving.participantId)).toMatchObject({ active: false, attendance: { absent: 2 } });
    await expect(replaceParticipant(deps, staff, e.essaime.essaimeId, leaving.participantId, { name: 'Autre', role: 'CRE', email: 'autre@structure.example' })).rejects.toMatchObject({ code: 'PARTICIPANT_NOT_ACTIVE' });

    await withdrawParticipant(deps, staff, e.essaime.essaimeId, participant.participantId, 'Départ de la structure');
    expect((await getEssaimeWithParticipants(db, e.essaime.essaimeId)).essaime!.activeParticipantCount).toBe(2);
    const audit = await listAuditForEntity(db, 'participant', leaving.participantId, { limit: 10 });
    expect(audit.items.map((a) => a.action)).toEqual(['participant.replaced']);
  });
});

describe('progress view', () => {
  it('validates modules from attendance and deliverables, and pages through the cohort index', async () => {
    const { season, essaimes } = await arrangeSeason(db, 2041, 5, 2);
    const deps = testDeps(db, at('2041-12-01T10:00:00Z'));
    const cohort = await createCohort(deps, staff, season.seasonId, {
      startDate: '2041-10-01',
      modules: [{ axis: 'prospecting', sessions: [sessionInput('2041-10-02')] }, { axis: 'loyalty', sessions: [sessionInput('2041-11-02')] }],
    });
    const [m1] = cohort.modules;
    for (const s of cohort.sessions) {
      await recordAttendance(deps, staff, cohort.cohortId, s.sessionId, {
        records: essaimes.flatMap((e, i) => e.participants.map((p, k) => ({ essaimeId: e.essaime.essaimeId, participantId: p.participantId, status: i === 4 && k === 0 ? ('absent' as const) : ('present' as const) }))),
      });
    }
    for (const e of [essaimes[0]!, essaimes[4]!]) {
      const referent: Principal = { userId: e.essaime.referentUserId, role: 'referent', structureIds: [e.essaime.structureId] };
      await submitDeliverable(deps, referent, e.essaime.essaimeId, m1!.moduleId, { title: "Plan d'action", content: "Notre plan d'action pour aller vers les entreprises du territoire." });
    }
    const first = await cohortProgress(deps, cohort.cohortId, { limit: 3 }, async () => null);
    const second = await cohortProgress(deps, cohort.cohortId, { limit: 3, cursor: first.nextCursor ?? undefined }, async () => null);
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(all.map((i) => i.structureName)).toEqual(['Structure 000', 'Structure 001', 'Structure 002', 'Structure 003', 'Structure 004']);
    expect(all[0]).toMatchObject({ modulesValidated: 1, modulesTotal: 2, attendance: { rate: 1 }, warnings: [], openRequests: null });
    expect(all[0]!.modules[1]!.reasons).toEqual(['DELIVERABLE_MISSING']);
    expect(all[1]!.modulesValidated).toBe(0);
    // Structure 004: one of two people absent twice → 50%, under threshold, not validated despite its deliverable.
    expect(all[4]).toMatchObject({ modulesValidated: 0, attendance: { rate: 0.5 } });
    expect(all[4]!.warnings.map((w) => w.code)).toEqual(['CONSECUTIVE_ABSENCES', 'ATTENDANCE_BELOW_THRESHOLD']);
    expect(all[4]!.modules[0]!.reasons).toEqual(['ATTENDANCE_BELOW_THRESHOLD']);
    expect(first.modules.map((m) => m.attendance.rate)).toEqual([0.9, 0.9]);
    expect(first.openRequestsAvailable).toBe(false);
  });
});
