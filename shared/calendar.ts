/**
 * The French calendar, in one place: the Paris calendar day of an instant, day arithmetic on `YYYY-MM-DD`
 * strings, and the French formats the server writes (e-mails, PDF, CSV). Stages, sessions and deadlines are
 * French days whatever the server's zone (Lambda runs in UTC: the UTC day is wrong between 22:00/23:00 UTC
 * and midnight).
 */

export const PARIS_TIME_ZONE = 'Europe/Paris';

const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const longDateFormatter = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const fullDateTimeFormatter = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, dateStyle: 'full', timeStyle: 'short' });
const numberFormatter = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

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

/** A calendar day is read at noon UTC, which is the same day in Paris; an instant is read as it is. */
function instantOf(value: string): Date {
  return ISO_DAY.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

/** « 15 mars 2020 », « 1er mars 2020 » (French writes the first of the month as an ordinal). A day or an instant. */
export function frenchDate(value: string): string {
  return longDateFormatter.format(instantOf(value)).replace(/^1 /, '1er ');
}

/** « 07/10/2019 »: a calendar day in the short French form. */
export function frenchShortDate(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** « lundi 7 octobre 2019 à 14:30 », an instant in French time. */
export function frenchDateTime(iso: string): string {
  return fullDateTimeFormatter.format(new Date(iso));
}

/** « 14h30 » from `14:30`, as French writes times in running text. */
export function frenchTime(hhmm: string): string {
  return hhmm.replace(':', 'h');
}

/** « 1 234,5 » (narrow no-break space for thousands, comma for decimals; at most two decimals). */
export function frenchNumber(value: number): string {
  return numberFormatter.format(value);
}
