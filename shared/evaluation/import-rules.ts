import { parseCsv } from '../documents/csv';
import { isoDate } from '../seasons/schemas';
import { checkCompleteness, checkConsistency } from './rules';
import type { Period, TemplateContent } from './schemas';

/**
 * The CSV import of a stage's figures (exported from A.CO.R.'s follow-up software), pure: parse, match each
 * row to an essaimé, check it as a report would be checked. Every error names its line and its column; the
 * use case writes nothing unless every row is right.
 */

/** Delimiter of French spreadsheets (;) or RFC 4180 (,), whichever the header line uses. */
export function parseDelimited(text: string): string[][] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parseCsv(text, delimiter).filter((r) => r.some((cell) => cell.trim() !== ''));
}

export interface ImportTarget {
  essaimeId: string;
  structureId: string;
  structureName: string;
}

export interface RowError {
  /** The line of the file (the header is line 1). */
  line: number;
  /** The column: structure, periodStart, periodEnd or an indicator key. */
  field: string;
  message: string;
}

export interface ImportRow {
  line: number;
  essaimeId: string | null;
  structureName: string;
  period: Period | null;
  indicators: Record<string, number>;
  errors: RowError[];
}

export const MAX_IMPORT_ROWS = 12;
const fixedColumns = ['structure', 'periodStart', 'periodEnd'];

/** "1 234,5" or "1234.5" as a number; anything else is not a figure. */
export function parseFigure(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  return Number(clean);
}

/** The consistency findings in French, for the person who prepared the file. */
const frenchMessages: Record<string, string> = {
  NEGATIVE_VALUE: 'Un chiffre ne peut pas être négatif',
  NOT_A_WHOLE_NUMBER: 'Un effectif est un nombre entier',
  TOO_MANY_DECIMALS: 'Au plus deux décimales',
  DURABLE_EXCEEDS_BACK_IN_JOB: "Les personnes en emploi durable ne peuvent pas dépasser les personnes de retour à l'emploi",
  BACK_IN_JOB_EXCEEDS_SUPPORTED: "Les personnes de retour à l'emploi ne peuvent pas dépasser les personnes accompagnées",
  PERIOD_END_BEFORE_START: 'La période ne peut pas finir avant de commencer',
  MISSING_REQUIRED: 'Valeur obligatoire manquante',
};

const normalise = (s: string) => s.trim().toLocaleLowerCase('fr').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Reads the whole file: header errors (line 1) and one entry per data row with its own errors. */
export function readImport(text: string, template: TemplateContent, targets: ImportTarget[]): { headerErrors: RowError[]; rows: ImportRow[] } {
  const [header = [], ...data] = parseDelimited(text);
  const columns = header.map((h) => h.trim());
  const headerErrors: RowError[] = [];
  const indicatorKeys = new Set(template.indicators.map((i) => i.key));
  for (const required of fixedColumns) if (!columns.includes(required)) headerErrors.push({ line: 1, field: required, message: `Colonne « ${required} » manquante` });
  for (const column of columns) {
    if (!fixedColumns.includes(column) && !indicatorKeys.has(column)) headerErrors.push({ line: 1, field: column, message: `Colonne inconnue : « ${column} » n'est pas un indicateur de l'étape` });
  }
  if (data.length === 0) headerErrors.push({ line: 1, field: 'structure', message: 'Le fichier ne contient aucune ligne de données' });
  if (data.length > MAX_IMPORT_ROWS) headerErrors.push({ line: MAX_IMPORT_ROWS + 2, field: 'structure', message: `Au plus ${MAX_IMPORT_ROWS} lignes (une par structure essaimée)` });
  const byKey = new Map<string, ImportTarget>();
  for (const t of targets) {
    byKey.set(normalise(t.structureId), t);
    byKey.set(normalise(t.structureName), t);
  }
  const seen = new Map<string, number>();
  const rows = data.slice(0, MAX_IMPORT_ROWS).map((cells, index): ImportRow => {
    const line = index + 2;
    const errors: RowError[] = [];
    const value = (column: string) => (cells[columns.indexOf(column)] ?? '').trim();
    const structure = value('structure');
    const target = byKey.get(normalise(structure));
    if (!target) errors.push({ line, field: 'structure', message: structure ? `« ${structure} » n'est pas une structure essaimée de la saison` : 'Structure manquante' });
    else if (seen.has(target.essaimeId)) errors.push({ line, field: 'structure', message: `Déjà importée à la ligne ${seen.get(target.essaimeId)}` });
    else seen.set(target.essaimeId, line);
    const start = value('periodStart');
    const end = value('periodEnd');
    if (!isoDate.safeParse(start).success) errors.push({ line, field: 'periodStart', message: 'Date attendue au format AAAA-MM-JJ' });
    if (!isoDate.safeParse(end).success) errors.push({ line, field: 'periodEnd', message: 'Date attendue au format AAAA-MM-JJ' });
    const period = errors.some((e) => e.field.startsWith('period')) ? null : { start, end };
    const indicators: Record<string, number> = {};
    columns.forEach((column, i) => {
      if (!indicatorKeys.has(column)) return;
      const text = (cells[i] ?? '').trim();
      if (text === '') return;
      const figure = parseFigure(text);
      if (figure === null || Math.abs(figure) > 1_000_000) errors.push({ line, field: column, message: `« ${text} » n'est pas un nombre` });
      else indicators[column] = figure;
    });
    const content = { period, indicators, answers: {} };
    const figuresOnly: TemplateContent = { ...template, questions: [] };
    for (const d of [...checkConsistency(figuresOnly, content), ...checkCompleteness(figuresOnly, content)]) {
      const field = d.path.replace(/^indicators\./, '').replace(/^period\.end$/, 'periodEnd').replace(/^period$/, 'periodStart');
      if (!errors.some((e) => e.field === field)) errors.push({ line, field, message: frenchMessages[d.code ?? ''] ?? d.message });
    }
    return { line, essaimeId: target?.essaimeId ?? null, structureName: target?.structureName ?? structure, period, indicators, errors };
  });
  return { headerErrors, rows };
}

/** Sum of each indicator over the rows (what the dashboard's totals gain once the import is written). */
export function importTotals(rows: Pick<ImportRow, 'indicators'>[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const row of rows) for (const [k, v] of Object.entries(row.indicators)) if (k !== 'meanDelayDays') totals[k] = (totals[k] ?? 0) + v;
  return totals;
}
