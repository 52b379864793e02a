import * as z from 'zod/mini';
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
export const stageViewSchema = z.extend(stageSchema, { template: templateSchema, open: z.boolean() });
export type StageView = z.infer<typeof stageViewSchema>;

export const stagePageSchema = pageOf(stageSchema);

/** A report as read and written over the API. */
export const reportViewSchema = z.omit(reportSchema, { dimensions: true });
export type ReportView = z.infer<typeof reportViewSchema>;

export function toReportView(report: Report): ReportView {
  const { dimensions: _counted, ...view } = report;
  return view;
}

/** Where an essaimé's report stands on one stage, short. */
export const reportSummarySchema = z.object({
  reportId: z.string(),
  status: reportStatusSchema,
  version: z.int(),
  submittedAt: z.nullable(z.string()),
  submittedLate: z.boolean(),
});

/** One stage of an essaimé: the stage, whether it is open, where the essaimé stands and its report if any. */
export const essaimeStageSchema = z.extend(stageSchema, {
  open: z.boolean(),
  completion: completionStatusSchema,
  report: z.nullable(reportSummarySchema),
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
  version: z.nullable(z.int()),
  submittedAt: z.nullable(z.string()),
  submittedLate: z.boolean(),
  questionnaires: z.int(),
});
export type CompletionRow = z.infer<typeof completionRowSchema>;

/** A stage with its completion: counts per status and one row per essaimé of the season. */
export const stageCompletionSchema = z.extend(stageSchema, {
  counts: z.object({ accepted: z.int(), submitted: z.int(), late: z.int(), missing: z.int() }),
  essaimes: z.array(completionRowSchema),
});
export type StageCompletion = z.infer<typeof stageCompletionSchema>;

export const reportPageSchema = pageOf(reportViewSchema);
export const questionnairePageSchema = pageOf(questionnaireResponseSchema);
