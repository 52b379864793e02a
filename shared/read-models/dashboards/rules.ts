import { ratio, type Figures } from '../../evaluation/aggregate-rules';

/** Indicators of the dashboards, pure: the A.CO.R. reference, rates from totals, and the comparison with the reference. */

/** A.CO.R.'s results 2001–2017 and the team goal of each CRE's mission letter (feasibility study). */
export const acorReference = {
  /** 8,433 of 12,127 people supported back in a job. */
  returnToJobRate: 0.7,
  /** 3,285 of the 8,433 in durable employment (open-ended contract or fixed-term over six months). */
  durableShare: 0.39,
  /** Mean delay from first welcome to first work contract. */
  monthsToFirstContract: 3.5,
  /** 60% of people supported back in a job within a year. */
  teamGoalRate: 0.6,
} as const;

/** Days in a mean month (365.25 / 12): converts the reported delay in days to months. */
export const DAYS_PER_MONTH = 30.4375;

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

export const comparedIndicators = ['returnToJobRate', 'durableShare', 'monthsToFirstContract', 'teamGoalRate'] as const;
export const comparisonStatuses = ['at-or-above', 'below', 'no-data'] as const;
export type ComparisonStatus = (typeof comparisonStatuses)[number];

export interface Comparison {
  indicator: (typeof comparedIndicators)[number];
  label: string;
  value: number | null;
  reference: number;
  /** value − reference (months: positive means slower than A.CO.R.). */
  gap: number | null;
  /** For the delay, "at-or-above" means as fast as A.CO.R. or faster. */
  status: ComparisonStatus;
}

const EPSILON = 1e-9;

/** Side by side with A.CO.R.: higher is better for the rates, lower is better for the delay. */
export function compareWithReference(rates: Rates): Comparison[] {
  const higher = (value: number | null, reference: number): ComparisonStatus =>
    value === null ? 'no-data' : value + EPSILON >= reference ? 'at-or-above' : 'below';
  const lower = (value: number | null, reference: number): ComparisonStatus =>
    value === null ? 'no-data' : value - EPSILON <= reference ? 'at-or-above' : 'below';
  const gap = (value: number | null, reference: number) => (value === null ? null : value - reference);
  return [
    { indicator: 'returnToJobRate', label: "Taux de retour à l'emploi", value: rates.returnToJobRate, reference: acorReference.returnToJobRate, gap: gap(rates.returnToJobRate, acorReference.returnToJobRate), status: higher(rates.returnToJobRate, acorReference.returnToJobRate) },
    { indicator: 'durableShare', label: "Part d'emploi durable", value: rates.durableShare, reference: acorReference.durableShare, gap: gap(rates.durableShare, acorReference.durableShare), status: higher(rates.durableShare, acorReference.durableShare) },
    { indicator: 'monthsToFirstContract', label: 'Délai moyen avant le premier contrat (mois)', value: rates.meanDelayMonths, reference: acorReference.monthsToFirstContract, gap: gap(rates.meanDelayMonths, acorReference.monthsToFirstContract), status: lower(rates.meanDelayMonths, acorReference.monthsToFirstContract) },
    { indicator: 'teamGoalRate', label: "Objectif d'équipe (60 % de retour à l'emploi)", value: rates.returnToJobRate, reference: acorReference.teamGoalRate, gap: gap(rates.returnToJobRate, acorReference.teamGoalRate), status: higher(rates.returnToJobRate, acorReference.teamGoalRate) },
  ];
}
