import type { Principal } from '../access/principal';
import { assertStructureVisible } from '../access/policy';
import { parisDay } from '../calendar';
import type { Page, PageQuery } from '../db/pagination';
import { notFound } from '../errors';
import { getEssaime, listAllEssaimesOfSeason } from '../essaimes/repository';
import type { Deps } from '../runtime';
import { requireSeason, requireStage } from './context';
import { listQuestionnaires, listReportsOfEssaime, listReportsOfSeasonByStatus, listReportsOfStage, listStagesOfSeason } from './repository';
import { completionOf, isOpen } from './rules';
import type { CompletionStatus, Report, ReportStatus } from './schemas';
import type { EssaimeReportsView, StageCompletion } from './views';

/** Where the reports stand: a structure's stages, a stage's completion, the review queue. */

/** A structure's stages with their due dates and where its report stands (referent's home view). */
export async function listEssaimeReports(deps: Deps, principal: Principal, essaimeId: string): Promise<EssaimeReportsView> {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureVisible(principal, essaime.structureId, 'Essaimé');
  const [stages, reports] = await Promise.all([listStagesOfSeason(deps.db, essaime.seasonId), listReportsOfEssaime(deps.db, essaimeId)]);
  const today = parisDay(deps.now());
  const byStage = new Map(reports.map((r) => [r.stageId, r]));
  return {
    essaimeId,
    structureName: essaime.structureName,
    stages: stages.map((stage) => {
      const report = byStage.get(stage.stageId);
      return {
        ...stage,
        open: isOpen(stage, today),
        completion: completionOf(report, stage, today),
        report: report ? { reportId: report.reportId, status: report.status, version: report.version, submittedAt: report.submittedAt, submittedLate: report.submittedLate } : null,
      };
    }),
  };
}

/** A stage's completion: submitted, late, missing, accepted per essaimé, with counts. */
export async function stageCompletion(deps: Deps, stageId: string): Promise<StageCompletion> {
  const stage = await requireStage(deps, stageId);
  const [essaimes, reports, questionnaires] = await Promise.all([
    listAllEssaimesOfSeason(deps.db, stage.seasonId),
    listReportsOfStage(deps.db, stageId),
    listQuestionnaires(deps.db, stageId),
  ]);
  const today = parisDay(deps.now());
  const byEssaime = new Map(reports.map((r) => [r.essaimeId, r]));
  const counts: Record<CompletionStatus, number> = { accepted: 0, submitted: 0, late: 0, missing: 0 };
  const rows = essaimes.map((e) => {
    const report = byEssaime.get(e.essaimeId);
    const completion = completionOf(report, stage, today);
    counts[completion] += 1;
    return {
      essaimeId: e.essaimeId,
      structureName: e.structureName,
      completion,
      reportStatus: report?.status ?? ('not-started' as const),
      version: report?.version ?? null,
      submittedAt: report?.submittedAt ?? null,
      submittedLate: report?.submittedLate ?? false,
      questionnaires: questionnaires.filter((q) => q.essaimeId === e.essaimeId).length,
    };
  });
  return { ...stage, counts, essaimes: rows };
}

export async function listReviewQueue(deps: Deps, seasonId: string, status: ReportStatus, page: PageQuery): Promise<Page<Report>> {
  await requireSeason(deps, seasonId);
  return listReportsOfSeasonByStatus(deps.db, seasonId, status, page);
}
