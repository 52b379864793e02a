import { addDays } from '../calendar';
import type { Period } from './schemas';

/**
 * Per-CRE ratios and the team goal over twelve months, pure. Each accepted report adds "derived" sums to
 * the pre-computed aggregates (numerator and denominator over the same reports), so the dashboards turn
 * them into ratios without reading any report, and a recomputation from the accepted reports equals them.
 */

/** Days in a mean month (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;

/** Months covered by a period, both ends included. */
export function monthsOf(period: Period): number {
  const days = (Date.parse(`${period.end}T00:00:00Z`) - Date.parse(`${period.start}T00:00:00Z`)) / 86_400_000 + 1;
  return days / DAYS_PER_MONTH;
}

/** The first twelve months from the structure's start: [start, start + 12 months − 1 day]. */
export function twelveMonthWindow(startedOn: string): { start: string; end: string } {
  const [y, m, d] = startedOn.split('-').map(Number) as [number, number, number];
  const sameDayNextYear = `${y + 1}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`;
  return { start: startedOn, end: addDays(sameDayNextYear, -1) };
}

/**
 * A report measures the team goal ("60% back in a job within a year") when its period is the structure's
 * first twelve months: it starts within a month of the structure's start and lasts eleven to thirteen
 * months (reporting periods follow calendar months).
 */
export function coversFirstTwelveMonths(period: Period | null | undefined, startedOn: string | null | undefined): boolean {
  if (!period || !startedOn) return false;
  const startGapMonths = Math.abs(monthsOf({ start: startedOn, end: period.start }) - 1 / DAYS_PER_MONTH);
  const length = monthsOf(period);
  return startGapMonths <= 1 && length >= 11 && length <= 13;
}

export interface RatioSource {
  indicators: Record<string, number>;
  period?: Period | null;
  dimensions?: { startedOn?: string | null } | null;
}

/**
 * What one report adds to the derived sums:
 * - crePeople / creFteForPeople: people supported and CRE FTE, over reports giving both (FTE > 0);
 * - creContacts / creMonths: companies contacted and FTE × months, over reports giving both and a period;
 * - budgetPerYear / budgetedPeople: budget brought to a year and people supported, over reports giving a budget;
 * - goalBackInJob / goalActiveFile: over reports covering the structure's first twelve months.
 */
export function derivedOf(report: RatioSource): Record<string, number> {
  const { activeFile, creFte, companiesContacted, budgetEuros, backInJob } = report.indicators;
  const out: Record<string, number> = {};
  const hasFte = creFte !== undefined && creFte > 0;
  if (hasFte && activeFile !== undefined) {
    out.crePeople = activeFile;
    out.creFteForPeople = creFte;
  }
  if (hasFte && companiesContacted !== undefined && report.period) {
    out.creContacts = companiesContacted;
    out.creMonths = creFte * monthsOf(report.period);
  }
  if (budgetEuros !== undefined && activeFile !== undefined && activeFile > 0 && report.period) {
    out.budgetPerYear = (budgetEuros * 12) / monthsOf(report.period);
    out.budgetedPeople = activeFile;
  }
  if (activeFile !== undefined && backInJob !== undefined && coversFirstTwelveMonths(report.period, report.dimensions?.startedOn)) {
    out.goalBackInJob = backInJob;
    out.goalActiveFile = activeFile;
  }
  return out;
}

const over = (part: number | undefined, whole: number | undefined) => (part === undefined || whole === undefined || whole <= 1e-9 ? null : part / whole);

export interface PerCreRatios {
  peoplePerCre: number | null;
  contactsPerCrePerMonth: number | null;
  costPerPersonPerYear: number | null;
  /** Back in a job / people supported, over reports of the structures' first twelve months. */
  twelveMonthReturnRate: number | null;
}

export function ratiosOf(derived: Record<string, number>): PerCreRatios {
  return {
    peoplePerCre: over(derived.crePeople, derived.creFteForPeople),
    contactsPerCrePerMonth: over(derived.creContacts, derived.creMonths),
    costPerPersonPerYear: over(derived.budgetPerYear, derived.budgetedPeople),
    twelveMonthReturnRate: over(derived.goalBackInJob, derived.goalActiveFile),
  };
}
