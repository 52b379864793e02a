import * as z from 'zod';
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
export const planReferentSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    position: z.string().trim().min(2).max(200).describe('Their position, e.g. "Directrice générale"'),
    organisation: z.string().trim().min(2).max(200),
    userId: z.string().regex(/^[A-Za-z0-9_-]{3,100}$/).optional().describe('When the referent has an account: lets their data be exported and erased'),
  })
  .strict();
export type PlanReferent = z.infer<typeof planReferentSchema>;

export const planActionSchema = z
  .object({
    objective: z.string().trim().min(3).max(300),
    actions: z.string().trim().min(3).max(2000).describe('What each party does'),
    indicators: z.string().trim().min(3).max(1000).describe('How the objective is measured'),
    axis: axisSchema.optional().describe('The axis of the method it relates to'),
  })
  .strict();
export type PlanAction = z.infer<typeof planActionSchema>;

export const actionPlanReferentsSchema = z
  .object({
    structure: planReferentSchema.describe("The essaimé's referent (its director general, or a delegate)"),
    programme: planReferentSchema.describe('The referent for the programme (Ansa or A.CO.R.)'),
  })
  .strict();

export const putActionPlanBody = z
  .object({
    expectedVersion: version(0).describe('0 to create the plan of this year, then the version read'),
    referents: actionPlanReferentsSchema,
    actions: z.array(planActionSchema).min(1).max(30),
  })
  .strict();

export const actionPlanStatusSchema = z.enum(['draft', 'validated']).describe('validated by a steering meeting; a revision makes it a draft again');
export type ActionPlanStatus = z.infer<typeof actionPlanStatusSchema>;

export const actionPlanSchema = z.object({
  essaimeId: idSchema('essaime'),
  seasonId: idSchema('season'),
  structureId: z.string(),
  structureName: z.string(),
  year: z.number().int(),
  referents: z.object({ structure: planReferentSchema, programme: planReferentSchema }),
  actions: z.array(planActionSchema),
  status: actionPlanStatusSchema,
  validation: z.object({ meetingId: z.string(), date: isoDate }).nullable().describe('The meeting that validated this version'),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ActionPlan = z.infer<typeof actionPlanSchema>;

export const actionPlanParams = z.object({ essaimeId: idSchema('essaime'), year: z.coerce.number().int().min(2015).max(2100) }).strict();

/** The season's governance decisions in force, as stored (written in the meeting's transaction). */
export const seasonGovernanceSchema = z.object({
  seasonId: z.string(),
  hypotheses: z.object({ hypotheses: z.array(hypothesisSchema), meetingId: z.string(), date: isoDate }).nullable(),
  indicators: z.object({ indicators: z.array(indicatorSchema), meetingId: z.string(), date: isoDate }).nullable(),
  version: z.number().int(),
});
export type SeasonGovernance = z.infer<typeof seasonGovernanceSchema>;

export const committeeStateSchema = z
  .enum(['on-time', 'due', 'late'])
  .describe('on-time; due: the yearly meeting falls due within 60 days; late: more than a year without a meeting');
export type CommitteeState = z.infer<typeof committeeStateSchema>;

export const committeeStatusSchema = z.object({
  body: steeringBodySchema,
  lastMeetingOn: isoDate.nullable(),
  dueBy: isoDate.describe('A year after the last meeting, or after the start of the season when none'),
  state: committeeStateSchema,
  meetings: z.number().int(),
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
  year: z.number().int().describe('The year of the action plans listed'),
  actionPlans: z.array(
    z.object({
      essaimeId: z.string(),
      structureName: z.string(),
      status: z.enum(['missing', 'draft', 'validated']),
      version: z.number().int().nullable(),
    }),
  ),
});
export type SeasonGovernanceView = z.infer<typeof seasonGovernanceViewSchema>;
