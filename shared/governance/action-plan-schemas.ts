import * as z from 'zod/mini';
import { idSchema } from '../ids';
import { version } from '../numbers';
import { axisSchema } from '../programme/axes';
import { hypothesisSchema, isoDate } from '../seasons/schemas';
import { indicatorSchema, steeringBodySchema } from './schemas';

/**
 * An essaimé's yearly action plan and the season's governance status. From the AFPA partnership agreements
 * (seeds/afpa-tarn-et-garonne-accord.txt, article 3): the follow-up is entrusted to two named referents, one
 * per party; an operational action plan is drawn up each year; the steering committee meets at least once a
 * year and its first meeting validates the action plan and the result indicators.
 */
export const planReferentSchema = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)),
    position: z.string().check(z.trim(), z.minLength(2), z.maxLength(200), z.describe('Their position, e.g. "Directrice générale"')),
    organisation: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    userId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{3,100}$/))).check(z.describe('When the referent has an account: lets their data be exported and erased')),
  });
export type PlanReferent = z.infer<typeof planReferentSchema>;

export const planActionSchema = z.strictObject({
    objective: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)),
    actions: z.string().check(z.trim(), z.minLength(3), z.maxLength(2000), z.describe('What each party does')),
    indicators: z.string().check(z.trim(), z.minLength(3), z.maxLength(1000), z.describe('How the objective is measured')),
    axis: z.optional(axisSchema).check(z.describe('The axis of the method it relates to')),
  });
export type PlanAction = z.infer<typeof planActionSchema>;

export const actionPlanReferentsSchema = z.strictObject({
    structure: planReferentSchema.check(z.describe("The essaimé's referent (its director general, or a delegate)")),
    programme: planReferentSchema.check(z.describe('The referent for the programme (Ansa or A.CO.R.)')),
  });

export const putActionPlanBody = z.strictObject({
    expectedVersion: version(0).check(z.describe('0 to create the plan of this year, then the version read')),
    referents: actionPlanReferentsSchema,
    actions: z.array(planActionSchema).check(z.minLength(1), z.maxLength(30)),
  });

export const actionPlanStatusSchema = z.enum(['draft', 'validated']).check(z.describe('validated by a steering meeting; a revision makes it a draft again'));
export type ActionPlanStatus = z.infer<typeof actionPlanStatusSchema>;

export const actionPlanSchema = z.object({
  essaimeId: idSchema('essaime'),
  seasonId: idSchema('season'),
  structureId: z.string(),
  structureName: z.string(),
  year: z.int(),
  referents: z.object({ structure: planReferentSchema, programme: planReferentSchema }),
  actions: z.array(planActionSchema),
  status: actionPlanStatusSchema,
  validation: z.nullable(z.object({ meetingId: z.string(), date: isoDate })).check(z.describe('The meeting that validated this version')),
  updatedAt: z.string(),
  version: z.int(),
});
export type ActionPlan = z.infer<typeof actionPlanSchema>;

export const actionPlanParams = z.strictObject({ essaimeId: idSchema('essaime'), year: z.coerce.number().check(z.int(), z.gte(2015), z.lte(2100)) });

/** The season's governance decisions in force, as stored (written in the meeting's transaction). */
export const seasonGovernanceSchema = z.object({
  seasonId: z.string(),
  hypotheses: z.nullable(z.object({ hypotheses: z.array(hypothesisSchema), meetingId: z.string(), date: isoDate })),
  indicators: z.nullable(z.object({ indicators: z.array(indicatorSchema), meetingId: z.string(), date: isoDate })),
  version: z.int(),
});
export type SeasonGovernance = z.infer<typeof seasonGovernanceSchema>;

export const committeeStateSchema = z.enum(['on-time', 'due', 'late']).check(z.describe('on-time; due: the yearly meeting falls due within 60 days; late: more than a year without a meeting'));
export type CommitteeState = z.infer<typeof committeeStateSchema>;

export const committeeStatusSchema = z.object({
  body: steeringBodySchema,
  lastMeetingOn: z.nullable(isoDate),
  dueBy: isoDate.check(z.describe('A year after the last meeting, or after the start of the season when none')),
  state: committeeStateSchema,
  meetings: z.int(),
});
export type CommitteeStatus = z.infer<typeof committeeStatusSchema>;

/** The governance page of a season: committees due or late, decisions in force, this year's action plans. */
export const seasonGovernanceViewSchema = z.object({
  seasonId: idSchema('season'),
  today: isoDate,
  committees: z.array(committeeStatusSchema),
  hypotheses: seasonGovernanceSchema.shape.hypotheses,
  indicators: seasonGovernanceSchema.shape.indicators,
  seasonHypotheses: z.array(hypothesisSchema),
  year: z.int().check(z.describe('The year of the action plans listed')),
  actionPlans: z.array(
    z.object({
      essaimeId: z.string(),
      structureName: z.string(),
      status: z.enum(['missing', 'draft', 'validated']),
      version: z.nullable(z.int()),
    }),
  ),
});
export type SeasonGovernanceView = z.infer<typeof seasonGovernanceViewSchema>;
