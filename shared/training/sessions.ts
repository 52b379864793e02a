import type { z } from 'zod/mini';
import { isStaff } from '../access/policy';
import type { Principal } from '../access/principal';
import type { Page, PageQuery } from '../db/pagination';
import { commit } from '../db/transact';
import { conflict, notFound, unprocessable } from '../errors';
import type { Deps } from '../runtime';
import { referentNoticeWrites } from './notifications';
import { createSessionWrite, getCohort, getModule, getSession, listSessions, saveSessionWrite } from './repository';
import type { addSessionBody, cancelSessionBody, moveSessionBody, Session } from './schemas';
import { actorOf, assertCohortVisible, assertSessionDates, describeSession, loadProgramme, newSession } from './support';
import { sessionView, type SessionView } from './views';

export async function listCohortSessions(deps: Deps, principal: Principal, cohortId: string, query: { moduleId?: string } & PageQuery): Promise<Page<SessionView>> {
  const cohort = await getCohort(deps.db, cohortId);
  if (!cohort) throw notFound('Cohort');
  if (!isStaff(principal)) {
    const { modules } = await loadProgramme(deps, cohortId);
    await assertCohortVisible(deps, principal, cohort, modules);
  }
  if (query.moduleId && !(await getModule(deps.db, cohortId, query.moduleId))) throw notFound('Module');
  const page = await listSessions(deps.db, cohortId, query.moduleId, query);
  return { items: page.items.map(sessionView), nextCursor: page.nextCursor };
}

export async function addSession(deps: Deps, actor: Principal, cohortId: string, input: z.output<typeof addSessionBody>): Promise<SessionView> {
  const cohort = await getCohort(deps.db, cohortId);
  if (!cohort) throw notFound('Cohort');
  const module = await getModule(deps.db, cohortId, input.moduleId);
  if (!module) throw unprocessable('UNKNOWN_MODULE', 'No such module in this cohort', [{ path: 'body.moduleId', message: 'Not a module of the cohort' }]);
  assertSessionDates(cohort, [{ date: input.date, path: 'body.date' }]);
  const { moduleId, ...sessionInput } = input;
  const session = newSession(cohortId, moduleId, sessionInput, deps.now().toISOString());
  const notices = await referentNoticeWrites(deps, cohortId, session, module, 'added', `Une nouvelle séance du module « ${module.title} » est prévue ${describeSession(session)}.`);
  await commit(deps.db, actorOf(actor), [createSessionWrite(deps.db, session), ...notices], [
    { action: 'session.created', entityType: 'session', entityId: session.sessionId, changes: { cohortId, ...input } },
  ], deps.now());
  return sessionView(session);
}

/** A session may change while it is scheduled, has no attendance yet, and is at the version the caller read. */
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
export async function moveSession(deps: Deps, actor: Principal, cohortId: string, sessionId: string, input: z.output<typeof moveSessionBody>): Promise<SessionView> {
  const current = await loadSessionForChange(deps, cohortId, sessionId, input.expectedVersion);
  const cohort = await getCohort(deps.db, cohortId);
  if (!cohort) throw notFound('Cohort');
  const { expectedVersion, ...changes } = input;
  const date = changes.date ?? current.date;
  const startTime = changes.startTime ?? current.startTime;
  if (changes.date) assertSessionDates(cohort, [{ date, path: 'body.date' }]);
  const next: Session = { ...current, ...changes, date, startTime, startsAt: `${date}T${startTime}`, version: expectedVersion + 1, updatedAt: deps.now().toISOString() };
  const from = { date: current.date, startTime: current.startTime, durationMinutes: current.durationMinutes, mode: current.mode, place: current.place };
  const module = await getModule(deps.db, cohortId, current.moduleId);
  const notices = await referentNoticeWrites(deps, cohortId, next, module, 'moved', `La séance prévue ${describeSession(current)} aura lieu ${describeSession(next)}.`);
  await commit(deps.db, actorOf(actor), [saveSessionWrite(deps.db, next, expectedVersion), ...notices], [
    { action: 'session.moved', entityType: 'session', entityId: sessionId, changes: { from, to: changes } },
  ], deps.now());
  return sessionView(next);
}

export async function cancelSession(deps: Deps, actor: Principal, cohortId: string, sessionId: string, input: z.output<typeof cancelSessionBody>): Promise<SessionView> {
  const current = await loadSessionForChange(deps, cohortId, sessionId, input.expectedVersion);
  const next: Session = { ...current, status: 'cancelled', cancelReason: input.reason, version: input.expectedVersion + 1, updatedAt: deps.now().toISOString() };
  const module = await getModule(deps.db, cohortId, current.moduleId);
  const notices = await referentNoticeWrites(deps, cohortId, next, module, 'cancelled', `La séance prévue ${describeSession(current)} est annulée. Motif : ${input.reason}`);
  await commit(deps.db, actorOf(actor), [saveSessionWrite(deps.db, next, input.expectedVersion), ...notices], [
    { action: 'session.cancelled', entityType: 'session', entityId: sessionId, changes: { reason: input.reason } },
  ], deps.now());
  return sessionView(next);
}
