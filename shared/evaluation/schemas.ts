import * as z from 'zod';
import { idSchema } from '../ids';
import { settingSchema } from '../programme/axes';
import { hypothesisSchema, isoDate } from '../seasons/schemas';
import { figure, version } from '../numbers';

/**
 * Staged evaluation: the stages of a season, their versioned report templates, the reports of each essaimé
 * and the intermediate stage's questionnaire answers. Reports carry aggregated figures only: no field names
 * a job seeker.
 */
export const stageIdSchema = idSchema('stage');
export const essaimeIdSchema = idSchema('essaime');

export const stageKinds = ['first-return', 'intermediate', 'final'] as const;
export const stageKindSchema = z.enum(stageKinds);
export type StageKind = z.infer<typeof stageKindSchema>;

/** The key of an indicator or a question: camelCase or kebab-case, usable in a field path. */
export const fieldKeySchema = z.string().regex(/^[a-z][a-zA-Z0-9-]{1,59}$/, 'A key such as backInJob or obstacles');

/** count: whole people or events; fte: full-time equivalents (two decimals); days: the mean delay only; euros: the budget. */
export const indicatorUnitSchema = z.enum(['count', 'fte', 'days', 'euros']);
export type IndicatorUnit = z.infer<typeof indicatorUnitSchema>;

export const indicatorDefSchema = z
  .object({
    key: fieldKeySchema,
    label: z.string().trim().min(2).max(200),
    unit: indicatorUnitSchema,
    required: z.boolean(),
    help: z.string().trim().max(500).optional(),
  })
  .strict();
export type IndicatorDef = z.infer<typeof indicatorDefSchema>;

export const questionDefSchema = z
  .object({
    key: fieldKeySchema,
    label: z.string().trim().min(2).max(500),
    required: z.boolean(),
  })
  .strict();
export type QuestionDef = z.infer<typeof questionDefSchema>;

export const questionnaireQuestionSchema = z
  .object({
    key: fieldKeySchema,
    label: z.string().trim().min(2).max(500),
    kind: z.enum(['scale', 'text']).describe('scale: 1 (pas du tout) to 4 (tout à fait)'),
  })
  .strict();
export type QuestionnaireQuestion = z.infer<typeof questionnaireQuestionSchema>;

export const respondentRoleSchema = z.enum(['director', 'professional']);
export type RespondentRole = z.infer<typeof respondentRoleSchema>;

/** What a template holds, as staff edit it. */
export const templateContentSchema = z
  .object({
    indicators: z.array(indicatorDefSchema).min(1).max(40),
    questions: z.array(questionDefSchema).max(30),
    /** The intermediate stage's questionnaire to directors and professionals; null when the stage has none. */
    questionnaire: z.object({ questions: z.array(questionnaireQuestionSchema).min(1).max(30) }).strict().nullable(),
  })
  .strict();
export type TemplateContent = z.infer<typeof templateContentSchema>;

export const templateSchema = templateContentSchema.extend({
  stageId: stageIdSchema,
  templateVersion: z.number().int().min(1),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Template = z.infer<typeof templateSchema>;

export const stageSchema = z.object({
  stageId: stageIdSchema,
  seasonId: idSchema('season'),
  kind: stageKindSchema,
  order: z.number().int().min(1).max(9),
  name: z.string(),
  opensOn: isoDate,
  dueOn: isoDate,
  templateVersion: z.number().int().min(1),
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Stage = z.infer<typeof stageSchema>;

const stageDates = z.object({ opensOn: isoDate, dueOn: isoDate }).strict();

export const createStageBody = z
  .object({
    kind: stageKindSchema,
    order: z.number().int().min(1).max(9),
    name: z.string().trim().min(3).max(200).optional(),
    opensOn: isoDate,
    dueOn: isoDate,
  })
  .strict();

export const createDefaultStagesBody = z
  .object({
    firstReturn: stageDates,
    intermediate: stageDates,
    final: stageDates,
  })
  .strict();

export const updateStageBody = z
  .object({
    expectedVersion: version(),
    name: z.string().trim().min(3).max(200).optional(),
    opensOn: isoDate.optional(),
    dueOn: isoDate.optional(),
  })
  .strict();

export const updateTemplateBody = templateContentSchema.extend({ expectedVersion: version() }).strict();

export const reportStatuses = ['draft', 'submitted', 'changes-requested', 'accepted'] as const;
export const reportStatusSchema = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const periodSchema = z.object({ start: isoDate, end: isoDate }).strict();
export type Period = z.infer<typeof periodSchema>;

/** A storable figure: the consistency rules (not the shape check) say what is wrong with it (sign, unit), as 422. */
export const indicatorValuesSchema = z.record(fieldKeySchema, figure(1_000_000));
export const answersSchema = z.record(fieldKeySchema, z.string().max(8000));

export const reviewCommentSchema = z
  .object({
    path: z.string().max(120).optional().describe('The field the comment is about, e.g. indicators.backInJob'),
    comment: z.string().trim().min(2).max(4000),
  })
  .strict();

export const reviewSchema = z.object({
  at: z.string(),
  by: z.string(),
  action: z.enum(['changes-requested', 'accepted', 'reopened']),
  comments: z.array(reviewCommentSchema),
});
export type Review = z.infer<typeof reviewSchema>;

/** Where an accepted report was counted in the aggregates (kept so a reversal hits exactly the same items). */
export const reportDimensionsSchema = z.object({
  hypothesis: hypothesisSchema,
  region: z.string(),
  setting: settingSchema,
  /** The structure's start (earliest period it reported on): the twelve-month team goal counts from it. */
  startedOn: isoDate.nullable().optional(),
});
export type ReportDimensions = z.infer<typeof reportDimensionsSchema>;

export const reportSchema = z.object({
  reportId: idSchema('report'),
  stageId: stageIdSchema,
  seasonId: idSchema('season'),
  essaimeId: essaimeIdSchema,
  structureId: z.string(),
  structureName: z.string(),
  templateVersion: z.number().int(),
  status: reportStatusSchema,
  period: periodSchema.nullable(),
  indicators: z.record(z.string(), z.number()),
  answers: z.record(z.string(), z.string()),
  dimensions: reportDimensionsSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedLate: z.boolean(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  reviews: z.array(reviewSchema),
});
export type Report = z.infer<typeof reportSchema>;

export const saveReportBody = z
  .object({
    expectedVersion: version(0).describe('0 to create the draft, then the version last read'),
    period: periodSchema.nullable().optional(),
    indicators: indicatorValuesSchema.optional(),
    answers: answersSchema.optional(),
  })
  .strict();

export const versionBody = z.object({ expectedVersion: version() }).strict();

export const requestChangesBody = z
  .object({
    expectedVersion: version(),
    comments: z.array(reviewCommentSchema).min(1).max(50),
  })
  .strict();

export const reopenBody = z
  .object({
    expectedVersion: version(),
    reason: z.string().trim().min(5).max(4000),
  })
  .strict();

export const questionnaireResponseSchema = z.object({
  responseId: idSchema('questionnaire'),
  stageId: stageIdSchema,
  essaimeId: essaimeIdSchema,
  structureId: z.string(),
  respondentRole: respondentRoleSchema,
  /** A job title, never a name: answers are anonymous. */
  respondentFunction: z.string().nullable(),
  answers: z.record(z.string(), z.union([z.number(), z.string()])),
  templateVersion: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type QuestionnaireResponse = z.infer<typeof questionnaireResponseSchema>;

export const addQuestionnaireBody = z
  .object({
    respondentRole: respondentRoleSchema,
    respondentFunction: z.string().trim().min(2).max(120).optional(),
    answers: z.record(fieldKeySchema, z.union([figure(1_000_000), z.string().max(8000)])),
  })
  .strict();

/** Where one essaimé stands on one stage. */
export const completionStatusSchema = z.enum(['accepted', 'submitted', 'late', 'missing']);
export type CompletionStatus = z.infer<typeof completionStatusSchema>;
