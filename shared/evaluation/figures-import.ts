import type { Principal } from '../access/principal';
import { commit, type Write } from '../db/transact';
import { unprocessable } from '../errors';
import { listAllEssaimesOfSeason } from '../essaimes/repository';
import type { Essaime } from '../essaimes/schemas';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { aggregateWritesOfMany } from './aggregates';
import { dimensionsOf, requireStage, requireTemplate } from './context';
import { importTotals, type ImportRow, readImport } from './import-rules';
import { createReportWrite, listReportsOfEssaime, listReportsOfStage, updateReportWrite } from './repository';
import { allowedFrom } from './rules';
import type { Report, Stage } from './schemas';
import type { ImportPreview, ImportResult } from './study-schemas';

/**
 * Stage 2 uses activity data exported from A.CO.R.'s follow-up software: staff import it as CSV, one row per
 * essaimé. The preview checks every row and writes nothing; the import writes every row as an accepted
 * report (counted in the aggregates) in one transaction, or nothing at all when any row is wrong.
 */
interface Prepared {
  stage: Stage;
  essaimes: Map<string, Essaime>;
  existing: Map<string, Report>;
  preview: ImportPreview;
}

async function prepare(deps: Deps, stageId: string, csv: string): Promise<Prepared> {
  const stage = await requireStage(deps, stageId);
  const [template, essaimes, reports] = await Promise.all([
    requireTemplate(deps, stageId, stage.templateVersion),
    listAllEssaimesOfSeason(deps.db, stage.seasonId),
    listReportsOfStage(deps.db, stageId),
  ]);
  const existing = new Map(reports.map((r) => [r.essaimeId, r]));
  const { headerErrors, rows } = readImport(csv, template, essaimes);
  for (const row of rows) {
    if (row.essaimeId && existing.get(row.essaimeId)?.status === 'accepted') {
      row.errors.push({ line: row.line, field: 'structure', message: 'Le rapport de cette structure est déjà accepté sur cette étape : rouvrez-le avant d’importer' });
    }
  }
  const valid = headerErrors.length === 0 && rows.every((r) => r.errors.length === 0);
  const totals = importTotals(rows.filter((r) => r.errors.length === 0));
  return { stage, essaimes: new Map(essaimes.map((e) => [e.essaimeId, e])), existing, preview: { stageId, valid, headerErrors, rows, totals } };
}

export async function previewFiguresImport(deps: Deps, stageId: string, csv: string): Promise<ImportPreview> {
  return (await prepare(deps, stageId, csv)).preview;
}

/** The structure's start for the twelve-month goal: its earliest reported period, this one included. */
async function startOf(deps: Deps, row: ImportRow, seasonId: string): Promise<string | null> {
  const reports = await listReportsOfEssaime(deps.db, row.essaimeId!);
  const starts = [row.period?.start, ...reports.filter((r) => r.seasonId === seasonId).map((r) => r.period?.start)].filter((s): s is string => Boolean(s));
  return starts.sort()[0] ?? null;
}

export async function importFigures(deps: Deps, principal: Principal, stageId: string, csv: string): Promise<ImportResult> {
  const { stage, essaimes, existing, preview } = await prepare(deps, stageId, csv);
  if (!preview.valid) {
    const details = [...preview.headerErrors, ...preview.rows.flatMap((r) => r.errors)].map((e) => ({ path: `csv.lines.${e.line}.${e.field}`, message: e.message }));
    throw unprocessable('IMPORT_ROWS_INVALID', 'Some rows of the import are not valid; nothing was written', details);
  }
  const now = deps.now();
  const at = now.toISOString();
  const importId = newId('figuresImport');
  const writes: Write[] = [];
  const reports: ImportResult['reports'] = [];
  const counted: Report[] = [];
  for (const row of preview.rows) {
    const essaime = essaimes.get(row.essaimeId!)!;
    const current = existing.get(essaime.essaimeId);
    const review = { at, by: principal.userId, action: 'accepted' as const, comments: [{ comment: 'Chiffres importés du logiciel de suivi (import CSV).' }] };
    const dimensions = { ...dimensionsOf(essaime), startedOn: await startOf(deps, row, stage.seasonId) };
    const accepted: Report = current
      ? { ...current, period: row.period, indicators: row.indicators, status: 'accepted', dimensions, version: current.version + 1, updatedAt: at, updatedBy: principal.userId, acceptedAt: at, acceptedBy: principal.userId, reviews: [...current.reviews, review] }
      : {
          reportId: newId('report'),
          stageId,
          seasonId: stage.seasonId,
          essaimeId: essaime.essaimeId,
          structureId: essaime.structureId,
          structureName: essaime.structureName,
          templateVersion: stage.templateVersion,
          status: 'accepted',
          period: row.period,
          indicators: row.indicators,
          answers: {},
          dimensions,
          version: 1,
          createdAt: at,
          updatedAt: at,
          updatedBy: principal.userId,
          submittedAt: null,
          submittedBy: null,
          submittedLate: false,
          acceptedAt: at,
          acceptedBy: principal.userId,
          reviews: [review],
        };
    // The non-accepted statuses a report may be replaced from (the condition closes the race with a review).
    writes.push(current ? updateReportWrite(deps.db, accepted, current.version, allowedFrom.accept.concat(allowedFrom.save)) : createReportWrite(deps.db, accepted));
    counted.push(accepted);
    reports.push({ essaimeId: essaime.essaimeId, reportId: accepted.reportId, structureName: essaime.structureName });
  }
  writes.push(...aggregateWritesOfMany(deps.db, counted));
  await commit(deps.db, principal, writes, [
    { action: 'figures.imported', entityType: 'stage', entityId: stageId, changes: { importId, rows: reports.length, essaimeIds: reports.map((r) => r.essaimeId) } },
  ], now);
  return { importId, stageId, imported: reports.length, totals: preview.totals, reports };
}
