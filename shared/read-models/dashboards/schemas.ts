import { z } from 'zod';
import { territorySchema } from '../../essaimes/schemas';
import { stageSchema } from '../../evaluation/schemas';
import { hypothesisSchema } from '../../seasons/schemas';
import { comparedIndicators, comparisonStatuses } from './rules';

/** What the dashboards answer: figures of accepted reports stage by stage, next to the A.CO.R. reference. */

export const referenceSchema = z.object({
  returnToJobRate: z.number(),
  durableShare: z.number(),
  monthsToFirstContract: z.number(),
  teamGoalRate: z.number(),
});

export const ratesSchema = z.object({
  returnToJobRate: z.number().nullable(),
  durableShare: z.number().nullable(),
  meanDelayDays: z.number().nullable(),
  meanDelayMonths: z.number().nullable(),
});

export const comparisonSchema = z.object({
  indicator: z.enum(comparedIndicators),
  label: z.string(),
  value: z.number().nullable(),
  reference: z.number(),
  gap: z.number().nullable(),
  status: z.enum(comparisonStatuses),
});
export type ComparisonView = z.infer<typeof comparisonSchema>;

/** The figures of a set of accepted reports: totals (zeros left out), rates and the comparison. */
export const figuresViewSchema = z.object({
  acceptedReports: z.number().int(),
  totals: z.record(z.string(), z.number()),
  rates: ratesSchema,
  comparison: z.array(comparisonSchema),
});
export type FiguresView = z.infer<typeof figuresViewSchema>;

export const stageHeadSchema = stageSchema.pick({ stageId: true, kind: true, order: true, name: true, opensOn: true, dueOn: true });

export const essaimeDashboardSchema = z.object({
  essaimeId: z.string(),
  seasonId: z.string(),
  structureName: z.string(),
  territory: territorySchema,
  hypothesis: hypothesisSchema,
  reference: referenceSchema,
  stages: z.array(stageHeadSchema.extend({ accepted: z.boolean(), figures: figuresViewSchema })),
});
export type EssaimeDashboard = z.infer<typeof essaimeDashboardSchema>;

export const breakdownSchema = z.object({ key: z.string(), label: z.string(), figures: figuresViewSchema });
export type Breakdown = z.infer<typeof breakdownSchema>;

/** Share of reports per tenth of return-to-job rate: how the essaimés spread around the reference. */
export const rateDistributionSchema = z.object({
  buckets: z.array(z.object({ bucket: z.string(), from: z.number(), to: z.number(), reports: z.number().int() })),
  noneSupported: z.number().int(),
});

export const programmeStageSchema = stageHeadSchema.extend({
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
