import type { Principal } from '../access/principal';
import { assertStructureVisible } from '../access/policy';
import { conflict, notFound, type ErrorDetail } from '../errors';
import { getEssaime } from '../essaimes/repository';
import type { Essaime } from '../essaimes/schemas';
import type { Deps } from '../runtime';
import { getSeason } from '../seasons/repository';
import { getReport, getStage, getTemplate } from './repository';
import { canDo, type ReportAction } from './rules';
import type { Report, Stage, Template } from './schemas';

/** What the evaluation use cases load first, and the refusals they share. */

export const prefixed = (details: ErrorDetail[], prefix: string) => details.map((d) => ({ ...d, path: `${prefix}.${d.path}` }));

export async function requireSeason(deps: Deps, seasonId: string) {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  return season;
}

export async function requireStage(deps: Deps, stageId: string): Promise<Stage> {
  const stage = await getStage(deps.db, stageId);
  if (!stage) throw notFound('Stage');
  return stage;
}

export async function requireTemplate(deps: Deps, stageId: string, version: number): Promise<Template> {
  const template = await getTemplate(deps.db, stageId, version);
  if (!template) throw notFound('Template version');
  return template;
}

export interface ReportContext {
  stage: Stage;
  essaime: Essaime;
  report?: Report;
}

/** The stage, the essaimé the caller may see (404 otherwise) and its report on the stage if any. */
export async function loadContext(deps: Deps, principal: Principal, stageId: string, essaimeId: string): Promise<ReportContext> {
  const [stage, essaime, report] = await Promise.all([getStage(deps.db, stageId), getEssaime(deps.db, essaimeId), getReport(deps.db, stageId, essaimeId)]);
  if (!essaime) throw notFound('Report');
  assertStructureVisible(principal, essaime.structureId, 'Report');
  if (!stage || stage.seasonId !== essaime.seasonId) throw notFound('Report');
  return { stage, essaime, report };
}

export function requireReport(ctx: ReportContext): Report {
  if (!ctx.report) throw notFound('Report', 'REPORT_NOT_FOUND');
  return ctx.report;
}

/** Refuses an action from the wrong status, with a code saying why, then a stale version. */
export function assertCanDo(action: ReportAction, report: Report, expectedVersion: number): void {
  if (!canDo(action, report.status)) {
    if (report.status === 'accepted') throw conflict('REPORT_LOCKED', 'The report has been accepted: it is locked', [{ path: 'status', message: 'accepted' }]);
    if (report.status === 'submitted') throw conflict('REPORT_SUBMITTED', 'The report is submitted and awaits review', [{ path: 'status', message: 'submitted' }]);
    throw conflict('REPORT_NOT_SUBMITTED', 'The report has not been submitted', [{ path: 'status', message: report.status }]);
  }
  if (report.version !== expectedVersion) {
    throw conflict('STALE_VERSION', 'The report was saved by someone else meanwhile; reload it, merge your changes and retry', [
      { path: 'body.expectedVersion', message: `The current version is ${report.version}` },
    ]);
  }
}

/** Where an essaimé counts in the aggregates: its hypothesis, région and setting. */
export const dimensionsOf = (essaime: Essaime): Report['dimensions'] => ({
  hypothesis: essaime.hypothesis,
  region: essaime.territory.region,
  setting: essaime.territory.setting,
});
