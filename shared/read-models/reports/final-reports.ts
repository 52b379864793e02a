import type { Principal } from '../../access/principal';
import { listReadyAttachmentsOfParent } from '../../attachments/repository';
import { parentKeyOf } from '../../attachments/schemas';
import { parisDay } from '../../calendar';
import { countOf, formatDate, formatDecimal, formatNumber, formatPercent } from '../../i18n/french';
import { renderPdf, type PdfSection } from '../../documents/pdf';
import { listAllEssaimesOfSeason } from '../../essaimes/repository';
import { getTemplate, listReportsOfEssaime, listReportsOfStage, listStagesOfSeason } from '../../evaluation/repository';
import { completionOf } from '../../evaluation/rules';
import { coreIndicators, isCoreIndicator } from '../../evaluation/templates';
import { listEssaimeGovernance } from '../../governance/fidelity-repository';
import { labelDecisionLabels } from '../../governance/fidelity-schemas';
import type { Deps } from '../../runtime';
import { getSeason } from '../../seasons/repository';
import type { FiguresView } from '../dashboards/schemas';
import { essaimeDashboard, hypothesisLabels, programmeDashboard } from '../dashboards/use-cases';
import { comparisonTable, fidelitySections, referenceSection } from './reference-sections';
import { completionLabels, reportStatusLabels, slug } from './stage-csv';

/** Final reports as PDF: a structure's and the programme's, from the dashboards, the reports and governance. French headings. */

const percent = (v: number | null) => formatPercent(v, 1);
const decimal = formatDecimal;
const figure = (v: number | undefined) => formatNumber(v);

const indicatorLabel = (key: string) => (isCoreIndicator(key) ? coreIndicators[key].label : key);

/** A structure's final report: indicators stage by stage, the reference, the final answers, fidelity and label. */
export async function essaimeFinalReportPdf(deps: Deps, principal: Principal, essaimeId: string): Promise<{ filename: string; bytes: Uint8Array }> {
  const dashboard = await essaimeDashboard(deps, principal, essaimeId);
  const [season, reports, governance] = await Promise.all([
    getSeason(deps.db, dashboard.seasonId),
    listReportsOfEssaime(deps.db, essaimeId),
    listEssaimeGovernance(deps.db, essaimeId),
  ]);
  const stages = dashboard.stages;
  const keys = [...new Set(stages.flatMap((s) => Object.keys(s.figures.totals)))];
  const ordered = [...Object.keys(coreIndicators).filter((k) => keys.includes(k)), ...keys.filter((k) => !isCoreIndicator(k))];
  const sections: PdfSection[] = [];
  sections.push({
    heading: 'Indicateurs par étape (rapports acceptés)',
    paragraphs: stages.some((s) => s.accepted) ? [] : ["Aucun rapport n'a encore été accepté."],
    table: {
      header: ['Indicateur', ...stages.map((s) => s.name)],
      rows: [
        ...ordered.map((k) => [indicatorLabel(k), ...stages.map((s) => (s.accepted ? figure(s.figures.totals[k]) : '—'))]),
        ["Taux de retour à l'emploi", ...stages.map((s) => percent(s.figures.rates.returnToJobRate))],
        ["Part d'emploi durable", ...stages.map((s) => percent(s.figures.rates.durableShare))],
        ['Délai moyen avant le premier contrat (mois)', ...stages.map((s) => decimal(s.figures.rates.meanDelayMonths))],
        ['Personnes par chargé de relation entreprises', ...stages.map((s) => decimal(s.figures.ratios.peoplePerCre))],
        ['Contacts entreprises par CRE et par mois', ...stages.map((s) => decimal(s.figures.ratios.contactsPerCrePerMonth))],
        ['Coût par personne et par an (€)', ...stages.map((s) => decimal(s.figures.ratios.costPerPersonPerYear, 0))],
      ],
    },
  });
  const latest = [...stages].reverse().find((s) => s.accepted);
  if (latest) {
    sections.push({ heading: `Comparaison avec la référence A.CO.R. (${latest.name})`, paragraphs: [], table: comparisonTable(latest.figures) });
  }
  sections.push(referenceSection());
  const finalStage = [...stages].reverse().find((s) => s.kind === 'final') ?? stages.at(-1);
  const finalReport = finalStage ? reports.find((r) => r.stageId === finalStage.stageId) : undefined;
  if (finalStage && finalReport) {
    const template = await getTemplate(deps.db, finalStage.stageId, finalReport.templateVersion);
    sections.push({
      heading: `Réponses qualitatives : ${finalStage.name} (${reportStatusLabels[finalReport.status].toLowerCase()})`,
      paragraphs: (template?.questions ?? []).flatMap((q) => [`${q.label}`, finalReport.answers[q.key]?.trim() || '(sans réponse)']),
    });
  } else {
    sections.push({ heading: 'Réponses qualitatives', paragraphs: ["Le bilan final n'a pas encore été remis."] });
  }
  const annexes = await Promise.all(stages.map((s) => listReadyAttachmentsOfParent(deps.db, parentKeyOf({ kind: 'report', stageId: s.stageId, essaimeId }))));
  sections.push({
    heading: 'Annexes des rapports (pièces jointes)',
    ...(annexes.some((a) => a.length > 0)
      ? { table: { header: ['Étape', 'Pièce', 'Déposée le'], rows: stages.flatMap((s, i) => annexes[i]!.map((a) => [s.name, a.fileName, formatDate(a.confirmedAt ?? a.createdAt)])) } }
      : { paragraphs: ['Aucune pièce jointe aux rapports.'] }),
  });
  sections.push(...fidelitySections(governance.assessments));
  const label = governance.labelDecisions.at(-1);
  sections.push({
    heading: 'Décision de labellisation',
    paragraphs: label
      ? [
          `${labelDecisionLabels[label.decision]} (décision du ${formatDate(label.decidedAt)}).`,
          ...label.reasons.map((r) => `Motif : ${r}`),
          ...label.conditions.map((c) => `Condition : ${c}`),
        ]
      : ['Pas encore de décision.'],
  });
  const t = dashboard.territory;
  const bytes = await renderPdf({
    title: `Rapport final — ${dashboard.structureName}`,
    subtitle: `${t.name} (${t.departement}, ${t.region}) — hypothèse ${dashboard.hypothesis} — ${season?.name ?? ''}`,
    sections,
  });
  return { filename: `rapport-final-${slug(dashboard.structureName)}.pdf`, bytes };
}

/** The programme's final report: per stage totals and rates, spread by hypothesis, région and setting, and each structure. */
export async function programmeFinalReportPdf(deps: Deps, seasonId: string): Promise<{ filename: string; bytes: Uint8Array }> {
  const dashboard = await programmeDashboard(deps, seasonId);
  const [essaimes, stages] = await Promise.all([listAllEssaimesOfSeason(deps.db, seasonId), listStagesOfSeason(deps.db, seasonId)]);
  const today = parisDay(deps.now());
  const sections: PdfSection[] = [];
  const breakdownTable = (rows: { label: string; figures: FiguresView }[]) => ({
    header: ['', 'Rapports acceptés', 'Personnes accompagnées', "Retour à l'emploi", 'Emploi durable'],
    rows: rows.map((r) => [r.label, String(r.figures.acceptedReports), figure(r.figures.totals.activeFile), percent(r.figures.rates.returnToJobRate), percent(r.figures.rates.durableShare)]),
  });
  for (const stage of dashboard.stages) {
    const p = stage.programme;
    sections.push({
      heading: `${stage.name} (échéance : ${formatDate(stage.dueOn)})`,
      paragraphs: [
        `${countOf(p.acceptedReports, 'rapport accepté', 'rapports acceptés', 'Aucun rapport accepté')}. Personnes accompagnées : ${figure(p.totals.activeFile)} ; de retour à l'emploi : ${figure(p.totals.backInJob)} ; en emploi durable : ${figure(p.totals.durableJob)} ; entreprises contactées : ${figure(p.totals.companiesContacted)}.`,
      ],
      table: comparisonTable(p),
    });
    if (stage.byHypothesis.length) sections.push({ heading: 'Par hypothèse', table: breakdownTable(stage.byHypothesis) });
    if (stage.byRegion.length) sections.push({ heading: 'Par région', table: breakdownTable(stage.byRegion) });
    if (stage.bySetting.length) sections.push({ heading: 'Par milieu', table: breakdownTable(stage.bySetting) });
  }
  sections.push(referenceSection());
  const reportsByStage = new Map(await Promise.all(stages.map(async (s) => [s.stageId, await listReportsOfStage(deps.db, s.stageId)] as const)));
  const labels = new Map(await Promise.all(essaimes.map(async (e) => [e.essaimeId, (await listEssaimeGovernance(deps.db, e.essaimeId)).labelDecisions.at(-1)] as const)));
  sections.push({
    heading: 'Structures essaimées',
    table: {
      header: ['Structure', 'Territoire', ...stages.map((s) => s.name), 'Label'],
      rows: essaimes.map((e) => [
        e.structureName,
        `${e.territory.name} (${hypothesisLabels[e.hypothesis]?.slice(0, 1) ?? e.hypothesis})`,
        ...stages.map((s) => completionLabels[completionOf(reportsByStage.get(s.stageId)?.find((r) => r.essaimeId === e.essaimeId), s, today)]),
        labels.get(e.essaimeId) ? labelDecisionLabels[labels.get(e.essaimeId)!.decision] : '—',
      ]),
    },
  });
  const bytes = await renderPdf({
    title: `Bilan du programme — ${dashboard.seasonName}`,
    subtitle: `Essaimage de la méthode A.CO.R. : ${countOf(essaimes.length, 'structure', 'structures')}, objectif de 5 à 10 territoires. Chaque chiffre de référence est donné avec sa source.`,
    sections,
  });
  return { filename: `bilan-programme-${slug(dashboard.seasonName)}.pdf`, bytes };
}
