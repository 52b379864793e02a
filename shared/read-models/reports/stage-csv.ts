import { parisDay } from '../../calendar';
import { toCsv, type CsvValue } from '../../documents/csv';
import { notFound } from '../../errors';
import { listAllEssaimesOfSeason } from '../../essaimes/repository';
import { getStage, getTemplate, listQuestionnaires, listReportsOfStage } from '../../evaluation/repository';
import { completionOf } from '../../evaluation/rules';
import type { CompletionStatus, IndicatorDef, QuestionDef, ReportStatus, Template } from '../../evaluation/schemas';
import type { Deps } from '../../runtime';
import { settingLabels } from '../dashboards/use-cases';

/** A stage as CSV: one row per essaimé, figures and answers as submitted. French headings; the labels serve the final reports too. */
export const completionLabels: Record<CompletionStatus, string> = { accepted: 'Accepté', submitted: 'Soumis', late: 'En retard', missing: 'Non remis' };
export const reportStatusLabels: Record<ReportStatus | 'not-started', string> = {
  draft: 'Brouillon',
  submitted: 'Soumis',
  'changes-requested': 'Modifications demandées',
  accepted: 'Accepté',
  'not-started': 'Non commencé',
};

export const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);

/** Columns of every template version the stage's reports use, current version first, each key once. */
function columnsOf(templates: Template[]): { indicators: IndicatorDef[]; questions: QuestionDef[] } {
  const indicators = new Map<string, IndicatorDef>();
  const questions = new Map<string, QuestionDef>();
  for (const t of templates) {
    for (const i of t.indicators) if (!indicators.has(i.key)) indicators.set(i.key, i);
    for (const q of t.questions) if (!questions.has(q.key)) questions.set(q.key, q);
  }
  return { indicators: [...indicators.values()], questions: [...questions.values()] };
}

/** One row per essaimé of the season (those without a report too), figures and answers as submitted. */
export async function stageCsv(deps: Deps, stageId: string): Promise<{ filename: string; content: string }> {
  const stage = await getStage(deps.db, stageId);
  if (!stage) throw notFound('Stage');
  const [essaimes, reports, questionnaires] = await Promise.all([
    listAllEssaimesOfSeason(deps.db, stage.seasonId),
    listReportsOfStage(deps.db, stageId),
    listQuestionnaires(deps.db, stageId),
  ]);
  const versions = [...new Set([stage.templateVersion, ...reports.map((r) => r.templateVersion)])].sort((a, b) => b - a);
  const templates = (await Promise.all(versions.map((v) => getTemplate(deps.db, stageId, v)))).filter((t): t is Template => Boolean(t));
  const { indicators, questions } = columnsOf(templates);
  const today = parisDay(deps.now());
  const byEssaime = new Map(reports.map((r) => [r.essaimeId, r]));
  const header = [
    'Structure',
    'Territoire',
    'Région',
    'Département',
    'Milieu',
    'Hypothèse',
    'Avancement',
    'Statut du rapport',
    'Version du modèle',
    'Soumis le',
    'Soumis en retard',
    'Début de période',
    'Fin de période',
    ...indicators.map((i) => i.label),
    ...questions.map((q) => q.label),
    'Réponses au questionnaire',
  ];
  const rows: CsvValue[][] = essaimes.map((e) => {
    const r = byEssaime.get(e.essaimeId);
    return [
      e.structureName,
      e.territory.name,
      e.territory.region,
      e.territory.departement,
      settingLabels[e.territory.setting] ?? e.territory.setting,
      e.hypothesis,
      completionLabels[completionOf(r, stage, today)],
      reportStatusLabels[r?.status ?? 'not-started'],
      r?.templateVersion ?? '',
      r?.submittedAt ? parisDay(new Date(r.submittedAt)) : '',
      r ? r.submittedLate : '',
      r?.period?.start ?? '',
      r?.period?.end ?? '',
      ...indicators.map((i) => r?.indicators[i.key] ?? ''),
      ...questions.map((q) => r?.answers[q.key] ?? ''),
      questionnaires.filter((q) => q.essaimeId === e.essaimeId).length,
    ];
  });
  return { filename: `etape-${stage.order}-${slug(stage.name)}.csv`, content: toCsv(header, rows) };
}

