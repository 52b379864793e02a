import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { parisDay } from '../calendar';
import { commitGroups, type Group } from '../db/commit-groups';
import type { Page, PageQuery } from '../db/pagination';
import { getEssaimeWithParticipants } from '../essaimes/repository';
import type { Participant } from '../essaimes/schemas';
import { conflict, notFound, unprocessable, type ErrorDetail } from '../errors';
import { logger } from '../logger';
import type { Deps } from '../runtime';
import { getEssaimeTraining, listModuleAttendance, listSessionAttendance, putAttendanceWrite, saveSummaryWrite } from './progress-repository';
import { getModule, getSession, moduleCountersWrite, sessionCountersWrite } from './repository';
import { addCounts, applyRecords, countDelta, emptyCounts, isSessionHeld, summarizeAttendance, type AttendanceCounts, type AttendanceFact } from './rules';
import type { AttendanceRecord, EssaimeProgress, recordAttendanceBody, Session } from './schemas';
import { actorOf } from './support';
import { sessionView, type AttendanceRecording } from './views';

type RecordInput = z.output<typeof recordAttendanceBody>['records'][number];
/** A record of the request with its place in it (for the field path of an error). */
type Indexed = { record: RecordInput; index: number };
/** What is known of one essaimé concerned by the recording. */
interface EssaimeState {
  essaimeId: string;
  training: Awaited<ReturnType<typeof getEssaimeTraining>>;
  participants: Participant[];
}
interface Change {
  next: AttendanceRecord;
  previous?: AttendanceRecord['status'];
}
type EssaimeGroup = Group & { delta: AttendanceCounts };

const toFact = (a: AttendanceRecord): AttendanceFact => ({
  moduleId: a.moduleId,
  sessionId: a.sessionId,
  sessionStartsAt: a.sessionStartsAt,
  participantId: a.participantId,
  status: a.status,
});

/** Attendance is recorded on a scheduled session, from its day on. */
async function loadRecordableSession(deps: Deps, cohortId: string, sessionId: string): Promise<Session> {
  const session = await getSession(deps.db, cohortId, sessionId);
  if (!session) throw notFound('Session');
  if (session.status === 'cancelled') throw conflict('SESSION_CANCELLED', 'The session is cancelled');
  if (!isSessionHeld(session.date, deps.now())) {
    throw unprocessable('SESSION_NOT_HELD_YET', `Attendance can be recorded from the day of the session (${session.date})`);
  }
  return session;
}

function groupByEssaime(records: RecordInput[]): Map<string, Indexed[]> {
  const byEssaime = new Map<string, Indexed[]>();
  records.forEach((record, index) => {
    byEssaime.set(record.essaimeId, [...(byEssaime.get(record.essaimeId) ?? []), { record, index }]);
  });
  return byEssaime;
}

/** Each essaimé's training partition and participants: two Queries per essaimé, in parallel. */
function loadEssaimes(deps: Deps, essaimeIds: string[]): Promise<EssaimeState[]> {
  return Promise.all(
    essaimeIds.map(async (essaimeId) => {
      const [training, people] = await Promise.all([getEssaimeTraining(deps.db, essaimeId), getEssaimeWithParticipants(deps.db, essaimeId)]);
      return { essaimeId, training, participants: people.participants };
    }),
  );
}

/** Every record names an essaimé of this cohort and one of its participants who had not left before the session. */
function assertRecordsMatch(cohortId: string, session: Session, byEssaime: Map<string, Indexed[]>, states: EssaimeState[]): void {
  const details: ErrorDetail[] = [];
  for (const { essaimeId, training, participants } of states) {
    for (const { record, index } of byEssaime.get(essaimeId) ?? []) {
      if (!training.progress || training.progress.cohortId !== cohortId) {
        details.push({ path: `body.records.${index}.essaimeId`, message: 'This essaimé does not follow this cohort', code: 'ESSAIME_NOT_IN_COHORT' });
        continue;
      }
      const participant = participants.find((p) => p.participantId === record.participantId);
      if (!participant) details.push({ path: `body.records.${index}.participantId`, message: 'Not a participant of this essaimé', code: 'UNKNOWN_PARTICIPANT' });
      else if (!participant.active && participant.until !== null && parisDay(new Date(participant.until)) < session.date) {
        details.push({ path: `body.records.${index}.participantId`, message: 'This participant had left before the session', code: 'PARTICIPANT_INACTIVE' });
      }
    }
  }
  if (details.length > 0) throw unprocessable('INVALID_ATTENDANCE', 'Some records do not match the essaimés of the cohort', details);
}

/** The records that differ from what is stored (re-recording the same status and note is a no-op). */
function changesOf(state: EssaimeState, indexed: Indexed[], session: Session, recordedBy: string, now: string): { changes: Change[]; unchanged: number } {
  const existing = new Map(state.training.attendance.filter((a) => a.sessionId === session.sessionId).map((a) => [a.participantId, a]));
  const changes: Change[] = [];
  let unchanged = 0;
  for (const { record } of indexed) {
    const before = existing.get(record.participantId);
    const note = record.note ?? null;
    if (before && before.status === record.status && before.note === note) {
      unchanged += 1;
      continue;
    }
    changes.push({
      previous: before?.status,
      next: {
        cohortId: session.cohortId,
        essaimeId: state.essaimeId,
        moduleId: session.moduleId,
        sessionId: session.sessionId,
        sessionStartsAt: session.startsAt,
        participantId: record.participantId,
        status: record.status,
        note,
        recordedBy,
        recordedAt: now,
      },
    });
  }
  return { changes, unchanged };
}

/** One essaimé's atomic change: its records, its recomputed summary (guarded by its version) and the audit entry. */
function essaimeGroup(deps: Deps, state: EssaimeState, progress: EssaimeProgress, changes: Change[], now: string): EssaimeGroup {
  const facts = applyRecords(state.training.attendance.map(toFact), changes.map((c) => toFact(c.next)));
  const names = Object.fromEntries(state.participants.map((p) => [p.participantId, p.name]));
  const summary = summarizeAttendance(facts, names);
  const { sessionId } = changes[0]!.next;
  return {
    delta: changes.reduce((acc, c) => addCounts(acc, countDelta(c.previous, c.next.status)), emptyCounts()),
    writes: [...changes.map((c) => putAttendanceWrite(deps.db, c.next, c.previous)), saveSummaryWrite(deps.db, state.essaimeId, summary, progress.version, now)],
    audit: [
      {
        action: 'attendance.recorded',
        entityType: 'session',
        entityId: sessionId,
        changes: { essaimeId: state.essaimeId, records: changes.map((c) => ({ participantId: c.next.participantId, status: c.next.status, previous: c.previous ?? null })) },
      },
    ],
  };
}

/** The session's and the module's counters get the deltas of each transaction, in that transaction. */
function commitAttendance(deps: Deps, actor: Principal, session: Session, groups: EssaimeGroup[], now: string): Promise<number> {
  return commitGroups(deps.db, actorOf(actor), groups, deps.now, {
    extraSize: 2,
    extra: (chunk) => {
      const delta = chunk.reduce((acc, g) => addCounts(acc, g.delta), emptyCounts());
      return [sessionCountersWrite(deps.db, session.cohortId, session.sessionId, delta, now), moduleCountersWrite(deps.db, session.cohortId, session.moduleId, delta)];
    },
  });
}

/**
 * Records attendance of a session in bulk. For each essaimé concerned, its records, its recomputed summary
 * (guarded by the progress item's version) and an audit entry commit atomically; the session's and module's
 * counters get the deltas in the same transaction. Re-recording the same status is a no-op; changing it
 * corrects the counters.
 */
export async function recordAttendance(deps: Deps, actor: Principal, cohortId: string, sessionId: string, input: z.output<typeof recordAttendanceBody>): Promise<AttendanceRecording> {
  const session = await loadRecordableSession(deps, cohortId, sessionId);
  const byEssaime = groupByEssaime(input.records);
  const states = await loadEssaimes(deps, [...byEssaime.keys()]);
  assertRecordsMatch(cohortId, session, byEssaime, states);

  const now = deps.now().toISOString();
  let unchanged = 0;
  const groups: EssaimeGroup[] = [];
  for (const state of states) {
    const planned = changesOf(state, byEssaime.get(state.essaimeId) ?? [], session, actor.userId, now);
    unchanged += planned.unchanged;
    if (planned.changes.length > 0 && state.training.progress) groups.push(essaimeGroup(deps, state, state.training.progress, planned.changes, now));
  }
  if (groups.length > 0) await commitAttendance(deps, actor, session, groups, now);

  const after = await getSession(deps.db, cohortId, sessionId);
  if (!after) throw notFound('Session');
  const recorded = input.records.length - unchanged;
  logger.info('Attendance recorded', { sessionId, recorded, unchanged });
  return { session: sessionView(after), recorded, unchanged };
}

export async function readSessionAttendance(deps: Deps, cohortId: string, sessionId: string, page: PageQuery): Promise<Page<AttendanceRecord>> {
  if (!(await getSession(deps.db, cohortId, sessionId))) throw notFound('Session');
  return listSessionAttendance(deps.db, sessionId, page);
}

export async function readModuleAttendance(deps: Deps, cohortId: string, moduleId: string, page: PageQuery): Promise<Page<AttendanceRecord>> {
  if (!(await getModule(deps.db, cohortId, moduleId))) throw notFound('Module');
  return listModuleAttendance(deps.db, moduleId, page);
}
