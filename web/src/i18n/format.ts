/** French formats for dates, numbers and percentages (Intl 'fr-FR'). */
const dateFmt = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const shortDateFmt = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' });
const dateTimeFmt = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
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
export const formatDateTime = (value: string | null | undefined) => (value ? dateTimeFmt.format(parse(value)).replace(/^1 /, '1er ') : '—');
export const formatNumber = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '—' : numberFmt.format(value));
export const formatDecimal = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '—' : decimalFmt.format(value));
/** `value` is a ratio (0.7 → 70 %). */
export const formatPercent = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '—' : percentFmt.format(value));
export const formatEuros = (value: number | null | undefined) => (value === null || value === undefined ? '—' : euroFmt.format(value));
export const formatBytes = (bytes: number) => (bytes < 1024 ? `${numberFmt.format(bytes)} o` : `${decimalFmt.format(bytes / 1024)} Ko`);
