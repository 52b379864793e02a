import { ratio, type Figures } from '../../evaluation/aggregate-rules';
import { DAYS_PER_MONTH, type PerCreRatios, ratiosOf } from '../../evaluation/ratio-rules';
import { referenceByKey, type ReferenceKey } from '../../evaluation/reference';

/** Indicators of the dashboards, pure: rates and per-CRE ratios from the aggregates, compared with the study's reference. */

export { DAYS_PER_MONTH };

/** The four figures first compared (kept as a shorthand; every figure with its source is in evaluation/reference.ts). */
export const acorReference = {
  returnToJobRate: referenceByKey.returnToJobRate.value,
  durableShare: referenceByKey.durableShare.value,
  monthsToFirstContract: referenceByKey.monthsToFirstContract.value,
  teamGoalRate: referenceByKey.teamGoalRate.value,
} as const;

export interface Rates {
  returnToJobRate: number | null;
  durableShare: number | null;
  meanDelayDays: number | null;
  meanDelayMonths: number | null;
}

/** Return-to-job rate = back in a job / people supported; durable share = durable / back in a job; delay weighted by people back in a job. */
export function ratesOf(figures: Pick<Figures, 'totals' | 'delaySum' | 'delayWeight'>): Rates {
  const meanDelayDays = figures.delayWeight > 0 ? figures.delaySum / figures.delayWeight : null;
  return {
    returnToJobRate: ratio(figures.totals.backInJob, figures.totals.activeFile),
    durableShare: ratio(figures.totals.durableJob, figures.totals.backInJob),
    meanDelayDays,
    meanDelayMonths: meanDelayDays === null ? null : meanDelayDays / DAYS_PER_MONTH,
  };
}

export const perCreRatiosOf = (figures: Pick<Figures, 'derived'>): PerCreRatios => ratiosOf(figures.derived ?? {});

export const comparedIndicators = [
  'returnToJobRate',
  'returnToJobRate2016To2017',
  'durableShare',
  'durableShare2016To2017',
  'monthsToFirstContract',
  'teamGoalRate',
  'peoplePerCre',
  'contactsPerCrePerMonth',
  'costPerPersonPerYear',
] as const satisfies readonly ReferenceKey[];
export type ComparedIndicator = (typeof comparedIndicators)[number];
export const comparisonStatuses = ['at-or-above', 'below', 'within-range', 'above-range', 'no-data'] as const;
export type ComparisonStatus = (typeof comparisonStatuses)[number];

export interface Comparison {
  indicator: ComparedIndicator;
  label: string;
  value: number | null;
  reference: number;
  /** The top of a reference range (60 to 70 people per CRE), else null. */
  referenceHigh: number | null;
  /** value − reference (months: positive means slower than A.CO.R.). */
  gap: number | null;
  /** "at-or-above": as good as the reference or better (for the delay and the cost: as low or lower). */
  status: ComparisonStatus;
  referencePeriod: string;
  source: string;
  /** How the value is measured, when it is not obvious. */
  note: string | null;
}

const EPSILON = 1e-9;
type Direction = 'higher' | 'lower' | 'range';

const notes: Partial<Record<ComparedIndicator, string>> = {
  teamGoalRate: 'Mesuré sur les douze premiers mois de chaque structure (rapports dont la période couvre ses douze premiers mois).',
  peoplePerCre: 'File active rapportée aux ETP de chargés de relation entreprises.',
  contactsPerCrePerMonth: 'Entreprises contactées rapportées aux ETP de chargés de relation entreprises et aux mois de la période.',
  costPerPersonPerYear: 'Budget déclaré ramené à l’année, par personne accompagnée ; seulement les rapports qui donnent le budget.',
};

function statusOf(value: number | null, low: number, high: number | undefined, direction: Direction): ComparisonStatus {
  if (value === null) return 'no-data';
  if (direction === 'range') return value + EPSILON < low ? 'below' : value - EPSILON > (high ?? low) ? 'above-range' : 'within-range';
  if (direction === 'higher') return value + EPSILON >= low ? 'at-or-above' : 'below';
  return value - EPSILON <= low ? 'at-or-above' : 'below';
}

function compare(indicator: ComparedIndicator, value: number | null, direction: Direction): Comparison {
  const ref = referenceByKey[indicator];
  return {
    indicator,
    label: `${ref.label} (${ref.period})`,
    value,
    reference: ref.value,
    referenceHigh: ref.high ?? null,
    gap: value === null ? null : value - ref.value,
    status: statusOf(value, ref.value, ref.high, direction),
    referencePeriod: ref.period,
    source: ref.source,
    note: notes[indicator] ?? null,
  };
}

const noRatios: PerCreRatios = { peoplePerCre: null, contactsPerCrePerMonth: null, costPerPersonPerYear: null, twelveMonthReturnRate: null };

/**
 * Side by side with every comparable reference figure: rates (higher is better), the delay and the cost
 * (lower is better), people per CRE (within the 60–70 range). The 60% team goal is compared with the rate
 * over the structures' first twelve months, not with whatever period the reports cover.
 */
export function compareWithReference(rates: Rates, ratios: PerCreRatios = noRatios): Comparison[] {
  return [
    compare('returnToJobRate', rates.returnToJobRate, 'higher'),
    compare('returnToJobRate2016To2017', rates.returnToJobRate, 'higher'),
    compare('durableShare', rates.durableShare, 'higher'),
    compare('durableShare2016To2017', rates.durableShare, 'higher'),
    compare('monthsToFirstContract', rates.meanDelayMonths, 'lower'),
    compare('teamGoalRate', ratios.twelveMonthReturnRate, 'higher'),
    compare('peoplePerCre', ratios.peoplePerCre, 'range'),
    compare('contactsPerCrePerMonth', ratios.contactsPerCrePerMonth, 'higher'),
    compare('costPerPersonPerYear', ratios.costPerPersonPerYear, 'lower'),
  ];
}
