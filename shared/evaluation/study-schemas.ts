import * as z from 'zod';
import { idSchema } from '../ids';
import { isoDate } from '../seasons/schemas';
import { periodSchema } from './schemas';

/** Stage 1's phone interviews and stage 2's CSV import of figures (exported from A.CO.R.'s follow-up software). */

/** Roles only: the log names no one. */
export const interviewRoles = ['director', 'referent', 'cre', 'team-lead', 'professional', 'prescriber', 'other'] as const;
export const interviewRoleSchema = z.enum(interviewRoles).describe('The role of the person interviewed; the log holds no name nor contact detail');
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

export const recordInterviewBody = z
  .object({
    essaimeId: idSchema('essaime'),
    interviewedOn: isoDate,
    personRole: interviewRoleSchema,
    notes: z.string().trim().min(10).max(8000).describe('What was said about the appropriation of the method; no email nor phone number'),
  })
  .strict();

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

export const figuresImportBody = z.object({ csv: z.string().min(1).max(200_000).describe('The CSV text: structure;periodStart;periodEnd;<indicator keys>') }).strict();

export const rowErrorSchema = z.object({ line: z.number().int(), field: z.string(), message: z.string() });

export const importRowSchema = z.object({
  line: z.number().int().describe('The line of the file (the header is line 1)'),
  essaimeId: z.string().nullable(),
  structureName: z.string(),
  period: periodSchema.nullable(),
  indicators: z.record(z.string(), z.number()),
  errors: z.array(rowErrorSchema),
});

export const importPreviewSchema = z.object({
  stageId: idSchema('stage'),
  valid: z.boolean().describe('True when every row is right: the import would write them all'),
  headerErrors: z.array(rowErrorSchema),
  rows: z.array(importRowSchema),
  totals: z.record(z.string(), z.number()).describe('Sums over the valid rows'),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  importId: idSchema('figuresImport'),
  stageId: idSchema('stage'),
  imported: z.number().int(),
  totals: z.record(z.string(), z.number()),
  reports: z.array(z.object({ essaimeId: z.string(), reportId: z.string(), structureName: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;
