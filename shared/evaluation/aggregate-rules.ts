import { derivedOf, type RatioSource } from './ratio-rules';
import type { Report } from './schemas';

/**
 * What one accepted report adds to the pre-computed aggregates, pure. Evaluation writes these figures in the
 * accept transaction; the dashboards (a read model) turn them into rates and comparisons.
 */

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
  /** Sums behind the per-CRE ratios and the twelve-month goal (./ratio-rules.ts). */
  derived: Record<string, number>;
}

export const emptyFigures = (): Figures => ({ acceptedReports: 0, totals: {}, delaySum: 0, delayWeight: 0, rateBuckets: {}, derived: {} });

export const ratio = (part: number | undefined, whole: number | undefined) =>
  part === undefined || whole === undefined || whole <= 0 ? null : part / whole;

const EPSILON = 1e-9;

/** The tenth of return-to-job rate a report falls in; 100% goes with 90–100%. */
export function rateBucket(rate: number | null): string {
  if (rate === null) return 'na';
  return String(Math.min(9, Math.max(0, Math.floor(rate * 10 + EPSILON))));
}

/** The dimensions the programme figures are spread by; `essaime` items hold one essaimé's figures. */
export type AggregateDimension = 'programme' | 'hypothesis' | 'region' | 'setting' | 'essaime';

/** Where one aggregate item counts: a stage and a dimension value (an essaimé for `essaime`). */
export interface AggregatePlace {
  stageId: string;
  dimension: AggregateDimension;
  dimensionValue: string;
}

/** Sort-key prefixes: every programme item of a season (all stages), and one essaimé's items. */
export const programmeKeyPrefix = 'STAGE#';
export const essaimeKeyPrefix = (essaimeId: string) => `ESSAIME#${essaimeId}#`;

/** The sort key of an aggregate item inside its season's partition (the stored key format). */
export function aggregateKeyOf(place: AggregatePlace): string {
  if (place.dimension === 'essaime') return `${essaimeKeyPrefix(place.dimensionValue)}STAGE#${place.stageId}`;
  if (place.dimension === 'programme') return `${programmeKeyPrefix}${place.stageId}#PROGRAMME`;
  return `${programmeKeyPrefix}${place.stageId}#${place.dimension.toUpperCase()}#${place.dimensionValue}`;
}

/** The aggregate items an accepted report counts in. */
export function aggregatePlaces(report: Pick<Report, 'stageId' | 'essaimeId' | 'dimensions'>): AggregatePlace[] {
  const { stageId, dimensions } = report;
  return [
    { stageId, dimension: 'programme', dimensionValue: 'programme' },
    { stageId, dimension: 'hypothesis', dimensionValue: dimensions.hypothesis },
    { stageId, dimension: 'region', dimensionValue: dimensions.region },
    { stageId, dimension: 'setting', dimensionValue: dimensions.setting },
    { stageId, dimension: 'essaime', dimensionValue: report.essaimeId },
  ];
}

/** The sort keys of the aggregate items an accepted report counts in. */
export const aggregateSortKeys = (report: Pick<Report, 'stageId' | 'essaimeId' | 'dimensions'>): string[] => aggregatePlaces(report).map(aggregateKeyOf);

/** What one accepted report adds (sign 1) or takes back (sign −1) on each of its aggregate items. */
export function contributionOf(report: RatioSource, sign: 1 | -1 = 1): Figures {
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
    derived: Object.fromEntries(Object.entries(derivedOf(report)).map(([k, v]) => [k, sign * v])),
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
    derived: sum(a.derived, b.derived),
  };
}

/** The reference computation the pre-computed aggregates must always equal: a fold over the accepted reports. */
export function recomputeAggregates(accepted: (Pick<Report, 'stageId' | 'essaimeId' | 'dimensions' | 'indicators'> & { period?: Report['period'] })[]): Map<string, Figures> {
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
    derived: clean(f.derived),
  };
}
