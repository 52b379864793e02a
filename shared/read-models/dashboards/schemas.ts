import * as z from 'zod/mini';
import { territorySchema } from '../../essaimes/schemas';
import { stageSchema } from '../../evaluation/schemas';
import { hypothesisSchema } from '../../seasons/schemas';
import { comparedIndicators, comparisonStatuses } from './rules';

/** What the dashboards answer: figures of accepted reports stage by stage, next to the A.CO.R. reference. */

/** One figure of the study's reference, with where it comes from (shared/evaluation/reference.ts). */
export const referenceFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  high: z.nullable(z.number()),
  unit: z.string(),
  period: z.string(),
  source: z.string(),
  display: z.string().check(z.describe('The value as people read it, in French')),
});
export const referenceSchema = z.array(referenceFigureSchema);

export const perCreRatiosSchema = z.object({
  peoplePerCre: z.nullable(z.number()),
  contactsPerCrePerMonth: z.nullable(z.number()),
  costPerPersonPerYear: z.nullable(z.number()),
  twelveMonthReturnRate: z.nullable(z.number()),
});

export const ratesSchema = z.object({
  returnToJobRate: z.nullable(z.number()),
  durableShare: z.nullable(z.number()),
  meanDelayDays: z.nullable(z.number()),
  meanDelayMonths: z.nullable(z.number()),
});

export const comparisonSchema = z.object({
  indicator: z.enum(comparedIndicators),
  label: z.string(),
  value: z.nullable(z.number()),
  reference: z.number(),
  referenceHigh: z.nullable(z.number()),
  gap: z.nullable(z.number()),
  status: z.enum(comparisonStatuses),
  referencePeriod: z.string(),
  source: z.string(),
  note: z.nullable(z.string()),
});
export type ComparisonView = z.infer<typeof comparisonSchema>;

/** The figures of a set of accepted reports: totals (zeros left out), rates and the comparison. */
export const figuresViewSchema = z.object({
  acceptedReports: z.int(),
  totals: z.record(z.string(), z.number()),
  rates: ratesSchema,
  ratios: perCreRatiosSchema,
  comparison: z.array(comparisonSchema),
});
export type FiguresView = z.infer<typeof figuresViewSchema>;

export const stageHeadSchema = z.pick(stageSchema, { stageId: true, kind: true, order: true, name: true, opensOn: true, dueOn: true });

export const essaimeDashboardSchema = z.object({
  essaimeId: z.string(),
  seasonId: z.string(),
  structureName: z.string(),
  territory: territorySchema,
  hypothesis: hypothesisSchema,
  reference: referenceSchema,
  stages: z.array(z.extend(stageHeadSchema, { accepted: z.boolean(), figures: figuresViewSchema })),
});
export type EssaimeDashboard = z.infer<typeof essaimeDashboardSchema>;

export const breakdownSchema = z.object({ key: z.string(), label: z.string(), figures: figuresViewSchema });
export type Breakdown = z.infer<typeof breakdownSchema>;

/** Share of reports per tenth of return-to-job rate: how the essaimés spread around the reference. */
export const rateDistributionSchema = z.object({
  buckets: z.array(z.object({ bucket: z.string(), from: z.number(), to: z.number(), reports: z.int() })),
  noneSupported: z.int(),
});

export const programmeStageSchema = z.extend(stageHeadSchema, {
  programme: figuresViewSchema,
  rateDistribution: rateDistributionSchema,
  byHypothesis: z.array(breakdownSchema),
  byRegion: z.array(breakdownSchema),
  bySetting: z.array(breakdownSchema),
});

export const programmeDashboardSchema = z.object({
  seasonId: z.string(),
  seasonName: z.string(),
  reference: referenceSchema,
  stages: z.array(programmeStageSchema),
});
export type ProgrammeDashboard = z.infer<typeof programmeDashboardSchema>;
