import { describe, expect, it } from 'vitest';
import {
  absenceRuns,
  addMonths,
  applyRecords,
  attendanceRate,
  cohortEndDate,
  countDelta,
  isSessionHeld,
  meetsThreshold,
  moduleStatus,
  summarizeAttendance,
  trainingWarnings,
  type AttendanceFact,
  type AttendanceStatus,
} from '../../shared/training/rules';

const fact = (session: number, participantId: string, status: AttendanceStatus, moduleId = 'm1'): AttendanceFact => ({
  moduleId,
  sessionId: `s${session}`,
  sessionStartsAt: `2019-10-${String(7 + session).padStart(2, '0')}T09:30`,
  participantId,
  status,
});

describe('attendance rates', () => {
  it('is present over present plus absent, excused absences left out', () => {
    expect(attendanceRate({ present: 8, excused: 0, absent: 2 })).toBe(0.8);
    expect(attendanceRate({ present: 8, excused: 5, absent: 2 })).toBe(0.8);
    expect(attendanceRate({ present: 2, excused: 0, absent: 1 })).toBe(0.6667);
  });

  it('is unknown (null) when nothing countable was recorded', () => {
    expect(attendanceRate({ present: 0, excused: 0, absent: 0 })).toBeNull();
    expect(attendanceRate({ present: 0, excused: 3, absent: 0 })).toBeNull();
  });

  it('meets a threshold at exactly the threshold, never when unknown', () => {
    expect(meetsThreshold(0.8, 0.8)).toBe(true);
    expect(meetsThreshold(4 / 5, 0.8)).toBe(true);
    expect(meetsThreshold(0.7999, 0.8)).toBe(false);
    expect(meetsThreshold(null, 0.8)).toBe(false);
  });

  it('turns a correction into counter deltas', () => {
    expect(countDelta(undefined, 'present')).toEqual({ present: 1, excused: 0, absent: 0 });
    expect(countDelta('absent', 'excused')).toEqual({ present: 0, excused: 1, absent: -1 });
    expect(countDelta('present', 'present')).toEqual({ present: 0, excused: 0, absent: 0 });
  });

  it('summarizes per module, per participant and overall, counting sessions recorded per module', () => {
    const summary = summarizeAttendance(
      [fact(1, 'a', 'present'), fact(1, 'b', 'absent'), fact(2, 'a', 'present'), fact(2, 'b', 'present'), fact(3, 'a', 'excused', 'm2')],
      { a: 'Karim', b: 'Élodie' },
    );
    expect(summary.totals).toEqual({ present: 3, excused: 1, absent: 1 });
    expect(summary.modules.m1).toEqual({ present: 3, excused: 0, absent: 1, sessionsRecorded: 2 });
    expect(summary.modules.m2).toEqual({ present: 0, excused: 1, absent: 0, sessionsRecorded: 1 });
    expect(summary.participants.a).toMatchObject({ name: 'Karim', present: 2, excused: 1, absent: 0 });
    expect(attendanceRate(summary.participants.b!)).toBe(0.5);
  });

  it('applies a bulk recording over existing records (replacing by session and participant)', () => {
    const after = applyRecords([fact(1, 'a', 'absent'), fact(1, 'b', 'present')], [fact(1, 'a', 'present'), fact(2, 'a', 'absent')]);
    expect(after).toHaveLength(3);
    expect(summarizeAttendance(after).totals).toEqual({ present: 2, excused: 0, absent: 1 });
  });
});

describe('absence warnings', () => {
  it('counts the current and longest runs of absences; present ends a run, excused is neutral', () => {
    expect(absenceRuns(['present', 'absent', 'absent'])).toEqual({ current: 2, longest: 2 });
    expect(absenceRuns(['absent', 'absent', 'present'])).toEqual({ current: 0, longest: 2 });
    expect(absenceRuns(['absent', 'excused', 'absent'])).toEqual({ current: 2, longest: 2 });
    expect(absenceRuns(['absent', 'present', 'absent'])).toEqual({ current: 1, longest: 1 });
    expect(absenceRuns([])).toEqual({ current: 0, longest: 0 });
  });

  it('orders by session start, not by recording order', () => {
    const summary = summarizeAttendance([fact(3, 'a', 'absent'), fact(1, 'a', 'absent'), fact(2, 'a', 'present')]);
    expect(summary.participants.a).toMatchObject({ currentAbsences: 1, longestAbsences: 1 });
  });

  it('warns on a participant missing two sessions in a row', () => {
    const summary = summarizeAttendance(
      [fact(1, 'a', 'present'), fact(2, 'a', 'absent'), fact(3, 'a', 'absent'), fact(1, 'b', 'present'), fact(2, 'b', 'present'), fact(3, 'b', 'present'), fact(1, 'c', 'present'), fact(2, 'c', 'present'), fact(3, 'c', 'present'), fact(4, 'c', 'present')],
      { a: 'Paul' },
    );
    expect(trainingWarnings(summary, 0.8)).toEqual([{ code: 'CONSECUTIVE_ABSENCES', participantId: 'a', name: 'Paul', absences: 2 }]);
  });

  it('does not warn on a single absence, nor on a participant who left', () => {
    const one = summarizeAttendance([fact(1, 'a', 'present'), fact(2, 'a', 'absent'), fact(1, 'b', 'present'), fact(2, 'b', 'present'), fact(3, 'b', 'present'), fact(4, 'b', 'present')]);
    expect(trainingWarnings(one, 0.8)).toEqual([]);
    const two = summarizeAttendance([fact(1, 'a', 'absent'), fact(2, 'a', 'absent'), ...[1, 2, 3, 4, 5, 6, 7, 8].map((s) => fact(s, 'b', 'present'))]);
    expect(trainingWarnings(two, 0.8, new Set(['a']))).toEqual([]);
  });

  it('warns on an essaimé under the threshold (80% by default), not at it', () => {
    const under = summarizeAttendance([fact(1, 'a', 'present'), fact(2, 'a', 'present'), fact(3, 'a', 'absent'), fact(4, 'a', 'present')].concat([fact(1, 'b', 'absent'), fact(2, 'b', 'present')]));
    expect(trainingWarnings(under, 0.8)).toContainEqual({ code: 'ATTENDANCE_BELOW_THRESHOLD', rate: 0.6667, threshold: 0.8 });
    const at = summarizeAttendance([1, 2, 3, 4].map((s) => fact(s, 'a', 'present')).concat([fact(5, 'a', 'absent')]));
    expect(trainingWarnings(at, 0.8)).toEqual([]);
    expect(trainingWarnings(at, 0.9)).toEqual([{ code: 'ATTENDANCE_BELOW_THRESHOLD', rate: 0.8, threshold: 0.9 }]);
  });
});

describe('module validation', () => {
  const full = { present: 5, excused: 1, absent: 1, sessionsRecorded: 2 };

  it('is validated when every session is recorded, the rate meets the threshold and the deliverable is submitted', () => {
    expect(moduleStatus({ attendance: full, sessionsToHold: 2, deliverableSubmitted: true, threshold: 0.8 })).toEqual({
      validated: true,
      rate: 0.8333,
      sessionsToHold: 2,
      sessionsRecorded: 2,
      deliverableSubmitted: true,
      reasons: [],
    });
  });

  it('is not validated without the deliverable', () => {
    const status = moduleStatus({ attendance: full, sessionsToHold: 2, deliverableSubmitted: false, threshold: 0.8 });
    expect(status.validated).toBe(false);
    expect(status.reasons).toEqual(['DELIVERABLE_MISSING']);
  });

  it('is not validated under the threshold, even with the deliverable', () => {
    const status = moduleStatus({ attendance: { present: 3, excused: 0, absent: 2, sessionsRecorded: 2 }, sessionsToHold: 2, deliverableSubmitted: true, threshold: 0.8 });
    expect(status.reasons).toEqual(['ATTENDANCE_BELOW_THRESHOLD']);
  });

  it('waits for every session of the module to be recorded', () => {
    const status = moduleStatus({ attendance: { ...full, sessionsRecorded: 1 }, sessionsToHold: 3, deliverableSubmitted: true, threshold: 0.8 });
    expect(status.reasons).toEqual(['SESSIONS_NOT_ALL_RECORDED']);
  });

  it('is not validated with no session or no attendance at all', () => {
    expect(moduleStatus({ attendance: undefined, sessionsToHold: 0, deliverableSubmitted: true, threshold: 0.8 }).reasons).toEqual(['NO_SESSIONS', 'NO_ATTENDANCE']);
    expect(moduleStatus({ attendance: { present: 0, excused: 2, absent: 0, sessionsRecorded: 1 }, sessionsToHold: 1, deliverableSubmitted: false, threshold: 0.8 }).reasons).toEqual([
      'NO_ATTENDANCE',
      'DELIVERABLE_MISSING',
    ]);
  });
});

describe('cohort dates', () => {
  it('spans five months from the start date (inclusive end)', () => {
    expect(cohortEndDate('2019-10-07')).toBe('2020-03-06');
    expect(cohortEndDate('2019-09-30')).toBe('2020-02-28');
  });

  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2019-11-15', 14)).toBe('2021-01-15');
  });

  it('allows attendance from the day of the session, in French time', () => {
    expect(isSessionHeld('2019-10-07', new Date('2019-10-06T22:30:00Z'))).toBe(true); // 00:30 in Paris
    expect(isSessionHeld('2019-10-07', new Date('2019-10-06T21:30:00Z'))).toBe(false);
  });
});
