/**
 * The French calendar: the Paris calendar day of an instant and day arithmetic on `YYYY-MM-DD` strings.
 * Stages, sessions and deadlines are French days whatever the server's zone (Lambda runs in UTC: the UTC day
 * is wrong between 22:00/23:00 UTC and midnight). How dates read in French: shared/i18n/french.ts.
 */

export const PARIS_TIME_ZONE = 'Europe/Paris';

const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in France of an instant, `YYYY-MM-DD` ('en-CA' formats days in that order). */
export function parisDay(date: Date): string {
  return dayFormatter.format(date);
}

/** `YYYY-MM-DD` plus (or minus) whole days; calendar arithmetic, no time zone involved. */
export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
