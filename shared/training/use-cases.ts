import type { z } from 'zod';
import type { Principal } from '../access/principal';
import { assertStructureAccess } from '../access/policy';
import type { Page, PageQuery } from '../db/pagination';
import { commit, type Actor, type AuditEntry, type Write } from '../db/transact';
import { getEssaimeWithParticipants, listAllEssaimesOfSeason, listEssaimesOfStructure } from '../essaimes/repository';
import type { Essaime, Participant } from '../essaimes/schemas';
import { conflict, notFound, unprocessable, type ErrorDetail } from '../errors';
import { getProfile } from '../identity/repository';
import { newId } from '../ids';
import { logger } from '../logger';
import { enqueueOnce, newMessage } from '../notifications/outbox';
import { axisLabels } from '../programme/axes';
import type { Deps } from '../runtime';
import { countOpenRequestsOfEssaime } from '../tutoring/repository';
import { getSeason } from '../seasons/repository';
import { defaultAxesOrder, defaultModuleTitle, defaultObjectives, frenchDate, modeLabels } from './catalogue';
import {
  createCohortWrites,
  createProgressWrite,
  createSessionWrite,
  getCohort,
  getCohortIdOfSeason,
  getCohortProgramme,
  getEssaimeTraining,
  getModule,
  getSession,
  listAllProgress,
  listCohorts,
  listModuleAttendance,
  listProgress,
  listSessionAttendance,
  listSessions,
  markDeliverableWrite,
  moduleCountersWrite,
  putAttendanceWrite,
  putDeliverableWrite,
  saveSessionWrite,
  saveSummaryWrite,
  sessionCountersWrite,
  updateModuleWrite,
} from './repository';
import {
  addCounts,
  applyRecords,
  attendanceRate,
  cohortEndDate,
  countDelta,
  DEFAULT_ATTENDANCE_THRESHOLD,
  emptyCounts,
  emptySummary,
  isSessionHeld,
  isWithin,
  moduleStatus,
  summarizeAttendance,
  trainingWarnings,
  type AttendanceCounts,
  type AttendanceFact,
  type ModuleStatus,
} from './rules';
import type {
  addSessionBody,
  AttendanceRecord,
  cancelSessionBody,
  Cohort,
  createCohortBody,
  Deliverable,
  EssaimeProgress,
  moduleInputSchema,
  moveSessionBody,
  recordAttendanceBody,
  Session,
  SessionInput,
  submitDeliverableBody,
  TrainingModule,
  updateModuleBody,
} from './schemas';

const MAX_TRANSACTION_ITEMS = 100;

// ---------------------------------------------------------------- helpers

/** An atomic unit of change: its writes and audit entries always land together. */
interface Group {
  writes: Write[];
  audit: AuditEntry[];
}

/**
 * Commits groups packed into as few transactions as possible (≤ 100 items each). Each group is atomic; the
 * first group is committed alone first when `gate` is set, so that a refused creation writes nothing at all.
 * `extra` adds per-transaction writes (e.g. counters aggregated over the groups of that transaction).
 */
async function commitGroups(
  deps: Deps,
  actor: Actor,
  groups: Group[],
  options: { gate?: boolean; extra?: (chunk: Group[]) => Write[]; extraSize?: number } = {},
): Promise<number> {
  const capacity = MAX_TRANSACTION_ITEMS - (options.extraSize ?? 0);
  const chunks: Group[][] = [];
  let current: Group[] = [];
  let size = 0;
  groups.forEach((group, index) => {
    const groupSize = group.writes.length + group.audit.length;
    if (groupSize > capacity) throw new Error(`A change group of ${groupSize} items does not fit in a transaction`);
    if (current.length > 0 && (size + groupSize > capacity || (options.gate && index === 1))) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(group);
    size += groupSize;
  });
  if (current.length > 0) chunks.push(current);
  for (const chunk of chunks) {
    await commit(
      deps.db,
      actor,
      [...chunk.flatMap((g) => g.writes), ...(options.extra?.(chunk) ?? [])],
      chunk.flatMap((g) => g.audit),
      deps.now(),
    );
  }
  return chunks.length;
}

const actorOf = (p: Principal): Actor => ({ userId: p.userId, role: p.role });

/** Experts must be A.CO.R. tutors known to the programme. */
async function assertExperts(deps: Deps, userIds: string[], path: string): Promise<void> {
  const unique = [...new Set(userIds)];
  const profiles = await Promise.all(unique.map((id) => getProfile(deps.db, id)));
  const details: ErrorDetail[] = [];
  userIds.forEach((id, index) => {
    const profile = profiles[unique.indexOf(id)];
    if (!profile || profile.role !== 'tutor') details.push({ path: `${path}.${index}`, message: 'Not an A.CO.R. tutor of the programme' });
  });
  if (details.length > 0) throw unprocessable('UNKNOWN_EXPERT', 'Every expert must be an A.CO.R. tutor of the programme', details);
}

function assertSessionDates(cohort: Pick<Cohort, 'startDate' | 'endDate'>, sessions: { date: string; path: string }[]): void {
  const details = sessions
    .filter((s) => !isWithin(s.date, cohort.startDate, cohort.endDate))
    .map((s) => ({ path: s.path, message: `Outside the cohort (${cohort.startDate} to ${cohort.endDate})` }));
  if (details.length > 0) throw unprocessable('SESSION_OUTSIDE_COHORT', 'Sessions take place within the five months of the cohort', details);
}

function newSession(cohortId: string, moduleId: string, input: SessionInput, now: string): Session {
  return {
    sessionId: newId('session'),
    cohortId,
    moduleId,
    date: input.date,
    startTime: input.startTime,
    startsAt: `${input.date}T${input.startTime}`,
    durationMinutes: input.durationMinutes,
    mode: input.mode,
    place: input.place,
    status: 'scheduled',
    cancelReason: null,
    presentCount: 0,
    excusedCount: 0,
    absentCount: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

const countsOf = (x: { presentCount: number; excusedCount: number; absentCount: number }): AttendanceCounts => ({
  present: x.presentCount,
  excused: x.excusedCount,
  absent: x.absentCount,
});

function sessionView(session: Session) {
  const counts = countsOf(session);
  return { ...session, attendance: { ...counts, recorded: counts.present + counts.excused + counts.absent, rate: attendanceRate(counts) } };
}

function moduleView(module: TrainingModule, sessions: Session[]) {
  const counts = countsOf(module);
  const own = sessions.filter((s) => s.moduleId === module.moduleId);
  return {
    ...module,
    sessionCount: own.filter((s) => s.status === 'scheduled').length,
    cancelledSessionCount: own.filter((s) => s.status === 'cancelled').length,
    attendance: { ...counts, rate: attendanceRate(counts) },
  };
}

async function loadProgramme(deps: Deps, cohortId: string) {
  const programme = await getCohortProgramme(deps.db, cohortId);
  if (!programme.cohort) throw notFound('Cohort');
  return programme as { cohort: Cohort; modules: TrainingModule[]; sessions: Session[] };
}

/**
 * Staff see every cohort; a tutor the cohorts where they are a module's expert or that train a structure
 * assigned to them; a referent those that train their structure. Others get a 404.
 */
async function assertCohortVisible(deps: Deps, principal: Principal, cohort: Cohort, modules: TrainingModule[]): Promise<void> {
  if (principal.role === 'staff') return;
  if (principal.role === 'tutor' && modules.some((m) => m.expertUserIds.includes(principal.userId))) return;
  const perStructure = await Promise.all(principal.structureIds.map((id) => listEssaimesOfStructure(deps.db, id)));
  if (perStructure.flat().some((e) => e.seasonId === cohort.seasonId)) return;
  throw notFound('Cohort');
}

/** Referents of the cohort's essaimés learn of a new, moved or cancelled session (outbox, idempotent). */
async function notifyReferents(deps: Deps, cohortId: string, session: Session, module: TrainingModule | undefined, kind: 'added' | 'moved' | 'cancelled', detail: string): Promise<number> {
  const progress = await listAllProgress(deps.db, cohortId);
  const moduleTitle = module?.title ?? 'Formation-action';
  const subjects = {
    added: `Nouvelle séance : ${moduleTitle}`,
    moved: `Séance déplacée : ${moduleTitle}`,
    cancelled: `Séance annulée : ${moduleTitle}`,
  };
  const referents = [...new Set(progress.map((p) => p.referentUserId))];
  let queued = 0;
  for (const referentUserId of referents) {
    const queuedNow = await enqueueOnce(
      deps.db,
      newMessage(
        {
          dedupeKey: `training-session-${kind}:${session.sessionId}:v${session.version}:${referentUserId}`,
          kind: `training.session-${kind}`,
          recipientUserId: referentUserId,
          subject: subjects[kind],
          body: detail,
          related: { entityType: 'session', entityId: session.sessionId },
        },
        deps.now(),
      ),
    );
    if (queuedNow) queued += 1;
  }
  return queued;
}

const describeSession = (s: Session) =>
  `le ${frenchDate(s.date)} à ${s.startTime.replace(':', 'h')} (${s.durationMinutes} min, ${modeLabels[s.mode]}, ${s.place})`;

// ---------------------------------------------------------------- cohort

/**
 * Creates the cohort of a season from its essaimés: the cohort and its modules first (one transaction, which
 * also reserves the season: a second cohort is refused before anything is written), then the sessions and
 * one progress item per essaimé, each with its audit entry.
 */
export async function createCohort(deps: Deps, actor: Principal, seasonId: string, input: z.output<typeof createCohortBody>) {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  if (await getCohortIdOfSeason(deps.db, seasonId)) throw conflict('COHORT_EXISTS', 'This season already has its cohort');
  const essaimes = await listAllEssaimesOfSeason(deps.db, seasonId);
  if (essaimes.length === 0) throw unprocessable('NO_ESSAIMES', 'The season has no selected structure (essaimé) yet');

  const now = deps.now().toISOString();
  const cohortId = newId('cohort');
  const cohort: Cohort = {
    cohortId,
    seasonId,
    name: input.name ?? `Formation-action ${season.name}`,
    startDate: input.startDate,
    endDate: cohortEndDate(input.startDate),
    attendanceThreshold: input.attendanceThreshold ?? DEFAULT_ATTENDANCE_THRESHOLD,
    essaimeCount: essaimes.length,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const moduleInputs: z.output<typeof moduleInputSchema>[] = input.modules ?? defaultAxesOrder.map((axis) => ({ axis }));
  await Promise.all(moduleInputs.map((m, i) => assertExperts(deps, m.expertUserIds ?? [], `body.modules.${i}.expertUserIds`)));
  assertSessionDates(
    cohort,
    moduleInputs.flatMap((m, i) => (m.sessions ?? []).map((s, j) => ({ date: s.date, path: `body.modules.${i}.sessions.${j}.date` }))),
  );

  const modules: TrainingModule[] = moduleInputs.map((m, index) => ({
    moduleId: newId('module'),
    cohortId,
    order: index + 1,
    axis: m.axis,
    title: m.title ?? defaultModuleTitle(m.axis, index + 1),
    objectives: m.objectives ?? defaultObjectives[m.axis],
    expertUserIds: m.expertUserIds ?? [],
    presentCount: 0,
    excusedCount: 0,
    absentCount: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const sessions = moduleInputs
    .flatMap((m, i) => (m.sessions ?? []).map((s) => newSession(cohortId, modules[i]!.moduleId, s, now)))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  const groups: Group[] = [
    {
      writes: createCohortWrites(deps.db, cohort, modules),
      audit: [
        { action: 'cohort.created', entityType: 'cohort', entityId: cohortId, changes: { ...cohort, moduleIds: modules.map((m) => m.moduleId) } },
        ...modules.map((m) => ({ action: 'module.created', entityType: 'module', entityId: m.moduleId, changes: { cohortId, axis: m.axis, title: m.title, expertUserIds: m.expertUserIds } })),
      ],
    },
    ...sessions.map((s) => ({
      writes: [createSessionWrite(deps.db, s)],
      audit: [{ action: 'session.created', entityType: 'session', entityId: s.sessionId, changes: { cohortId, moduleId: s.moduleId, date: s.date, startTime: s.startTime, durationMinutes: s.durationMinutes, mode: s.mode, place: s.place } }],
    })),
    ...essaimes.map((e) => ({
      writes: [createProgressWrite(deps.db, newProgress(cohort, e, now))],
      audit: [{ action: 'training.enrolled', entityType: 'essaime', entityId: e.essaimeId, changes: { cohortId } }],
    })),
  ];
  await commitGroups(deps, actorOf(actor), groups, { gate: true });
  logger.info('Cohort created', { cohortId, modules: modules.length, sessions: sessions.length, essaimes: essaimes.length });
  return { ...cohort, modules: modules.map((m) => moduleView(m, sessions)), sessions: sessions.map(sessionView), essaimeIds: essaimes.map((e) => e.essaimeId) };
}

function newProgress(cohort: Cohort, essaime: Essaime, now: string): EssaimeProgress {
  return {
    cohortId: cohort.cohortId,
    seasonId: cohort.seasonId,
    essaimeId: essaime.essaimeId,
    structureId: essaime.structureId,
    structureName: essaime.structureName,
    referentUserId: essaime.referentUserId,
    summary: emptySummary(),
    deliverables: {},
    inactiveParticipantIds: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export async function readCohort(deps: Deps, principal: Principal, cohortId: string) {
  const { cohort, modules, sessions } = await loadProgramme(deps, cohortId);
  await assertCohortVisible(deps, principal, cohort, modules);
  return { ...cohort, modules: modules.map((m) => moduleView(m, sessions)) };
}

export async function readCohortOfSeason(deps: Deps, principal: Principal, seasonId: string) {
  const cohortId = await getCohortIdOfSeason(deps.db, seasonId);
  if (!cohortId) throw notFound('Cohort');
  return readCohort(deps, principal, cohortId);
}

export function listAllCohorts(deps: Deps, page: PageQuery): Promise<Page<Cohort>> {
  return listCohorts(deps.db, page);
}

export async function updateModule(deps: Deps, actor: Principal, cohortId: string, moduleId: string, input: z.output<typeof updateModuleBody>) {
  const current = await getModule(deps.db, cohortId, moduleId);
  if (!current) throw notFound('Module');
  if (input.expertUserIds) await assertExperts(deps, input.expertUserIds, 'body.expertUserIds');
  const { expectedVersion, ...changes } = input;
  const next: TrainingModule = { ...current, ...changes, version: expectedVersion + 1, updatedAt: deps.now().toISOString() };
  await commit(deps.db, actorOf(actor), [updateModuleWrite(deps.db, next, expectedVersion)], [
    { action: 'module.updated', entityType: 'module', entityId: moduleId, changes },
  ], deps.now());
  return next;
}

// ---------------------------------------------------------------- sessions

export async function listCohortSessions(deps: Deps, principal: Principal, cohortId: string, query: { moduleId?: string } & PageQuery) {
  const cohort = await getCohort(deps.db, cohortId);
  if (!cohort) throw notFound('Cohort');
  if (principal.role !== 'staff') {
    const { modules } = await loadProgramme(deps, cohortId);
    await assertCohortVisible(deps, principal, cohort, modules);
  }
  if (query.moduleId && !(await getModule(deps.db, cohortId, query.moduleId))) throw notFound('Module');
  const page = await listSessions(deps.db, cohortId, query.moduleId, query);
  return { items: page.items.map(sessionView), nextCursor: page.nextCursor };
}

export async function addSession(deps: Deps, actor: Principal, cohortId: string, input: z.output<typeof addSessionBody>) {
  const cohort = await getCohort(deps.db, cohortId);
  if (!cohort) throw notFound('Cohort');
  const module = await getModule(deps.db, cohortId, input.moduleId);
  if (!module) throw unprocessable('UNKNOWN_MODULE', 'No such module in this cohort', [{ path: 'body.moduleId', message: 'Not a module of the cohort' }]);
  assertSessionDates(cohort, [{ date: input.date, path: 'body.date' }]);
  const { moduleId, ...sessionInput } = input;
  const session = newSession(cohortId, moduleId, sessionInput, deps.now().toISOString());
  await commit(deps.db, actorOf(actor), [createSessionWrite(deps.db, session)], [
    { action: 'session.created', entityType: 'session', entityId: session.sessionId, changes: { cohortId, ...input } },
  ], deps.now());
  await notifyReferents(deps, cohortId, session, module, 'added', `Une nouvelle séance du module « ${module.title} » est prévue ${describeSession(session)}.`);
  return sessionView(session);
}

async function loadSessionForChange(deps: Deps, cohortId: string, sessionId: string, expectedVersion: number): Promise<Session> {
  const session = await getSession(deps.db, cohortId, sessionId);
  if (!session) throw notFound('Session');
  if (session.status === 'cancelled') throw conflict('SESSION_CANCELLED', 'The session is cancelled');
  if (session.presentCount + session.excusedCount + session.absentCount > 0) {
    throw conflict('SESSION_HAS_ATTENDANCE', 'Attendance is already recorded for this session; it can no longer be moved or cancelled');
  }
  if (session.version !== expectedVersion) {
    throw conflict('STALE_VERSION', 'The session was changed by someone else; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]);
  }
  return session;
}

/** Moves a session (date, time, duration, mode, place); every view reads the same item, referents are told. */
export async function moveSession(deps: Deps, actor: Principal, cohortId: string, sessionId: string, input: z.output<typeof moveSessionBody>) {
  const current = await loadSessionForChange(deps, cohortId, sessionId, input.expectedVersion);
  const cohort = await getCohort(deps.db, cohortId);
  if (!cohort) throw notFound('Cohort');
  const { expectedVersion, ...changes } = input;
  const date = changes.date ?? current.date;
  const startTime = changes.startTime ?? current.startTime;
  if (changes.date) assertSessionDates(cohort, [{ date, path: 'body.date' }]);
  const next: Session = { ...current, ...changes, date, startTime, startsAt: `${date}T${startTime}`, version: expectedVersion + 1, updatedAt: deps.now().toISOString() };
  const from = { date: current.date, startTime: current.startTime, durationMinutes: current.durationMinutes, mode: current.mode, place: current.place };
  await commit(deps.db, actorOf(actor), [saveSessionWrite(deps.db, next, expectedVersion)], [
    { action: 'session.moved', entityType: 'session', entityId: sessionId, changes: { from, to: changes } },
  ], deps.now());
  const module = await getModule(deps.db, cohortId, current.moduleId);
  await notifyReferents(deps, cohortId, next, module, 'moved', `La séance prévue ${describeSession(current)} aura lieu ${describeSession(next)}.`);
  return sessionView(next);
}

export async function cancelSession(deps: Deps, actor: Principal, cohortId: string, sessionId: string, input: z.output<typeof cancelSessionBody>) {
  const current = await loadSessionForChange(deps, cohortId, sessionId, input.expectedVersion);
  const next: Session = { ...current, status: 'cancelled', cancelReason: input.reason, version: input.expectedVersion + 1, updatedAt: deps.now().toISOString() };
  await commit(deps.db, actorOf(actor), [saveSessionWrite(deps.db, next, input.expectedVersion)], [
    { action: 'session.cancelled', entityType: 'session', entityId: sessionId, changes: { reason: input.reason } },
  ], deps.now());
  const module = await getModule(deps.db, cohortId, current.moduleId);
  await notifyReferents(deps, cohortId, next, module, 'cancelled', `La séance prévue ${describeSession(current)} est annulée. Motif : ${input.reason}`);
  return sessionView(next);
}

// ---------------------------------------------------------------- attendance

/**
 * Records attendance of a session in bulk. For each essaimé concerned, its records, its recomputed summary
 * (guarded by the progress item's version) and an audit entry commit atomically; the session's and module's
 * counters get the deltas in the same transaction. Re-recording the same status is a no-op; changing it
 * corrects the counters.
 */
export async function recordAttendance(deps: Deps, actor: Principal, cohortId: string, sessionId: string, input: z.output<typeof recordAttendanceBody>) {
  const session = await getSession(deps.db, cohortId, sessionId);
  if (!session) throw notFound('Session');
  if (session.status === 'cancelled') throw conflict('SESSION_CANCELLED', 'The session is cancelled');
  if (!isSessionHeld(session.date, deps.now())) {
    throw unprocessable('SESSION_NOT_HELD_YET', `Attendance can be recorded from the day of the session (${session.date})`);
  }
  const byEssaime = new Map<string, { record: (typeof input.records)[number]; index: number }[]>();
  input.records.forEach((record, index) => byEssaime.set(record.essaimeId, [...(byEssaime.get(record.essaimeId) ?? []), { record, index }]));

  const loaded = await Promise.all(
    [...byEssaime.keys()].map(async (essaimeId) => {
      const [training, people] = await Promise.all([getEssaimeTraining(deps.db, essaimeId), getEssaimeWithParticipants(deps.db, essaimeId)]);
      return { essaimeId, training, participants: people.participants };
    }),
  );

  const details: ErrorDetail[] = [];
  for (const { essaimeId, training, participants } of loaded) {
    for (const { record, index } of byEssaime.get(essaimeId)!) {
      if (!training.progress || training.progress.cohortId !== cohortId) {
        details.push({ path: `body.records.${index}.essaimeId`, message: 'This essaimé does not follow this cohort', code: 'ESSAIME_NOT_IN_COHORT' });
        continue;
      }
      const participant = participants.find((p) => p.participantId === record.participantId);
      if (!participant) details.push({ path: `body.records.${index}.participantId`, message: 'Not a participant of this essaimé', code: 'UNKNOWN_PARTICIPANT' });
      else if (!participant.active && participant.until !== null && participant.until.slice(0, 10) < session.date) {
        details.push({ path: `body.records.${index}.participantId`, message: 'This participant had left before the session', code: 'PARTICIPANT_INACTIVE' });
      }
    }
  }
  if (details.length > 0) throw unprocessable('INVALID_ATTENDANCE', 'Some records do not match the essaimés of the cohort', details);

  const now = deps.now().toISOString();
  let unchanged = 0;
  const groups: (Group & { delta: AttendanceCounts })[] = [];
  for (const { essaimeId, training, participants } of loaded) {
    const progress = training.progress!;
    const existing = new Map(training.attendance.filter((a) => a.sessionId === sessionId).map((a) => [a.participantId, a]));
    const changes: { next: AttendanceRecord; previous?: AttendanceRecord['status'] }[] = [];
    for (const { record } of byEssaime.get(essaimeId)!) {
      const before = existing.get(record.participantId);
      const note = record.note ?? null;
      if (before && before.status === record.status && before.note === note) {
        unchanged += 1;
        continue;
      }
      changes.push({
        previous: before?.status,
        next: {
          cohortId,
          essaimeId,
          moduleId: session.moduleId,
          sessionId,
          sessionStartsAt: session.startsAt,
          participantId: record.participantId,
          status: record.status,
          note,
          recordedBy: actor.userId,
          recordedAt: now,
        },
      });
    }
    if (changes.length === 0) continue;
    const facts = applyRecords(training.attendance.map(toFact), changes.map((c) => toFact(c.next)));
    const names = Object.fromEntries(participants.map((p: Participant) => [p.participantId, p.name]));
    const summary = summarizeAttendance(facts, names);
    const delta = changes.reduce((acc, c) => addCounts(acc, countDelta(c.previous, c.next.status)), emptyCounts());
    groups.push({
      delta,
      writes: [
        ...changes.map((c) => putAttendanceWrite(deps.db, c.next, c.previous)),
        saveSummaryWrite(deps.db, essaimeId, summary, progress.version, now),
      ],
      audit: [
        {
          action: 'attendance.recorded',
          entityType: 'session',
          entityId: sessionId,
          changes: { essaimeId, records: changes.map((c) => ({ participantId: c.next.participantId, status: c.next.status, previous: c.previous ?? null })) },
        },
      ],
    });
  }

  if (groups.length > 0) {
    await commitGroups(deps, actorOf(actor), groups, {
      extraSize: 2,
      extra: (chunk) => {
        const delta = (chunk as typeof groups).reduce((acc, g) => addCounts(acc, g.delta), emptyCounts());
        return [sessionCountersWrite(deps.db, cohortId, sessionId, delta, now), moduleCountersWrite(deps.db, cohortId, session.moduleId, delta)];
      },
    });
  }
  const after = (await getSession(deps.db, cohortId, sessionId))!;
  const recorded = input.records.length - unchanged;
  logger.info('Attendance recorded', { sessionId, recorded, unchanged });
  return { session: sessionView(after), recorded, unchanged };
}

const toFact = (a: AttendanceRecord): AttendanceFact => ({
  moduleId: a.moduleId,
  sessionId: a.sessionId,
  sessionStartsAt: a.sessionStartsAt,
  participantId: a.participantId,
  status: a.status,
});

export async function readSessionAttendance(deps: Deps, cohortId: string, sessionId: string, page: PageQuery): Promise<Page<AttendanceRecord>> {
  if (!(await getSession(deps.db, cohortId, sessionId))) throw notFound('Session');
  return listSessionAttendance(deps.db, sessionId, page);
}

export async function readModuleAttendance(deps: Deps, cohortId: string, moduleId: string, page: PageQuery): Promise<Page<AttendanceRecord>> {
  if (!(await getModule(deps.db, cohortId, moduleId))) throw notFound('Module');
  return listModuleAttendance(deps.db, moduleId, page);
}

// ---------------------------------------------------------------- progress and views

function moduleStatusesOf(progress: EssaimeProgress, modules: TrainingModule[], sessions: Session[], threshold: number) {
  return modules.map((m) => {
    const status: ModuleStatus = moduleStatus({
      attendance: progress.summary.modules[m.moduleId],
      sessionsToHold: sessions.filter((s) => s.moduleId === m.moduleId && s.status === 'scheduled').length,
      deliverableSubmitted: progress.deliverables[m.moduleId] !== undefined,
      threshold,
    });
    const counts = progress.summary.modules[m.moduleId] ?? { ...emptyCounts(), sessionsRecorded: 0 };
    return { moduleId: m.moduleId, order: m.order, axis: m.axis, title: m.title, present: counts.present, excused: counts.excused, absent: counts.absent, deliverableSubmittedAt: progress.deliverables[m.moduleId] ?? null, ...status };
  });
}

/** Open tutoring requests per essaimé of a page; `null` when no source is available. */
export type OpenRequestsCounter = (deps: Deps, essaimes: { essaimeId: string; structureId: string }[]) => Promise<Record<string, number> | null>;

/** From the tutoring module: one Query per essaimé of the page (its structure's requests), in parallel. */
export const openRequestsFromTutoring: OpenRequestsCounter = async (deps, essaimes) => {
  const counts = await Promise.all(essaimes.map((e) => countOpenRequestsOfEssaime(deps.db, e.structureId, e.essaimeId)));
  return Object.fromEntries(essaimes.map((e, i) => [e.essaimeId, counts[i] ?? 0]));
};

/**
 * The cohort's progress for staff: one page of essaimés (progress items through the cohort index, by
 * structure name) with modules validated, attendance and warnings, plus per-module rates over the whole
 * cohort from the modules' counters. Two Queries whatever the volume of attendance (the cohort partition and
 * a page of the progress index), plus one Query per essaimé of the page for its open tutoring requests.
 */
export async function cohortProgress(deps: Deps, cohortId: string, page: PageQuery, openRequests: OpenRequestsCounter = openRequestsFromTutoring) {
  const [{ cohort, modules, sessions }, progressPage] = await Promise.all([loadProgramme(deps, cohortId), listProgress(deps.db, cohortId, page)]);
  const threshold = cohort.attendanceThreshold;
  const open = await openRequests(deps, progressPage.items.map((p) => ({ essaimeId: p.essaimeId, structureId: p.structureId })));
  const items = progressPage.items.map((p) => {
    const moduleStatuses = moduleStatusesOf(p, modules, sessions, threshold);
    const inactive = new Set(p.inactiveParticipantIds);
    return {
      essaimeId: p.essaimeId,
      structureId: p.structureId,
      structureName: p.structureName,
      attendance: { ...p.summary.totals, rate: attendanceRate(p.summary.totals) },
      modulesValidated: moduleStatuses.filter((m) => m.validated).length,
      modulesTotal: modules.length,
      modules: moduleStatuses.map(({ moduleId, axis, validated, rate, reasons }) => ({ moduleId, axis, validated, rate, reasons })),
      participants: Object.entries(p.summary.participants)
        .filter(([id]) => !inactive.has(id))
        .map(([participantId, s]) => ({ participantId, name: s.name, rate: attendanceRate(s), present: s.present, excused: s.excused, absent: s.absent, currentAbsences: s.currentAbsences })),
      warnings: trainingWarnings(p.summary, threshold, inactive),
      openRequests: open ? (open[p.essaimeId] ?? 0) : null,
    };
  });
  return {
    cohort: { cohortId, seasonId: cohort.seasonId, name: cohort.name, startDate: cohort.startDate, endDate: cohort.endDate, attendanceThreshold: threshold, essaimeCount: cohort.essaimeCount },
    modules: modules.map((m) => moduleView(m, sessions)).map(({ moduleId, order, axis, title, sessionCount, attendance }) => ({ moduleId, order, axis, title, sessionCount, attendance })),
    openRequestsAvailable: open !== null,
    items,
    nextCursor: progressPage.nextCursor,
  };
}

/**
 * One essaimé's training, for staff, its referent and its tutor: the cohort's sessions (every view reads the
 * same session items, so moves and cancellations show at once), its attendance per session, each module's
 * status and deliverable, each participant's rate, and the warnings.
 */
export async function readEssaimeTraining(deps: Deps, principal: Principal, essaimeId: string) {
  const { essaime, participants } = await getEssaimeWithParticipants(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureAccess(principal, essaime.structureId, 'Essaimé');
  const training = await getEssaimeTraining(deps.db, essaimeId);
  if (!training.progress) throw notFound('Training of this essaimé');
  const progress = training.progress;
  const { cohort, modules, sessions } = await loadProgramme(deps, progress.cohortId);
  const threshold = cohort.attendanceThreshold;
  const bySession = new Map<string, AttendanceRecord[]>();
  for (const a of training.attendance) bySession.set(a.sessionId, [...(bySession.get(a.sessionId) ?? []), a]);
  const modulesById = new Map(modules.map((m) => [m.moduleId, m]));
  const inactive = new Set(progress.inactiveParticipantIds);
  const statuses = moduleStatusesOf(progress, modules, sessions, threshold);
  return {
    essaimeId,
    structureId: essaime.structureId,
    structureName: essaime.structureName,
    cohort: { cohortId: cohort.cohortId, name: cohort.name, startDate: cohort.startDate, endDate: cohort.endDate, attendanceThreshold: threshold },
    attendance: { ...progress.summary.totals, rate: attendanceRate(progress.summary.totals) },
    modules: statuses.map((s) => {
      const m = modulesById.get(s.moduleId)!;
      const deliverable = training.deliverables.find((d) => d.moduleId === s.moduleId);
      return {
        ...s,
        axisLabel: axisLabels[m.axis],
        objectives: m.objectives,
        expertUserIds: m.expertUserIds,
        deliverable: deliverable ?? null,
      };
    }),
    sessions: sessions.map((s) => ({
      sessionId: s.sessionId,
      moduleId: s.moduleId,
      moduleTitle: modulesById.get(s.moduleId)?.title ?? '',
      date: s.date,
      startTime: s.startTime,
      durationMinutes: s.durationMinutes,
      mode: s.mode,
      place: s.place,
      status: s.status,
      cancelReason: s.cancelReason,
      attendance: (bySession.get(s.sessionId) ?? []).map((a) => ({ participantId: a.participantId, status: a.status })),
    })),
    participants: participants
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name))
      .map((p) => {
        const s = progress.summary.participants[p.participantId];
        const counts = s ?? emptyCounts();
        return {
          participantId: p.participantId,
          name: p.name,
          role: p.role,
          active: p.active,
          since: p.since,
          until: p.until,
          replacedBy: p.replacedBy,
          attendance: { present: counts.present, excused: counts.excused, absent: counts.absent, rate: attendanceRate(counts) },
          currentAbsences: s?.currentAbsences ?? 0,
        };
      }),
    warnings: trainingWarnings(progress.summary, threshold, inactive),
  };
}

/** The referent submits (or replaces) the essaimé's action plan for a module's axis: its deliverable. */
export async function submitDeliverable(deps: Deps, principal: Principal, essaimeId: string, moduleId: string, input: z.output<typeof submitDeliverableBody>): Promise<Deliverable> {
  const { essaime } = await getEssaimeWithParticipants(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureAccess(principal, essaime.structureId, 'Essaimé');
  const training = await getEssaimeTraining(deps.db, essaimeId);
  if (!training.progress) throw notFound('Training of this essaimé');
  const module = await getModule(deps.db, training.progress.cohortId, moduleId);
  if (!module) throw notFound('Module');
  const current = training.deliverables.find((d) => d.moduleId === moduleId);
  if (current && input.expectedVersion === undefined) {
    throw conflict('DELIVERABLE_EXISTS', 'A deliverable was already submitted for this module; send expectedVersion to replace it');
  }
  if (!current && input.expectedVersion !== undefined) throw notFound('Deliverable');
  const now = deps.now().toISOString();
  const deliverable: Deliverable = {
    deliverableId: current?.deliverableId ?? newId('deliverable'),
    essaimeId,
    cohortId: training.progress.cohortId,
    moduleId,
    axis: module.axis,
    title: input.title,
    content: input.content,
    submittedBy: principal.userId,
    submittedAt: now,
    version: (input.expectedVersion ?? 0) + 1,
  };
  await commit(deps.db, actorOf(principal), [putDeliverableWrite(deps.db, deliverable, input.expectedVersion), markDeliverableWrite(deps.db, essaimeId, moduleId, now)], [
    {
      action: current ? 'deliverable.resubmitted' : 'deliverable.submitted',
      entityType: 'deliverable',
      entityId: deliverable.deliverableId,
      changes: { essaimeId, moduleId, axis: module.axis, title: input.title, version: deliverable.version },
    },
  ], deps.now());
  return deliverable;
}
