import { PARIS_TIME_ZONE } from '../calendar';

/**
 * CSV for French spreadsheets (what French Excel and LibreOffice open in columns without an import dialog):
 * semicolon separator, decimal comma, dates as « 25/11/2026 », « Oui »/« Non », a UTF-8 byte-order mark for the
 * accents, CRLF lines, RFC 4180 quoting. `parseCsv` reads it back (tests use it to prove exports parse), and
 * `frenchCsvNumber` reads a French number cell.
 */
export type CsvValue = string | number | boolean | null | undefined;

export const CSV_SEPARATOR = ';';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const instantFormatter = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A number as French spreadsheets read it: decimal comma, no thousands separator, at most 4 decimals. */
function numberCell(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(Math.round(value * 10_000) / 10_000).replace('.', ',');
}

function textCell(text: string): string {
  if (ISO_DAY.test(text)) return text.split('-').reverse().join('/');
  if (ISO_INSTANT.test(text)) return instantFormatter.format(new Date(text)).replace(',', '');
  return text;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberCell(value);
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  const text = textCell(value);
  // Formula injection: a cell starting with = + - @ is read as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvValue[][], options: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(CSV_SEPARATOR));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/** Reads a French number cell (« 4,5 », « 1 234,5 ») back; NaN if it is not one. */
export function frenchCsvNumber(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  return /^-?\d+(,\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : Number.NaN;
}

export function parseCsv(text: string, separator = CSV_SEPARATOR): string[][] {
  const input = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
