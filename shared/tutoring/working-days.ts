/**
 * Working-day arithmetic for the tutors' response-time target, in French time (Europe/Paris).
 *
 * A working day is a weekday (Monday to Friday) that is not a French public holiday. Working time is the
 * time elapsed on working days only: a request sent on Monday at 10:00 with a one-working-day target is due
 * on Tuesday at 10:00; sent on Friday at 17:00, due on Monday at 17:00; sent on Saturday, the clock starts
 * on Monday at 00:00, so it is due on Tuesday at 00:00 (end of Monday). Staff may choose the study's
 * "same working day" instead (see `responseDueAt`).
 *
 * Pure functions, no I/O. Dates as 'YYYY-MM-DD' strings are local French calendar dates (shared/calendar.ts).
 */
import { addDays, PARIS_TIME_ZONE, parisDay } from '../calendar';

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, a.k.a. Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const holidayCache = new Map<number, Map<string, string>>();

/**
 * The eleven national public holidays of France (Code du travail, art. L3133-1), with their French names.
 * Easter Monday, Ascension Thursday and Whit Monday move with Easter. (Good Friday and 26 December, holidays
 * only in Alsace-Moselle, are not included.)
 */
export function frenchPublicHolidays(year: number): Map<string, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const holidays = new Map<string, string>([
    [isoDate(year, 1, 1), "Jour de l'an"],
    [addDays(easter, 1), 'Lundi de Pâques'],
    [isoDate(year, 5, 1), 'Fête du Travail'],
    [isoDate(year, 5, 8), 'Victoire 1945'],
    [addDays(easter, 39), 'Ascension'],
    [addDays(easter, 50), 'Lundi de Pentecôte'],
    [isoDate(year, 7, 14), 'Fête nationale'],
    [isoDate(year, 8, 15), 'Assomption'],
    [isoDate(year, 11, 1), 'Toussaint'],
    [isoDate(year, 11, 11), 'Armistice 1918'],
    [isoDate(year, 12, 25), 'Noël'],
  ]);
  holidayCache.set(year, holidays);
  return holidays;
}

export function isPublicHoliday(date: string): boolean {
  return frenchPublicHolidays(Number(date.slice(0, 4))).has(date);
}

export function isWorkingDay(date: string): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !isPublicHoliday(date);
}

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The French wall-clock reading of an instant, as if it were UTC (used to derive the offset). */
function wallClockAsUtc(instant: number): number {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) + (instant % 1000 + 1000) % 1000;
}

/** The instant at which a French wall-clock time (ms after local midnight of `date`) occurs. */
export function parisInstant(date: string, msAfterMidnight = 0): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + msAfterMidnight;
  // Offset at a first guess, then at the corrected instant (handles the DST change between the two).
  let guess = wall - (wallClockAsUtc(wall) - wall);
  guess = wall - (wallClockAsUtc(guess) - guess);
  return new Date(guess);
}

function msAfterParisMidnight(instant: Date): number {
  const wall = wallClockAsUtc(instant.getTime());
  return wall - Date.parse(`${new Date(wall).toISOString().slice(0, 10)}T00:00:00Z`);
}

/** The n-th working day strictly after `date`. */
export function nextWorkingDay(date: string, n = 1): string {
  let current = date;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/**
 * When a request made at `start` is due, given a target of `workingDays` working days: the same French
 * wall-clock time on the n-th next working day; from a non-working day, the clock starts at 00:00 of the
 * next working day.
 */
export function addWorkingDays(start: Date, workingDays: number): Date {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new Error('workingDays must be a non-negative integer');
  const date = parisDay(start);
  if (isWorkingDay(date)) {
    if (workingDays === 0) return start;
    return parisInstant(nextWorkingDay(date, workingDays), msAfterParisMidnight(start));
  }
  const firstWorking = nextWorkingDay(date, 1);
  return parisInstant(workingDays === 0 ? firstWorking : nextWorkingDay(firstWorking, workingDays));
}

/**
 * Working time elapsed between two instants, in minutes: the part of [from, to] that falls on French
 * working days. Zero when `to` is not after `from`.
 */
export function workingMinutesBetween(from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  let date = parisDay(from);
  const lastDate = parisDay(to);
  // Bounded walk: one step per calendar day between the two dates.
  for (;;) {
    if (isWorkingDay(date)) {
      const dayStart = parisInstant(date).getTime();
      const dayEnd = parisInstant(addDays(date, 1)).getTime();
      const overlap = Math.min(dayEnd, to.getTime()) - Math.max(dayStart, from.getTime());
      if (overlap > 0) total += overlap;
    }
    if (date >= lastDate) break;
    date = addDays(date, 1);
  }
  return Math.floor(total / 60_000);
}

/**
 * The response target staff choose (shared/tutoring/schemas.ts stores it; each request keeps the one in
 * force when it was made): `same-day` follows the study ("A.CO.R. répond dans la journée"): a request made on
 * a working day before `cutoffHour` (French time) is due by the end of that day, any later one by the end of
 * the next working day; `working-days` counts N working days from the request, to the minute.
 */
export type ResponseTarget = { rule: 'same-day'; cutoffHour: number } | { rule: 'working-days'; workingDays: number };

/** The end of a French calendar day: 23:59:59.999 Paris time (so that it reads « 23:59 » that very day). */
export function endOfParisDay(date: string): Date {
  return parisInstant(date, 24 * 3600_000 - 1);
}

/** When a request made at `start` is due under `target`. */
export function responseDueAt(start: Date, target: ResponseTarget): Date {
  if (target.rule === 'working-days') return addWorkingDays(start, target.workingDays);
  if (!Number.isInteger(target.cutoffHour) || target.cutoffHour < 1 || target.cutoffHour > 23) throw new Error('cutoffHour must be an hour from 1 to 23');
  const date = parisDay(start);
  const beforeCutoff = msAfterParisMidnight(start) < target.cutoffHour * 3600_000;
  const dueDay = isWorkingDay(date) && beforeCutoff ? date : nextWorkingDay(date, 1);
  return endOfParisDay(dueDay);
}

/** Whole working days elapsed since `from` (0 during the first working day). */
export function workingDaysElapsed(from: Date, to: Date): number {
  return Math.floor(workingMinutesBetween(from, to) / (24 * 60));
}
