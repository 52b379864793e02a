import type { Report } from '../evaluation/schemas';

/**
 * Indicators of the dashboards, pure: the A.CO.R. reference, rates from totals, the comparison with the
 * reference, and what one accepted report adds to the pre-computed aggregates.
 */

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

/** What a set of accepted reports adds up to (one aggregate item). */
export interface Figures {
  acceptedReports: number;
  /** Sums of every summable indicator (counts and FTE; not the mean delay). */
  totals: Record<string, number>;
  /** Σ (mean delay × people back in a job) and Σ people back in a job, over reports that gave a delay. */
  delaySum: number;
  delayWeight: number;
  /** How many reports fall in each tenth of return-to-job rate ("0" = 0–10%, …, "9" = 90–100%, "na" = no one supported). */
  rateBuckets: Record<string, number>;
}

export const emptyFigures = (): Figures => ({ acceptedReports: 0, totals: {}, delaySum: 0, delayWeight: 0, rateBuckets: {} });

export interface Rates {
  returnToJobRate: number | null;
  durableShare: number | null;
  meanDelayDays: number | null;
  meanDelayMonths: number | null;
}

const ratio = (part: number | undefined, whole: number | undefined) =>
  part === undefined || whole === undefined || whole <= 0 ? null : part / whole;

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

export type ComparisonStatus = 'at-or-above' | 'below' | 'no-data';

export interface Comparison {
  indicator: 'returnToJobRate' | 'durableShare' | 'monthsToFirstContract' | 'teamGoalRate';
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

/** The tenth of return-to-job rate a report falls in; 100% goes with 90–100%. */
export function rateBucket(rate: number | null): string {
  if (rate === null) return 'na';
  return String(Math.min(9, Math.max(0, Math.floor(rate * 10 + EPSILON))));
}

// ---------------------------------------------------------------- aggregates

/** The aggregate items (sort keys inside the season's aggregate partition) an accepted report counts in. */
export function aggregateSortKeys(report: Pick<Report, 'stageId' | 'essaimeId' | 'dimensions'>): string[] {
  const stage = `STAGE#${report.stageId}`;
  return [
    `${stage}#PROGRAMME`,
    `${stage}#HYPOTHESIS#${report.dimensions.hypothesis}`,
    `${stage}#REGION#${report.dimensions.region}`,
    `${stage}#SETTING#${report.dimensions.setting}`,
    `ESSAIME#${report.essaimeId}#STAGE#${report.stageId}`,
  ];
}

/** What one accepted report adds (sign 1) or takes back (sign −1) on each of its aggregate items. */
export function contributionOf(report: Pick<Report, 'indicators'>, sign: 1 | -1 = 1): Figures {
  const totals: Record<string, number> = {};
  for (const [key, value] of Object.entries(report.indicators)) {
    if (key === 'meanDelayDays') continue;
    totals[key] = sign * value;
  }
  const { meanDelayDays, backInJob } = report.indicators;
  const weighted = meanDelayDays !== undefined && backInJob !== undefined && backInJob > 0;
  const rate = ratio(report.indicators.backInJob, report.indicators.activeFile);
  return {
    acceptedReports: sign,
    totals,
    delaySum: weighted ? sign * meanDelayDays * backInJob : 0,
    delayWeight: weighted ? sign * backInJob : 0,
    rateBuckets: { [rateBucket(rate)]: sign },
  };
}

export function addFigures(a: Figures, b: Figures): Figures {
  const sum = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    acceptedReports: a.acceptedReports + b.acceptedReports,
    totals: sum(a.totals, b.totals),
    delaySum: a.delaySum + b.delaySum,
    delayWeight: a.delayWeight + b.delayWeight,
    rateBuckets: sum(a.rateBuckets, b.rateBuckets),
  };
}

/** The reference computation the pre-computed aggregates must always equal: a fold over the accepted reports. */
export function recomputeAggregates(accepted: Pick<Report, 'stageId' | 'essaimeId' | 'dimensions' | 'indicators'>[]): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const report of accepted) {
    const contribution = contributionOf(report);
    for (const sk of aggregateSortKeys(report)) out.set(sk, addFigures(out.get(sk) ?? emptyFigures(), contribution));
  }
  return out;
}

/** Drops zero entries (a reversed contribution leaves zeros behind in DynamoDB), for comparing figures. */
export function normaliseFigures(f: Figures, digits = 6): Figures {
  const clean = (r: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(r)
        .map(([k, v]) => [k, Number(v.toFixed(digits))] as const)
        .filter(([, v]) => v !== 0)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  return {
    acceptedReports: f.acceptedReports,
    totals: clean(f.totals),
    delaySum: Number(f.delaySum.toFixed(digits)),
    delayWeight: Number(f.delayWeight.toFixed(digits)),
    rateBuckets: clean(f.rateBuckets),
  };
}
