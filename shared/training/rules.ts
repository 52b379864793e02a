/**
 * Pure rules of the formation-action: attendance rates, warnings, module validation and the cohort's dates.
 * No AWS here: unit-tested in test/unit/training-rules.test.ts.
 *
 * Choices (documented in docs/data-model.md, "Training"):
 * - An attendance record is present, excused or absent. An excused absence is neutral: it counts neither for
 *   nor against the rate, and it neither breaks nor extends a run of absences.
 * - Rate = present / (present + absent); `null` when nothing countable was recorded.
 * - A participant gets a warning when their latest sessions (chronological) show two or more absences in a
 *   row; a session where they were present ends the run.
 * - A module is validated for an essaimé when every held session of the module (not cancelled) has its
 *   attendance recorded for the essaimé, its attendance rate on the module meets the cohort's threshold,
 *   and its deliverable (the essaimé's action plan for the module's axis) is submitted.
 */
import { addDays, parisDay } from '../calendar';

/** Re-exported for the demo seed and the bench, which still import it from here. */
export { addDays };

export const attendanceStatuses = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** The default threshold under which an essaimé is flagged and a module cannot be validated (80%). */
export const DEFAULT_ATTENDANCE_THRESHOLD = 0.8;
/** Absences in a row that raise a warning on a participant. */
export const CONSECUTIVE_ABSENCES_WARNING = 2;
/** The formation-action lasts five months. */
export const COHORT_SPAN_MONTHS = 5;

export interface AttendanceCounts {
  present: number;
  excused: number;
  absent: number;
}

export const emptyCounts = (): AttendanceCounts => ({ present: 0, excused: 0, absent: 0 });

export function addCounts(a: AttendanceCounts, b: AttendanceCounts): AttendanceCounts {
  return { present: a.present + b.present, excused: a.excused + b.excused, absent: a.absent + b.absent };
}

/** present / (present + absent), rounded to 4 decimals; excused absences are left out; null if nothing counts. */
export function attendanceRate(counts: AttendanceCounts): number | null {
  const countable = counts.present + counts.absent;
  if (countable === 0) return null;
  return Math.round((counts.present / countable) * 10_000) / 10_000;
}

/** Whether a rate meets a threshold; an unknown rate (nothing recorded) never does. */
export function meetsThreshold(rate: number | null, threshold: number): boolean {
  return rate !== null && rate + 1e-9 >= threshold;
}

/** The change to counters when one record goes from `previous` (none when new) to `next`. */
export function countDelta(previous: AttendanceStatus | undefined, next: AttendanceStatus): AttendanceCounts {
  const delta = emptyCounts();
  if (previous === next) return delta;
  if (previous) delta[previous] -= 1;
  delta[next] += 1;
  return delta;
}

export interface AbsenceRuns {
  /** Absences since the participant was last present (the run still going on). */
  current: number;
  /** The longest run over the whole training. */
  longest: number;
}

/** Runs of absences in a participant's statuses, given in session order; excused sessions are skipped. */
export function absenceRuns(statusesInSessionOrder: readonly AttendanceStatus[]): AbsenceRuns {
  let current = 0;
  let longest = 0;
  for (const status of statusesInSessionOrder) {
    if (status === 'absent') {
      current += 1;
      longest = Math.max(longest, current);
    } else if (status === 'present') {
      current = 0;
    }
  }
  return { current, longest };
}

/** One attendance record, as the rules need it. */
export interface AttendanceFact {
  moduleId: string;
  sessionId: string;
  /** `YYYY-MM-DDTHH:MM`: orders the sessions. */
  sessionStartsAt: string;
  participantId: string;
  status: AttendanceStatus;
}

export interface ModuleAttendance extends AttendanceCounts {
  /** Sessions of the module for which at least one of the essaimé's participants has a record. */
  sessionsRecorded: number;
}

export interface ParticipantAttendance extends AttendanceCounts {
  name: string;
  currentAbsences: number;
  longestAbsences: number;
}

/** What the essaimé's progress item keeps, recomputed from all its records on every attendance change. */
export interface AttendanceSummary {
  totals: AttendanceCounts;
  modules: Record<string, ModuleAttendance>;
  participants: Record<string, ParticipantAttendance>;
}

export const emptySummary = (): AttendanceSummary => ({ totals: emptyCounts(), modules: {}, participants: {} });

/** Replaces (or adds) records keyed by session and participant: the state after a bulk recording. */
export function applyRecords(existing: readonly AttendanceFact[], changes: readonly AttendanceFact[]): AttendanceFact[] {
  const byKey = new Map(existing.map((f) => [`${f.sessionId}#${f.participantId}`, f]));
  for (const change of changes) byKey.set(`${change.sessionId}#${change.participantId}`, change);
  return [...byKey.values()];
}

/** Counters per module and participant, and absence runs in session order, from all of an essaimé's records. */
export function summarizeAttendance(facts: readonly AttendanceFact[], names: Readonly<Record<string, string>> = {}): AttendanceSummary {
  const summary = emptySummary();
  const sessionsPerModule = new Map<string, Set<string>>();
  const ordered = [...facts].sort((a, b) => a.sessionStartsAt.localeCompare(b.sessionStartsAt) || a.sessionId.localeCompare(b.sessionId));
  const statusesPerParticipant = new Map<string, AttendanceStatus[]>();
  for (const fact of ordered) {
    summary.totals[fact.status] += 1;
    const module = summary.modules[fact.moduleId] ?? { ...emptyCounts(), sessionsRecorded: 0 };
    summary.modules[fact.moduleId] = module;
    module[fact.status] += 1;
    const sessions = sessionsPerModule.get(fact.moduleId) ?? new Set<string>();
    sessions.add(fact.sessionId);
    sessionsPerModule.set(fact.moduleId, sessions);
    const participant = summary.participants[fact.participantId] ?? {
      ...emptyCounts(),
      name: names[fact.participantId] ?? '',
      currentAbsences: 0,
      longestAbsences: 0,
    };
    summary.participants[fact.participantId] = participant;
    participant[fact.status] += 1;
    statusesPerParticipant.set(fact.participantId, [...(statusesPerParticipant.get(fact.participantId) ?? []), fact.status]);
  }
  for (const [moduleId, sessions] of sessionsPerModule) summary.modules[moduleId]!.sessionsRecorded = sessions.size;
  for (const [participantId, statuses] of statusesPerParticipant) {
    const runs = absenceRuns(statuses);
    summary.participants[participantId]!.currentAbsences = runs.current;
    summary.participants[participantId]!.longestAbsences = runs.longest;
  }
  return summary;
}

export type ModuleStatusReason =
  | 'NO_SESSIONS'
  | 'SESSIONS_NOT_ALL_RECORDED'
  | 'NO_ATTENDANCE'
  | 'ATTENDANCE_BELOW_THRESHOLD'
  | 'DELIVERABLE_MISSING';

export interface ModuleStatus {
  validated: boolean;
  rate: number | null;
  sessionsToHold: number;
  sessionsRecorded: number;
  deliverableSubmitted: boolean;
  /** Why the module is not validated yet (empty when validated). */
  reasons: ModuleStatusReason[];
}

/** Validation of one module for one essaimé. */
export function moduleStatus(input: {
  attendance: ModuleAttendance | undefined;
  /** Sessions of the module that are not cancelled. */
  sessionsToHold: number;
  deliverableSubmitted: boolean;
  threshold: number;
}): ModuleStatus {
  const attendance = input.attendance ?? { ...emptyCounts(), sessionsRecorded: 0 };
  const rate = attendanceRate(attendance);
  const reasons: ModuleStatusReason[] = [];
  if (input.sessionsToHold === 0) reasons.push('NO_SESSIONS');
  else if (attendance.sessionsRecorded < input.sessionsToHold) reasons.push('SESSIONS_NOT_ALL_RECORDED');
  if (rate === null) reasons.push('NO_ATTENDANCE');
  else if (!meetsThreshold(rate, input.threshold)) reasons.push('ATTENDANCE_BELOW_THRESHOLD');
  if (!input.deliverableSubmitted) reasons.push('DELIVERABLE_MISSING');
  return {
    validated: reasons.length === 0,
    rate,
    sessionsToHold: input.sessionsToHold,
    sessionsRecorded: attendance.sessionsRecorded,
    deliverableSubmitted: input.deliverableSubmitted,
    reasons,
  };
}

export type TrainingWarning =
  | { code: 'CONSECUTIVE_ABSENCES'; participantId: string; name: string; absences: number }
  | { code: 'ATTENDANCE_BELOW_THRESHOLD'; rate: number; threshold: number };

/**
 * Warnings of an essaimé: each current participant whose latest sessions are two or more absences in a row,
 * and the essaimé itself when its overall rate is under the threshold. Participants who left (replaced or
 * withdrawn) no longer raise warnings.
 */
export function trainingWarnings(
  summary: AttendanceSummary,
  threshold: number,
  inactiveParticipantIds: ReadonlySet<string> = new Set(),
): TrainingWarning[] {
  const warnings: TrainingWarning[] = [];
  for (const [participantId, p] of Object.entries(summary.participants).sort(([a], [b]) => a.localeCompare(b))) {
    if (inactiveParticipantIds.has(participantId)) continue;
    if (p.currentAbsences >= CONSECUTIVE_ABSENCES_WARNING) {
      warnings.push({ code: 'CONSECUTIVE_ABSENCES', participantId, name: p.name, absences: p.currentAbsences });
    }
  }
  const rate = attendanceRate(summary.totals);
  if (rate !== null && !meetsThreshold(rate, threshold)) warnings.push({ code: 'ATTENDANCE_BELOW_THRESHOLD', rate, threshold });
  return warnings;
}

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Last day of a cohort (inclusive): five months after its start, minus one day. */
export function cohortEndDate(startDate: string, months = COHORT_SPAN_MONTHS): string {
  return addDays(addMonths(startDate, months), -1);
}

export function isWithin(date: string, start: string, end: string): boolean {
  return date >= start && date <= end;
}

/** Attendance can be recorded from the day the session takes place (sessions are dated in French days). */
export function isSessionHeld(sessionDate: string, now: Date): boolean {
  return sessionDate <= parisDay(now);
}
