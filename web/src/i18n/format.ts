/** French formats for dates, numbers and percentages (Intl 'fr-FR'). */
const dateFmt = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const shortDateFmt = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' });
const numberFmt = new Intl.NumberFormat('fr-FR');
const decimalFmt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percentFmt = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const euroFmt = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** A calendar date ('2019-09-01') is shown as is, without a time-zone shift. */
function parse(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

/** « 1er septembre 2019 », as French writes the first day of a month. */
export const formatDate = (value: string | null | undefined) => (value ? dateFmt.format(parse(value)).replace(/^1 /, '1er ') : '—');
export const formatShortDate = (value: string | null | undefined) => (value ? shortDateFmt.format(parse(value)) : '—');
/** « 25 novembre 2026 à 18 h 30 »; at midnight the day alone (never « à 00:00 »). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const time = parisTime(value);
  const day = formatDate(value);
  return time === '00:00' || /^\d{4}-\d{2}-\d{2}$/.test(value) ? day : `${day} à ${formatTime(time)}`;
}

/** « 14 h 30 », « 18 h » from `14:30`, `18:00`, as French writes times. */
export function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return m === '00' ? `${Number(h)}\u00a0h` : `${Number(h)}\u00a0h\u00a0${m}`;
}

const timeFmt = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Paris' });
const parisTime = (value: string) => timeFmt.format(parse(value));

/**
 * A deadline in words: « avant le 25 novembre 2026 à 18 h »; a deadline at midnight is the end of the day
 * before: « au plus tard le 24 novembre 2026 ».
 */
export function formatDeadline(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `au plus tard le ${formatDate(value)}`;
  const time = parisTime(value);
  if (time === '00:00') return `au plus tard le ${formatDate(new Date(parse(value).getTime() - 60_000).toISOString())}`;
  return `avant le ${formatDate(value)} à ${formatTime(time)}`;
}

/** « 1 rapport accepté », « 3 rapports acceptés », « aucun rapport accepté »: the count agrees with its noun. */
export function countOf(count: number, one: string, many: string, none?: string): string {
  if (count === 0 && none) return none;
  return `${numberFmt.format(count)}\u00a0${Math.abs(count) >= 2 ? many : one}`;
}

/**
 * French typography for running text: a no-break space before ; : ! ? » and after « (so « » and the
 * punctuation never wrap alone); times and web addresses (no space before their colon) are left as they are.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]+([;:!?»])/g, '\u00a0$1')
    .replace(/«[ \u00a0\u202f]+/g, '«\u00a0');
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
export const formatNumber = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '—' : numberFmt.format(value));
export const formatDecimal = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '—' : decimalFmt.format(value));
/** `value` is a ratio (0.7 → 70 %). */
export const formatPercent = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '—' : percentFmt.format(value));
export const formatEuros = (value: number | null | undefined) => (value === null || value === undefined ? '—' : euroFmt.format(value));
export const formatBytes = (bytes: number) => (bytes < 1024 ? `${numberFmt.format(bytes)} o` : `${decimalFmt.format(bytes / 1024)} Ko`);
