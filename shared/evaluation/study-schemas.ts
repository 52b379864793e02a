import * as z from 'zod/mini';
import { idSchema } from '../ids';
import { isoDate } from '../seasons/schemas';
import { periodSchema } from './schemas';

/** Stage 1's phone interviews and stage 2's CSV import of figures (exported from A.CO.R.'s follow-up software). */

/** Roles only: the log names no one. */
export const interviewRoles = ['director', 'referent', 'cre', 'team-lead', 'professional', 'prescriber', 'other'] as const;
export const interviewRoleSchema = z.enum(interviewRoles).check(z.describe('The role of the person interviewed; the log holds no name nor contact detail'));
export type InterviewRole = z.infer<typeof interviewRoleSchema>;
export const interviewRoleLabels: Record<InterviewRole, string> = {
  director: 'Direction de la structure',
  referent: 'Référent du programme',
  cre: 'Chargé de relation entreprises',
  'team-lead': "Responsable d'équipe",
  professional: 'Autre professionnel de la structure',
  prescriber: 'Représentant du prescripteur',
  other: 'Autre',
};

export const recordInterviewBody = z.strictObject({
    essaimeId: idSchema('essaime'),
    interviewedOn: isoDate,
    personRole: interviewRoleSchema,
    notes: z.string().check(z.trim(), z.minLength(10), z.maxLength(8000), z.describe('What was said about the appropriation of the method; no email nor phone number')),
  });

export const interviewSchema = z.object({
  interviewId: idSchema('interview'),
  stageId: idSchema('stage'),
  seasonId: idSchema('season'),
  essaimeId: idSchema('essaime'),
  structureName: z.string(),
  interviewedOn: isoDate,
  personRole: interviewRoleSchema,
  notes: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Interview = z.infer<typeof interviewSchema>;

export const figuresImportBody = z.strictObject({ csv: z.string().check(z.minLength(1), z.maxLength(200_000), z.describe('The CSV text: structure;periodStart;periodEnd;<indicator keys>')) });

export const rowErrorSchema = z.object({ line: z.int(), field: z.string(), message: z.string() });

export const importRowSchema = z.object({
  line: z.int().check(z.describe('The line of the file (the header is line 1)')),
  essaimeId: z.nullable(z.string()),
  structureName: z.string(),
  period: z.nullable(periodSchema),
  indicators: z.record(z.string(), z.number()),
  errors: z.array(rowErrorSchema),
});

export const importPreviewSchema = z.object({
  stageId: idSchema('stage'),
  valid: z.boolean().check(z.describe('True when every row is right: the import would write them all')),
  headerErrors: z.array(rowErrorSchema),
  rows: z.array(importRowSchema),
  totals: z.record(z.string(), z.number()).check(z.describe('Sums over the valid rows')),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  importId: idSchema('figuresImport'),
  stageId: idSchema('stage'),
  imported: z.int(),
  totals: z.record(z.string(), z.number()),
  reports: z.array(z.object({ essaimeId: z.string(), reportId: z.string(), structureName: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;
