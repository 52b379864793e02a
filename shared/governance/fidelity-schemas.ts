import * as z from 'zod/mini';
import { idSchema } from '../ids';
import { version } from '../numbers';
import { principleSchema, principles } from '../programme/axes';
import { isoDate } from '../seasons/schemas';

/**
 * Fidelity to the method (assessed by the essaimé's A.CO.R. tutor at any date; the stage assessments are
 * checkpoints) and the label decision (taken by the A.CO.R. lead for A.CO.R. as network head).
 */
export const fidelityLevels = ['not-started', 'emerging', 'substantial', 'faithful'] as const;
export const fidelityLevelSchema = z.enum(fidelityLevels).check(z.describe('The four-step scale, from not started to faithful'));
export type FidelityLevel = z.infer<typeof fidelityLevelSchema>;

export const fidelityLevelLabels: Record<FidelityLevel, string> = {
  'not-started': 'Pas encore engagé',
  emerging: 'En cours d’appropriation',
  substantial: 'Largement appliqué',
  faithful: 'Pleinement fidèle',
};

export const principleAssessmentSchema = z.strictObject({
    principle: principleSchema,
    level: fidelityLevelSchema,
    evidence: z.string().check(z.trim(), z.minLength(10), z.maxLength(4000), z.describe('What was observed: facts, figures, practices')),
  });

const fourPrinciples = z.array(principleAssessmentSchema).check(z.length(principles.length), z.refine((list) => new Set(list.map((p) => p.principle)).size === principles.length, { message: 'Assess each of the four principles once' }));

/** A stage checkpoint (PUT on the stage). */
export const assessFidelityBody = z.strictObject({
    expectedVersion: version(0).check(z.describe('0 for the first assessment of this stage, then the version read')),
    principles: fourPrinciples,
    summary: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
  });

/** An assessment at any date, outside the stages. */
export const recordFidelityAssessmentBody = z.strictObject({
    assessedOn: z.optional(isoDate).check(z.describe('The day fidelity was observed (Paris); today when omitted, never in the future')),
    principles: fourPrinciples,
    summary: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
  });

export const fidelityKindSchema = z.enum(['checkpoint', 'at-date']).check(z.describe('checkpoint: the assessment of an evaluation stage; at-date: any other time'));
export type FidelityKind = z.infer<typeof fidelityKindSchema>;

export const fidelityAssessmentSchema = z.object({
  /** The stage id for a checkpoint (one per stage), a fid_… id otherwise. */
  assessmentId: z.string(),
  kind: fidelityKindSchema,
  essaimeId: idSchema('essaime'),
  stageId: z.nullable(idSchema('stage')),
  structureId: z.string(),
  assessedOn: isoDate,
  principles: z.array(principleAssessmentSchema),
  summary: z.nullable(z.string()),
  assessedBy: z.string(),
  assessedAt: z.string(),
  version: z.int(),
});
export type FidelityAssessment = z.infer<typeof fidelityAssessmentSchema>;

export const trendSchema = z.enum(['improving', 'declining', 'stable', 'single', 'none']).check(z.describe('Latest level against the one before it'));
export type Trend = z.infer<typeof trendSchema>;

export const principleTrendSchema = z.object({
  principle: principleSchema,
  latest: z.nullable(fidelityLevelSchema),
  previous: z.nullable(fidelityLevelSchema),
  trend: trendSchema,
  series: z.array(z.object({ assessedOn: isoDate, level: fidelityLevelSchema, kind: fidelityKindSchema })),
});
export type PrincipleTrend = z.infer<typeof principleTrendSchema>;

export const labelDecisionValues = ['labelled', 'conditional', 'not-yet'] as const;
export const labelDecisionValueSchema = z.enum(labelDecisionValues);
export type LabelDecisionValue = z.infer<typeof labelDecisionValueSchema>;
export const labelDecisionLabels: Record<LabelDecisionValue, string> = {
  labelled: 'Labellisée',
  conditional: 'Labellisée sous conditions',
  'not-yet': 'Pas encore labellisée',
};

export const recordLabelDecisionBody = z.strictObject({
    decision: labelDecisionValueSchema,
    reasons: z.array(z.string().check(z.trim(), z.minLength(5), z.maxLength(2000))).check(z.minLength(1), z.maxLength(10)),
    conditions: z.optional(z.array(z.string().check(z.trim(), z.minLength(5), z.maxLength(2000))).check(z.maxLength(10))).check(z.describe('For a conditional label: what remains to do')),
  });

export const labelDecisionSchema = z.object({
  labelDecisionId: idSchema('labelDecision'),
  essaimeId: idSchema('essaime'),
  structureId: z.string(),
  decision: labelDecisionValueSchema,
  reasons: z.array(z.string()),
  conditions: z.array(z.string()),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type LabelDecision = z.infer<typeof labelDecisionSchema>;

export const setAcorLeadBody = z.strictObject({ acorLead: z.boolean().check(z.describe('true: this tutor decides labels for A.CO.R.')) });

export const acorLeadSchema = z.object({
  userId: z.string(),
  acorLead: z.boolean(),
  designatedBy: z.string(),
  designatedAt: z.string(),
});
export type AcorLead = z.infer<typeof acorLeadSchema>;

/** An essaimé's fidelity history (oldest first), the trend per principle, label decisions and the label in force. */
export const essaimeFidelityViewSchema = z.object({
  essaimeId: idSchema('essaime'),
  structureName: z.string(),
  assessments: z.array(fidelityAssessmentSchema),
  trend: z.array(principleTrendSchema),
  labelDecisions: z.array(labelDecisionSchema),
  currentLabel: z.nullable(labelDecisionSchema),
  canAssess: z.boolean().check(z.describe('The caller is the tutor assigned to this essaimé')),
  canDecideLabel: z.boolean().check(z.describe('The caller is the A.CO.R. lead')),
});
export type EssaimeFidelityView = z.infer<typeof essaimeFidelityViewSchema>;
