import * as z from 'zod';
import { pageOf } from '../db/pagination';
import {
  completionStatusSchema,
  questionnaireResponseSchema,
  reportSchema,
  reportStatusSchema,
  stageSchema,
  templateSchema,
  type Report,
} from './schemas';

/**
 * What the evaluation routes answer. Staff, referents and tutors see the same shapes (access decides which
 * records, not which fields); stored bookkeeping (the aggregate dimensions of a report) stays inside.
 */

/** A stage with its current template, and whether it is open today (Paris). */
export const stageViewSchema = stageSchema.extend({ template: templateSchema, open: z.boolean() });
export type StageView = z.infer<typeof stageViewSchema>;

export const stagePageSchema = pageOf(stageSchema);

/** A report as read and written over the API. */
export const reportViewSchema = reportSchema.omit({ dimensions: true });
export type ReportView = z.infer<typeof reportViewSchema>;

export function toReportView(report: Report): ReportView {
  const { dimensions: _counted, ...view } = report;
  return view;
}

/** Where an essaimé's report stands on one stage, short. */
export const reportSummarySchema = z.object({
  reportId: z.string(),
  status: reportStatusSchema,
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  submittedLate: z.boolean(),
});

/** One stage of an essaimé: the stage, whether it is open, where the essaimé stands and its report if any. */
export const essaimeStageSchema = stageSchema.extend({
  open: z.boolean(),
  completion: completionStatusSchema,
  report: reportSummarySchema.nullable(),
});
export type EssaimeStage = z.infer<typeof essaimeStageSchema>;

/** A structure's stages with their due dates and where its report stands (referent's home view). */
export const essaimeReportsViewSchema = z.object({
  essaimeId: z.string(),
  structureName: z.string(),
  stages: z.array(essaimeStageSchema),
});
export type EssaimeReportsView = z.infer<typeof essaimeReportsViewSchema>;

export const completionRowSchema = z.object({
  essaimeId: z.string(),
  structureName: z.string(),
  completion: completionStatusSchema,
  reportStatus: z.union([reportStatusSchema, z.literal('not-started')]),
  version: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  submittedLate: z.boolean(),
  questionnaires: z.number().int(),
});
export type CompletionRow = z.infer<typeof completionRowSchema>;

/** A stage with its completion: counts per status and one row per essaimé of the season. */
export const stageCompletionSchema = stageSchema.extend({
  counts: z.object({ accepted: z.number().int(), submitted: z.number().int(), late: z.number().int(), missing: z.number().int() }),
  essaimes: z.array(completionRowSchema),
});
export type StageCompletion = z.infer<typeof stageCompletionSchema>;

export const reportPageSchema = pageOf(reportViewSchema);
export const questionnairePageSchema = pageOf(questionnaireResponseSchema);
