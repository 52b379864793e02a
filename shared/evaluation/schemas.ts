import * as z from 'zod/mini';
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
export const fieldKeySchema = z.string().check(z.regex(/^[a-z][a-zA-Z0-9-]{1,59}$/, 'A key such as backInJob or obstacles'));

/** count: whole people or events; fte: full-time equivalents (two decimals); days: the mean delay only; euros: the budget. */
export const indicatorUnitSchema = z.enum(['count', 'fte', 'days', 'euros']);
export type IndicatorUnit = z.infer<typeof indicatorUnitSchema>;

export const indicatorDefSchema = z.strictObject({
    key: fieldKeySchema,
    label: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    unit: indicatorUnitSchema,
    required: z.boolean(),
    help: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  });
export type IndicatorDef = z.infer<typeof indicatorDefSchema>;

export const questionDefSchema = z.strictObject({
    key: fieldKeySchema,
    label: z.string().check(z.trim(), z.minLength(2), z.maxLength(500)),
    required: z.boolean(),
  });
export type QuestionDef = z.infer<typeof questionDefSchema>;

export const questionnaireQuestionSchema = z.strictObject({
    key: fieldKeySchema,
    label: z.string().check(z.trim(), z.minLength(2), z.maxLength(500)),
    kind: z.enum(['scale', 'text']).check(z.describe('scale: 1 (pas du tout) to 4 (tout à fait)')),
  });
export type QuestionnaireQuestion = z.infer<typeof questionnaireQuestionSchema>;

export const respondentRoleSchema = z.enum(['director', 'professional']);
export type RespondentRole = z.infer<typeof respondentRoleSchema>;

/** What a template holds, as staff edit it. */
export const templateContentSchema = z.strictObject({
    indicators: z.array(indicatorDefSchema).check(z.minLength(1), z.maxLength(40)),
    questions: z.array(questionDefSchema).check(z.maxLength(30)),
    /** The intermediate stage's questionnaire to directors and professionals; null when the stage has none. */
    questionnaire: z.nullable(z.strictObject({ questions: z.array(questionnaireQuestionSchema).check(z.minLength(1), z.maxLength(30)) })),
  });
export type TemplateContent = z.infer<typeof templateContentSchema>;

export const templateSchema = z.extend(templateContentSchema, {
  stageId: stageIdSchema,
  templateVersion: z.int().check(z.gte(1)),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Template = z.infer<typeof templateSchema>;

export const stageSchema = z.object({
  stageId: stageIdSchema,
  seasonId: idSchema('season'),
  kind: stageKindSchema,
  order: z.int().check(z.gte(1), z.lte(9)),
  name: z.string(),
  opensOn: isoDate,
  dueOn: isoDate,
  templateVersion: z.int().check(z.gte(1)),
  version: z.int().check(z.gte(1)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Stage = z.infer<typeof stageSchema>;

const stageDates = z.strictObject({ opensOn: isoDate, dueOn: isoDate });

export const createStageBody = z.strictObject({
    kind: stageKindSchema,
    order: z.int().check(z.gte(1), z.lte(9)),
    name: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(200))),
    opensOn: isoDate,
    dueOn: isoDate,
  });

export const createDefaultStagesBody = z.strictObject({
    firstReturn: stageDates,
    intermediate: stageDates,
    final: stageDates,
  });

export const updateStageBody = z.strictObject({
    expectedVersion: version(),
    name: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(200))),
    opensOn: z.optional(isoDate),
    dueOn: z.optional(isoDate),
  });

export const updateTemplateBody = z.extend(templateContentSchema, { expectedVersion: version() });

export const reportStatuses = ['draft', 'submitted', 'changes-requested', 'accepted'] as const;
export const reportStatusSchema = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const periodSchema = z.strictObject({ start: isoDate, end: isoDate });
export type Period = z.infer<typeof periodSchema>;

/** A storable figure: the consistency rules (not the shape check) say what is wrong with it (sign, unit), as 422. */
export const indicatorValuesSchema = z.record(fieldKeySchema, figure(1_000_000));
export const answersSchema = z.record(fieldKeySchema, z.string().check(z.maxLength(8000)));

export const reviewCommentSchema = z.strictObject({
    path: z.optional(z.string().check(z.maxLength(120))).check(z.describe('The field the comment is about, e.g. indicators.backInJob')),
    comment: z.string().check(z.trim(), z.minLength(2), z.maxLength(4000)),
  });

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
  startedOn: z.optional(z.nullable(isoDate)),
});
export type ReportDimensions = z.infer<typeof reportDimensionsSchema>;

export const reportSchema = z.object({
  reportId: idSchema('report'),
  stageId: stageIdSchema,
  seasonId: idSchema('season'),
  essaimeId: essaimeIdSchema,
  structureId: z.string(),
  structureName: z.string(),
  templateVersion: z.int(),
  status: reportStatusSchema,
  period: z.nullable(periodSchema),
  indicators: z.record(z.string(), z.number()),
  answers: z.record(z.string(), z.string()),
  dimensions: reportDimensionsSchema,
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  submittedAt: z.nullable(z.string()),
  submittedBy: z.nullable(z.string()),
  submittedLate: z.boolean(),
  acceptedAt: z.nullable(z.string()),
  acceptedBy: z.nullable(z.string()),
  reviews: z.array(reviewSchema),
});
export type Report = z.infer<typeof reportSchema>;

export const saveReportBody = z.strictObject({
    expectedVersion: version(0).check(z.describe('0 to create the draft, then the version last read')),
    period: z.optional(z.nullable(periodSchema)),
    indicators: z.optional(indicatorValuesSchema),
    answers: z.optional(answersSchema),
  });

export const versionBody = z.strictObject({ expectedVersion: version() });

export const requestChangesBody = z.strictObject({
    expectedVersion: version(),
    comments: z.array(reviewCommentSchema).check(z.minLength(1), z.maxLength(50)),
  });

export const reopenBody = z.strictObject({
    expectedVersion: version(),
    reason: z.string().check(z.trim(), z.minLength(5), z.maxLength(4000)),
  });

export const questionnaireResponseSchema = z.object({
  responseId: idSchema('questionnaire'),
  stageId: stageIdSchema,
  essaimeId: essaimeIdSchema,
  structureId: z.string(),
  respondentRole: respondentRoleSchema,
  /** A job title, never a name: answers are anonymous. */
  respondentFunction: z.nullable(z.string()),
  answers: z.record(z.string(), z.union([z.number(), z.string()])),
  templateVersion: z.int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type QuestionnaireResponse = z.infer<typeof questionnaireResponseSchema>;

export const addQuestionnaireBody = z.strictObject({
    respondentRole: respondentRoleSchema,
    respondentFunction: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(120))),
    answers: z.record(fieldKeySchema, z.union([figure(1_000_000), z.string().check(z.maxLength(8000))])),
  });

/** Where one essaimé stands on one stage. */
export const completionStatusSchema = z.enum(['accepted', 'submitted', 'late', 'missing']);
export type CompletionStatus = z.infer<typeof completionStatusSchema>;
