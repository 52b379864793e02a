import { describe, expect, it } from 'vitest';
import { addFigures, aggregateSortKeys, contributionOf, emptyFigures, normaliseFigures, rateBucket, recomputeAggregates } from '../../shared/evaluation/aggregate-rules';
import { acorReference, compareWithReference, DAYS_PER_MONTH, ratesOf } from '../../shared/read-models/dashboards/rules';

const figures = (totals: Record<string, number>, delaySum = 0, delayWeight = 0) => ({ totals, delaySum, delayWeight });

describe('rates', () => {
  it('return-to-job rate = back in a job / people supported; durable share = durable / back in a job', () => {
    const rates = ratesOf(figures({ activeFile: 12_127, backInJob: 8_433, durableJob: 3_285 }));
    expect(rates.returnToJobRate).toBeCloseTo(0.6954, 4);
    expect(rates.durableShare).toBeCloseTo(0.3895, 4);
  });
  it('has no rate when nobody is supported or back in a job', () => {
    expect(ratesOf(figures({ activeFile: 0, backInJob: 0, durableJob: 0 }))).toEqual({ returnToJobRate: null, durableShare: null, meanDelayDays: null, meanDelayMonths: null });
    expect(ratesOf(figures({})).returnToJobRate).toBeNull();
  });
  it('weights the mean delay by people back in a job, and converts it to months', () => {
    // 10 people at 90 days and 30 at 130 days: (900 + 3900) / 40 = 120 days
    const rates = ratesOf(figures({}, 10 * 90 + 30 * 130, 40));
    expect(rates.meanDelayDays).toBe(120);
    expect(rates.meanDelayMonths).toBeCloseTo(120 / DAYS_PER_MONTH, 10);
    expect(3.5 * DAYS_PER_MONTH).toBeCloseTo(106.53, 2);
  });
});

describe('comparison with the A.CO.R. reference', () => {
  const noRatios = { peoplePerCre: null, contactsPerCrePerMonth: null, costPerPersonPerYear: null, twelveMonthReturnRate: null };
  const byIndicator = (rates: Parameters<typeof compareWithReference>[0], ratios: Parameters<typeof compareWithReference>[1] = noRatios) =>
    Object.fromEntries(compareWithReference(rates, ratios).map((c) => [c.indicator, c]));

  it('holds the study figures', () => {
    expect(acorReference).toEqual({ returnToJobRate: 0.7, durableShare: 0.39, monthsToFirstContract: 3.5, teamGoalRate: 0.6 });
  });

  it('meets the reference when equal, is below under it; lower is better for the delay', () => {
    const at = byIndicator(
      { returnToJobRate: 0.7, durableShare: 0.39, meanDelayDays: 3.5 * DAYS_PER_MONTH, meanDelayMonths: 3.5 },
      { peoplePerCre: 65, contactsPerCrePerMonth: 90, costPerPersonPerYear: 1900, twelveMonthReturnRate: 0.6 },
    );
    expect(Object.values(at).map((c) => c.status)).toEqual(['at-or-above', 'at-or-above', 'at-or-above', 'at-or-above', 'at-or-above', 'at-or-above', 'within-range', 'at-or-above', 'at-or-above']);
    // Every compared figure says where it comes from.
    for (const c of Object.values(at)) expect(c.source).toMatch(/p\. \d/);
    const worse = byIndicator({ returnToJobRate: 0.5, durableShare: 0.2, meanDelayDays: 150, meanDelayMonths: 150 / DAYS_PER_MONTH });
    expect(worse.returnToJobRate).toMatchObject({ status: 'below', reference: 0.7 });
    expect(worse.returnToJobRate!.gap).toBeCloseTo(-0.2, 10);
    expect(worse.durableShare).toMatchObject({ status: 'below' });
    expect(worse.monthsToFirstContract!.status).toBe('below');
    expect(worse.monthsToFirstContract!.gap).toBeGreaterThan(1); // slower than A.CO.R. by more than a month
    const faster = byIndicator({ returnToJobRate: 0.8, durableShare: 0.5, meanDelayDays: 60, meanDelayMonths: 60 / DAYS_PER_MONTH });
    expect(faster.monthsToFirstContract!.status).toBe('at-or-above');
  });

  it('checks the 60% team goal apart from the 70% reference, on the first twelve months only', () => {
    const c = byIndicator({ returnToJobRate: 0.65, durableShare: null, meanDelayDays: null, meanDelayMonths: null }, { ...noRatios, twelveMonthReturnRate: 0.65 });
    expect(c.returnToJobRate!.status).toBe('below');
    expect(c.teamGoalRate).toMatchObject({ status: 'at-or-above', reference: 0.6, value: 0.65 });
    // Without a report covering a structure's first twelve months, the goal is not measured on another period.
    expect(byIndicator({ returnToJobRate: 0.65, durableShare: null, meanDelayDays: null, meanDelayMonths: null }).teamGoalRate).toMatchObject({ status: 'no-data', value: null });
    const crowded = byIndicator({ returnToJobRate: null, durableShare: null, meanDelayDays: null, meanDelayMonths: null }, { ...noRatios, peoplePerCre: 75, costPerPersonPerYear: 2500 });
    expect(crowded.peoplePerCre!.status).toBe('above-range');
    expect(crowded.costPerPersonPerYear!.status).toBe('below');
    expect(c.durableShare).toMatchObject({ status: 'no-data', value: null, gap: null });
    expect(c.monthsToFirstContract!.status).toBe('no-data');
  });
});

describe('aggregates', () => {
  type Dims = { hypothesis: 'A' | 'B'; region: string; setting: 'urban' | 'rural' | 'semi-rural' };
  const report = (essaimeId: string, indicators: Record<string, number>, dims: Dims = { hypothesis: 'A', region: 'Bretagne', setting: 'rural' }) => ({
    stageId: 'stg_1',
    essaimeId,
    dimensions: dims,
    indicators,
  });

  it('puts the rate in tenths; 100% with 90–100%', () => {
    expect([0, 0.05, 0.1, 0.3, 0.6999, 0.7, 0.99, 1].map(rateBucket)).toEqual(['0', '0', '1', '3', '6', '7', '9', '9']);
    expect(rateBucket(null)).toBe('na');
  });

  it('counts a report in the programme, its hypothesis, région, setting and essaimé', () => {
    expect(aggregateSortKeys(report('ess_a', {}))).toEqual([
      'STAGE#stg_1#PROGRAMME',
      'STAGE#stg_1#HYPOTHESIS#A',
      'STAGE#stg_1#REGION#Bretagne',
      'STAGE#stg_1#SETTING#rural',
      'ESSAIME#ess_a#STAGE#stg_1',
    ]);
  });

  it('sums figures, weights the delay, and never sums the mean delay itself', () => {
    const c = contributionOf({ indicators: { activeFile: 40, backInJob: 10, durableJob: 4, meanDelayDays: 100, creFte: 1.5 } });
    // Without a period, only people per CRE can be derived.
    expect(c).toEqual({ acceptedReports: 1, totals: { activeFile: 40, backInJob: 10, durableJob: 4, creFte: 1.5 }, delaySum: 1000, delayWeight: 10, rateBuckets: { '2': 1 }, derived: { crePeople: 40, creFteForPeople: 1.5 } });
    expect(contributionOf({ indicators: { activeFile: 0, meanDelayDays: 50 } })).toMatchObject({ delaySum: 0, delayWeight: 0, rateBuckets: { na: 1 } });
  });

  it('takes back exactly what it added', () => {
    const r = { indicators: { activeFile: 33, backInJob: 7, durableJob: 2, meanDelayDays: 95.5, creFte: 0.8 } };
    expect(normaliseFigures(addFigures(contributionOf(r, 1), contributionOf(r, -1)))).toEqual(normaliseFigures(emptyFigures()));
  });

  it('recomputes the aggregates of a set of reports', () => {
    const map = recomputeAggregates([
      report('ess_a', { activeFile: 40, backInJob: 30 }),
      report('ess_b', { activeFile: 60, backInJob: 40 }, { hypothesis: 'B', region: 'Bretagne', setting: 'urban' }),
    ]);
    const programme = map.get('STAGE#stg_1#PROGRAMME')!;
    expect(programme.acceptedReports).toBe(2);
    expect(ratesOf(programme).returnToJobRate).toBe(0.7);
    expect(programme.rateBuckets).toEqual({ '7': 1, '6': 1 });
    expect(map.get('STAGE#stg_1#REGION#Bretagne')!.acceptedReports).toBe(2);
    expect(map.get('STAGE#stg_1#HYPOTHESIS#B')!.totals).toEqual({ activeFile: 60, backInJob: 40 });
    expect(map.get('ESSAIME#ess_a#STAGE#stg_1')!.totals).toEqual({ activeFile: 40, backInJob: 30 });
  });
});
