import { addDays, parisDay } from '../../shared/calendar';

/**
 * The demo story's dates, all relative to the day the demo is loaded, so the demo stays current:
 * - the cohort season: its governance committee chose the hypotheses; its cohort has been in training for about
 *   fifteen weeks (two sessions to go); its first evaluation return is due in five days (some reports accepted,
 *   one submitted, one draft, one not started);
 * - the new season: its governance committee met four weeks ago, its call opened a week ago and closes in two months.
 * Tests read the same calendar (for the day they run) instead of fixed years and dates.
 */
export interface DemoCalendar {
  today: string;
  cohortSeason: { year: number; name: string; startDate: string; endDate: string; committeeOn: string };
  callSeason: { year: number; name: string; startDate: string; endDate: string; committeeOn: string };
  /** A Monday, fifteen weeks or so before today; ten sessions, two per module, a fortnight apart. */
  trainingStart: string;
  stages: Record<'firstReturn' | 'intermediate' | 'final', { opensOn: string; dueOn: string }>;
  /** When the stage-1 reports were written, submitted and accepted, and the tutor assessed fidelity. */
  reports: { draftOn: string; submittedOn: string; lateSubmittedOn: string; acceptedOn: string; fidelityOn: string };
  /** The new call's window, as instants. */
  call: { opensAt: string; closesAt: string };
}

const firstOfMonth = (isoDay: string) => `${isoDay.slice(0, 7)}-01`;
const seasonName = (year: number) => `Saison ${year}-${year + 1} — essaimage A.CO.R.`;

/** The Monday on or before a day. */
function mondayOnOrBefore(isoDay: string): string {
  const weekday = new Date(`${isoDay}T12:00:00Z`).getUTCDay();
  return addDays(isoDay, -((weekday + 6) % 7));
}

export function demoCalendar(now: Date): DemoCalendar {
  const DAY = 86_400_000;
  const today = parisDay(now);
  const trainingStart = mondayOnOrBefore(addDays(today, -105));
  const cohortYear = Number(trainingStart.slice(0, 4));
  const cohortCommittee = addDays(trainingStart, -200);
  const callCommittee = addDays(today, -28);
  const firstDue = addDays(today, 5);
  return {
    today,
    cohortSeason: {
      year: cohortYear,
      name: seasonName(cohortYear),
      startDate: firstOfMonth(addDays(cohortCommittee, -10)),
      endDate: addDays(trainingStart, 540),
      committeeOn: cohortCommittee,
    },
    callSeason: {
      year: cohortYear + 1,
      name: seasonName(cohortYear + 1),
      startDate: firstOfMonth(addDays(callCommittee, -10)),
      endDate: addDays(firstOfMonth(addDays(callCommittee, -10)), 560),
      committeeOn: callCommittee,
    },
    trainingStart,
    stages: {
      firstReturn: { opensOn: addDays(today, -30), dueOn: firstDue },
      intermediate: { opensOn: addDays(trainingStart, 300), dueOn: addDays(trainingStart, 360) },
      final: { opensOn: addDays(trainingStart, 420), dueOn: addDays(trainingStart, 510) },
    },
    reports: {
      draftOn: addDays(today, -14),
      submittedOn: addDays(today, -10),
      lateSubmittedOn: addDays(today, -2),
      acceptedOn: addDays(today, -6),
      fidelityOn: addDays(today, -4),
    },
    call: { opensAt: new Date(now.getTime() - 7 * DAY).toISOString(), closesAt: new Date(now.getTime() + 60 * DAY).toISOString() },
  };
}

/** The years of the demo's two seasons, for the day the tests run. */
export function demoSeasonYears(now = new Date()): { cohort: number; call: number } {
  const calendar = demoCalendar(now);
  return { cohort: calendar.cohortSeason.year, call: calendar.callSeason.year };
}
