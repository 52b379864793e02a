import { isStaff } from '../access/policy';
import type { Principal } from '../access/principal';
import { formatDate, formatDuration, formatTime } from '../i18n/french';
import type { Actor } from '../db/transact';
import { listEssaimesOfStructure } from '../essaimes/repository';
import { notFound, unprocessable, type ErrorDetail } from '../errors';
import { getProfile } from '../identity/repository';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { modeLabels } from './catalogue';
import { getCohortProgramme } from './repository';
import { isWithin } from './rules';
import type { Cohort, Session, SessionInput, TrainingModule } from './schemas';

/** Helpers shared by the training use cases (cohorts, sessions, attendance, progress). */

export const actorOf = (p: Principal): Actor => ({ userId: p.userId, role: p.role });

/** A module or a session as created: no attendance counted yet, first version. */
export const newAttendanceRecord = (now: string) => ({ presentCount: 0, excusedCount: 0, absentCount: 0, version: 1, createdAt: now, updatedAt: now });

/** Experts must be A.CO.R. tutors known to the programme. */
export async function assertExperts(deps: Deps, userIds: string[], path: string): Promise<void> {
  const unique = [...new Set(userIds)];
  const profiles = await Promise.all(unique.map((id) => getProfile(deps.db, id)));
  const details: ErrorDetail[] = [];
  userIds.forEach((id, index) => {
    const profile = profiles[unique.indexOf(id)];
    if (profile?.role !== 'tutor') details.push({ path: `${path}.${index}`, message: 'Not an A.CO.R. tutor of the programme' });
  });
  if (details.length > 0) throw unprocessable('UNKNOWN_EXPERT', 'Every expert must be an A.CO.R. tutor of the programme', details);
}

export function assertSessionDates(cohort: Pick<Cohort, 'startDate' | 'endDate'>, sessions: { date: string; path: string }[]): void {
  const details = sessions
    .filter((s) => !isWithin(s.date, cohort.startDate, cohort.endDate))
    .map((s) => ({ path: s.path, message: `Outside the cohort (${cohort.startDate} to ${cohort.endDate})` }));
  if (details.length > 0) throw unprocessable('SESSION_OUTSIDE_COHORT', 'Sessions take place within the five months of the cohort', details);
}

export function newSession(cohortId: string, moduleId: string, input: SessionInput, now: string): Session {
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
    ...newAttendanceRecord(now),
  };
}

/** The cohort with its modules and sessions; a 404 when there is no such cohort. */
export async function loadProgramme(deps: Deps, cohortId: string): Promise<{ cohort: Cohort; modules: TrainingModule[]; sessions: Session[] }> {
  const { cohort, modules, sessions } = await getCohortProgramme(deps.db, cohortId);
  if (!cohort) throw notFound('Cohort');
  return { cohort, modules, sessions };
}

/**
 * Staff see every cohort; a tutor the cohorts where they are a module's expert or that train a structure
 * assigned to them; a referent those that train their structure. Others get a 404.
 */
export async function assertCohortVisible(deps: Deps, principal: Principal, cohort: Cohort, modules: TrainingModule[]): Promise<void> {
  if (isStaff(principal)) return;
  if (principal.role === 'tutor' && modules.some((m) => m.expertUserIds.includes(principal.userId))) return;
  const perStructure = await Promise.all(principal.structureIds.map((id) => listEssaimesOfStructure(deps.db, id)));
  if (perStructure.flat().some((e) => e.seasonId === cohort.seasonId)) return;
  throw notFound('Cohort');
}

/** « le 7 octobre 2019 à 9 h 30 (3 h, en présentiel, Ansa, Paris) »: how messages describe a session. */
export const describeSession = (s: Session) =>
  `le ${formatDate(s.date)} à ${formatTime(s.startTime)} (${formatDuration(s.durationMinutes)}, ${modeLabels[s.mode]}, ${s.place})`;
