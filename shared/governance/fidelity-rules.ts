import { principles } from '../programme/axes';
import { type FidelityAssessment, type FidelityLevel, fidelityLevels, type PrincipleTrend, type Trend } from './fidelity-schemas';

/** Assessments in the order they describe the essaimé: by the day observed, then by when they were written. */
export function historyOrder(assessments: readonly FidelityAssessment[]): FidelityAssessment[] {
  return [...assessments].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.assessedAt.localeCompare(b.assessedAt));
}

export function trendBetween(previous: FidelityLevel | null, latest: FidelityLevel | null): Trend {
  if (latest === null) return 'none';
  if (previous === null) return 'single';
  const delta = fidelityLevels.indexOf(latest) - fidelityLevels.indexOf(previous);
  return delta > 0 ? 'improving' : delta < 0 ? 'declining' : 'stable';
}

/** For each principle: its levels over time and where the latest stands against the one before. */
export function trendPerPrinciple(assessments: readonly FidelityAssessment[]): PrincipleTrend[] {
  const ordered = historyOrder(assessments);
  return principles.map((principle) => {
    const series = ordered.flatMap((a) => {
      const found = a.principles.find((p) => p.principle === principle);
      return found ? [{ assessedOn: a.assessedOn, level: found.level, kind: a.kind }] : [];
    });
    const latest = series.at(-1)?.level ?? null;
    const previous = series.at(-2)?.level ?? null;
    return { principle, latest, previous, trend: trendBetween(previous, latest), series };
  });
}

/** The lowest latest level over the four principles: a one-word summary of where the essaimé stands. */
export function overallLevel(assessments: readonly FidelityAssessment[]): FidelityLevel | null {
  const latest = historyOrder(assessments).at(-1);
  if (!latest) return null;
  return latest.principles.reduce<FidelityLevel>((low, p) => (fidelityLevels.indexOf(p.level) < fidelityLevels.indexOf(low) ? p.level : low), 'faithful');
}
