import { countOf, formatDate, formatDecimal, formatPercent } from '../../i18n/french';
import type { PdfSection } from '../../documents/pdf';
import { fidelityLevelLabels, type FidelityAssessment } from '../../governance/fidelity-schemas';
import { historyOrder, trendPerPrinciple } from '../../governance/fidelity-rules';
import { principleLabels } from '../../programme/axes';
import type { ComparisonView, FiguresView } from '../dashboards/schemas';
import { referenceView } from '../dashboards/use-cases';

/** The parts of the final-report PDFs that show the study's reference and fidelity over time. French. */

const percent = (v: number | null) => formatPercent(v, 1);
const decimal = formatDecimal;

const statusLabels: Record<ComparisonView['status'], string> = {
  'at-or-above': 'Atteint',
  below: 'En dessous',
  'within-range': 'Dans la fourchette',
  'above-range': 'Au-dessus de la fourchette',
  'no-data': 'Pas de donnée',
};

/** A compared value in its unit: rates in %, the delay in months, people and contacts per CRE, euros. */
export function comparedValue(c: Pick<ComparisonView, 'indicator'>, value: number | null, high: number | null = null): string {
  if (value === null) return '—';
  switch (c.indicator) {
    case 'monthsToFirstContract':
      return `${decimal(value)} mois`;
    case 'peoplePerCre':
    case 'contactsPerCrePerMonth':
      return high === null ? decimal(value) : `${decimal(value, 0)} à ${decimal(high, 0)}`;
    case 'costPerPersonPerYear':
      return `${decimal(value, 0)} €`;
    default:
      return percent(value);
  }
}

export function comparisonTable(view: FiguresView): PdfSection['table'] {
  return {
    header: ['Indicateur', 'Valeur', 'Référence', 'Situation', 'Source'],
    rows: view.comparison.map((c) => [c.label, comparedValue(c, c.value), comparedValue(c, c.reference, c.referenceHigh), statusLabels[c.status], c.source]),
  };
}

/** Every reference figure of the study, with its period and source. */
export function referenceSection(): PdfSection {
  return {
    heading: 'Référence A.CO.R. : chiffres de l’étude de faisabilité et leurs sources',
    paragraphs: ["L'objectif d'équipe de 60 % se mesure sur les douze premiers mois de chaque structure."],
    table: { header: ['Chiffre', 'Valeur', 'Période', 'Source'], rows: referenceView().map((f) => [f.label, f.display, f.period, f.source]) },
  };
}

/** The latest assessment, and each principle's levels over time with its trend. */
export function fidelitySections(assessments: FidelityAssessment[]): PdfSection[] {
  const history = historyOrder(assessments);
  const latest = history.at(-1);
  if (!latest) return [{ heading: 'Fidélité aux quatre principes', paragraphs: ["La fidélité n'a pas encore été évaluée."] }];
  const trendLabels = { improving: 'En progrès', declining: 'En recul', stable: 'Stable', single: 'Une seule évaluation', none: '—' } as const;
  return [
    {
      heading: 'Fidélité aux quatre principes (dernière évaluation du tuteur)',
      paragraphs: [`Évaluation du ${formatDate(latest.assessedOn)}${latest.kind === 'checkpoint' ? ' (point d’étape)' : ''}.`, ...(latest.summary ? [latest.summary] : [])],
      table: { header: ['Principe', 'Niveau', 'Éléments observés'], rows: latest.principles.map((p) => [principleLabels[p.principle], fidelityLevelLabels[p.level], p.evidence]) },
    },
    {
      heading: `Évolution de la fidélité (${countOf(history.length, 'évaluation', 'évaluations')})`,
      table: {
        header: ['Principe', 'Niveaux successifs', 'Tendance'],
        rows: trendPerPrinciple(history).map((t) => [
          principleLabels[t.principle],
          t.series.map((s) => `${formatDate(s.assessedOn)} : ${fidelityLevelLabels[s.level]}`).join(' ; '),
          trendLabels[t.trend],
        ]),
      },
    },
  ];
}
