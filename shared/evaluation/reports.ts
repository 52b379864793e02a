import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { parisDay } from '../calendar';
import { commit } from '../db/transact';
import { conflict, unprocessable } from '../errors';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { assertCanDo, dimensionsOf, loadContext, prefixed, requireReport, requireTemplate } from './context';
import { createReportWrite, updateReportWrite } from './repository';
import { allowedFrom, checkCompleteness, checkConsistency, isOpen, isPastDue, type ReportContent } from './rules';
import type { Report, saveReportBody } from './schemas';

/** A report written by the structure's referent: drafts, then the submission for review. */

export async function readReport(deps: Deps, principal: Principal, stageId: string, essaimeId: string): Promise<Report> {
  return requireReport(await loadContext(deps, principal, stageId, essaimeId));
}

const contentOf = (r: Pick<Report, 'period' | 'indicators' | 'answers'>): ReportContent => ({ period: r.period, indicators: r.indicators, answers: r.answers });

/**
 * Saves a draft (referent of the structure). The first save creates it (expectedVersion 0); every later save
 * names the version it read, so two people editing at once cannot overwrite each other silently.
 * Omitted fields keep their value; `period: null` clears the period.
 */
export async function saveReportDraft(deps: Deps, principal: Principal, stageId: string, essaimeId: string, input: z.output<typeof saveReportBody>): Promise<Report> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const today = parisDay(deps.now());
  if (!isOpen(ctx.stage, today)) {
    throw conflict('STAGE_NOT_OPEN', `The stage opens on ${ctx.stage.opensOn}`, [{ path: 'stage.opensOn', message: ctx.stage.opensOn }]);
  }
  const now = deps.now().toISOString();
  const current = ctx.report;
  if (current) assertCanDo('save', current, input.expectedVersion);
  else if (input.expectedVersion !== 0) {
    throw conflict('STALE_VERSION', 'The report does not exist yet: create it with expectedVersion 0', [{ path: 'body.expectedVersion', message: 'Use 0' }]);
  }
  const template = await requireTemplate(deps, stageId, current?.templateVersion ?? ctx.stage.templateVersion);
  const content: ReportContent = {
    period: input.period === undefined ? (current?.period ?? null) : input.period,
    indicators: input.indicators ?? current?.indicators ?? {},
    answers: input.answers ?? current?.answers ?? {},
  };
  const problems = checkConsistency(template, content);
  if (problems.length) throw unprocessable('INCONSISTENT_FIGURES', 'Some figures are not consistent', prefixed(problems, 'body'));

  const next: Report = current
    ? { ...current, ...content, version: current.version + 1, updatedAt: now, updatedBy: principal.userId }
    : {
        reportId: newId('report'),
        stageId,
        seasonId: ctx.stage.seasonId,
        essaimeId,
        structureId: ctx.essaime.structureId,
        structureName: ctx.essaime.structureName,
        templateVersion: template.templateVersion,
        status: 'draft',
        ...content,
        dimensions: dimensionsOf(ctx.essaime),
        version: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: principal.userId,
        submittedAt: null,
        submittedBy: null,
        submittedLate: false,
        acceptedAt: null,
        acceptedBy: null,
        reviews: [],
      };
  const write = current ? updateReportWrite(deps.db, next, input.expectedVersion, allowedFrom.save) : createReportWrite(deps.db, next);
  await commit(deps.db, principal, [write], [
    { action: current ? 'report.saved' : 'report.created', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version, period: next.period, indicators: next.indicators, answered: Object.keys(next.answers) } },
  ], deps.now());
  return next;
}

/**
 * Hands the report in: every required field present and consistent. Late if after the due date. Repeating a
 * submission that is already in (same version read, nothing changed since) answers the submitted report.
 */
export async function submitReport(deps: Deps, principal: Principal, stageId: string, essaimeId: string, expectedVersion: number): Promise<Report> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const current = requireReport(ctx);
  // A repeated submission (its answer was lost): the report is exactly as that submission left it, so say so again.
  if (current.status === 'submitted' && current.version === expectedVersion + 1) return current;
  assertCanDo('submit', current, expectedVersion);
  const template = await requireTemplate(deps, stageId, current.templateVersion);
  const inconsistent = checkConsistency(template, contentOf(current));
  if (inconsistent.length) throw unprocessable('INCONSISTENT_FIGURES', 'Some figures are not consistent', prefixed(inconsistent, 'report'));
  const missing = checkCompleteness(template, contentOf(current));
  if (missing.length) throw unprocessable('REPORT_INCOMPLETE', 'Some required answers are missing', prefixed(missing, 'report'));
  const now = deps.now();
  const next: Report = {
    ...current,
    status: 'submitted',
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: principal.userId,
    submittedAt: now.toISOString(),
    submittedBy: principal.userId,
    submittedLate: isPastDue(ctx.stage, parisDay(now)),
  };
  await commit(deps.db, principal, [updateReportWrite(deps.db, next, expectedVersion, allowedFrom.submit)], [
    { action: 'report.submitted', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version, late: next.submittedLate } },
  ], now);
  return next;
}
