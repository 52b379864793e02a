/**
 * French as people read it, for the server (e-mails, PDF, CSV) and the web app alike (web/src/i18n/format.ts
 * re-exports this module): dates and times in words in Paris time, deadlines, numbers, counts that agree
 * with their noun, no-break spaces, role titles and greetings. Pure functions over Intl 'fr-FR'.
 */

const PARIS = 'Europe/Paris';
const dateFmt = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: PARIS });
const shortDateFmt = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: PARIS });
const timeFmt = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: PARIS });
const numberFmt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const decimalFmts = [0, 1, 2].map((digits) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }));
const percentFmts = [0, 1, 2].map((digits) => new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: digits }));
const euroFmt = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const NBSP = '\u00a0';

/** A calendar day ('2019-09-01') is read at noon UTC, the same day in Paris; an instant is read as it is. */
function parse(value: string): Date {
  return ISO_DAY.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

/** « 25 novembre 2026 », « 1er décembre 2026 » (French writes the first of the month as an ordinal). */
export const formatDate = (value: string | null | undefined) => (value ? dateFmt.format(parse(value)).replace(/^1 /, '1er ') : '—');

/** « 07/10/2019 »: the short form, for tables. */
export const formatShortDate = (value: string | null | undefined) => (value ? shortDateFmt.format(parse(value)) : '—');

/** « 14 h 30 », « 18 h » from `14:30`, `18:00`, as French writes times. */
export function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return m === '00' ? `${Number(h)}${NBSP}h` : `${Number(h)}${NBSP}h${NBSP}${m}`;
}

/** « 3 h », « 1 h 30 », « 45 min »: a length of time in minutes as French writes it. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}${NBSP}min`;
  return m === 0 ? `${h}${NBSP}h` : `${h}${NBSP}h${NBSP}${String(m).padStart(2, '0')}`;
}

const parisTime = (value: string) => timeFmt.format(parse(value));

/** « 25 novembre 2026 à 18 h 30 »; at midnight the day alone (never « à 00:00 »). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const time = parisTime(value);
  const day = formatDate(value);
  return time === '00:00' || ISO_DAY.test(value) ? day : `${day} à ${formatTime(time)}`;
}

/**
 * A deadline in words: « avant le 25 novembre 2026 à 18 h »; a deadline at midnight is the end of the day
 * before: « au plus tard le 24 novembre 2026 »; a calendar day is that whole day.
 */
export function formatDeadline(value: string | null | undefined): string {
  if (!value) return '—';
  if (ISO_DAY.test(value)) return `au plus tard le ${formatDate(value)}`;
  const time = parisTime(value);
  if (time === '00:00') return `au plus tard le ${formatDate(new Date(parse(value).getTime() - 60_000).toISOString())}`;
  return `avant le ${formatDate(value)} à ${formatTime(time)}`;
}

/** « 1 rapport accepté », « 3 rapports acceptés », « aucun rapport accepté »: the count agrees with its noun. */
export function countOf(count: number, one: string, many: string, none?: string): string {
  if (count === 0 && none) return none;
  return `${numberFmt.format(count)}${NBSP}${Math.abs(count) >= 2 ? many : one}`;
}

/**
 * French typography for running text: a no-break space before ; : ! ? » and after « (so « » and the
 * punctuation never wrap alone); times and web addresses (no space before their colon) are left as they are.
 */
export function frenchTypography(text: string): string {
  return text.replace(/[ \u00a0\u202f]+([;:!?»])/g, `${NBSP}$1`).replace(/«[ \u00a0\u202f]+/g, `«${NBSP}`);
}

/**
 * A title in French quotes; quotes already inside it become the inner “ ” of French typography, so a call
 * named « Appel « Nouveaux territoires » » reads « Appel “Nouveaux territoires” ».
 */
export function quoted(title: string): string {
  const inner = title.trim().replace(/«[ \u00a0\u202f]*/g, '“').replace(/[ \u00a0\u202f]*»/g, '”');
  return `«${NBSP}${inner}${NBSP}»`;
}

export type Gender = 'f' | 'm' | null | undefined;

/** A role title that agrees with the person: « Référente », « Référent », « Référent·e » when unknown. */
export function roleTitle(gender: Gender, masculine: string, feminine: string): string {
  if (gender === 'f') return feminine;
  if (gender === 'm') return masculine;
  return feminine.startsWith(masculine) ? `${masculine}·${feminine.slice(masculine.length)}` : `${masculine} ou ${feminine}`;
}

/** A person as people read them: their name, never their internal id. */
export function personName(userId: string | null | undefined, names: Readonly<Record<string, string>>, unknown = 'Personne non identifiée'): string {
  if (!userId) return unknown;
  return names[userId] ?? unknown;
}

/** The first line of a letter: « Bonjour Claire Martin, » (« Bonjour, » when the name is not known). */
export const greeting = (name: string | null | undefined) => (name?.trim() ? `Bonjour ${name.trim()},` : 'Bonjour,');

const isMissing = (value: number | null | undefined): value is null | undefined => value === null || value === undefined || Number.isNaN(value);

/** « 1 234,5 »: no-break thousands, decimal comma, at most two decimals. */
export const formatNumber = (value: number | null | undefined) => (isMissing(value) ? '—' : numberFmt.format(value));
/** « 4,5 » (one decimal unless told), « 12 500 » with 0. */
export const formatDecimal = (value: number | null | undefined, digits: 0 | 1 | 2 = 1) => (isMissing(value) ? '—' : decimalFmts[digits]!.format(value));
/** `value` is a ratio (0.7 → « 70 % », 0.4375 with one decimal → « 43,8 % »). */
export const formatPercent = (value: number | null | undefined, digits: 0 | 1 | 2 = 0) => (isMissing(value) ? '—' : percentFmts[digits]!.format(value));
export const formatEuros = (value: number | null | undefined) => (isMissing(value) ? '—' : euroFmt.format(value));
export const formatBytes = (bytes: number) => (bytes < 1024 ? `${numberFmt.format(bytes)}${NBSP}o` : `${formatDecimal(bytes / 1024)}${NBSP}Ko`);
