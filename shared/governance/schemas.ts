import { z } from 'zod';
import { idSchema } from '../ids';
import { principleSchema, principles } from '../programme/axes';
import { hypothesisSchema, isoDate } from '../seasons/schemas';
import { version } from '../numbers';

/**
 * Fidelity to the method (assessed by the essaimé's A.CO.R. tutor), the label decision (recorded by staff
 * for A.CO.R. as network head) and the steering-committee meetings of a season.
 */
export const fidelityLevels = ['not-started', 'emerging', 'substantial', 'faithful'] as const;
export const fidelityLevelSchema = z.enum(fidelityLevels).describe('The four-step scale, from not started to faithful');
export type FidelityLevel = z.infer<typeof fidelityLevelSchema>;

export const fidelityLevelLabels: Record<FidelityLevel, string> = {
  'not-started': 'Pas encore engagé',
  emerging: 'En cours d’appropriation',
  substantial: 'Largement appliqué',
  faithful: 'Pleinement fidèle',
};

export const principleAssessmentSchema = z
  .object({
    principle: principleSchema,
    level: fidelityLevelSchema,
    evidence: z.string().trim().min(10).max(4000).describe('What was observed: facts, figures, practices'),
  })
  .strict();

export const assessFidelityBody = z
  .object({
    expectedVersion: version(0).describe('0 for the first assessment of this stage, then the version read'),
    principles: z
      .array(principleAssessmentSchema)
      .length(principles.length)
      .refine((list) => new Set(list.map((p) => p.principle)).size === principles.length, { message: 'Assess each of the four principles once' }),
    summary: z.string().trim().max(4000).optional(),
  })
  .strict();

export const fidelityAssessmentSchema = z.object({
  essaimeId: idSchema('essaime'),
  stageId: idSchema('stage'),
  structureId: z.string(),
  principles: z.array(principleAssessmentSchema),
  summary: z.string().nullable(),
  assessedBy: z.string(),
  assessedAt: z.string(),
  version: z.number().int(),
});
export type FidelityAssessment = z.infer<typeof fidelityAssessmentSchema>;

export const labelDecisionValues = ['labelled', 'conditional', 'not-yet'] as const;
export const labelDecisionValueSchema = z.enum(labelDecisionValues);
export type LabelDecisionValue = z.infer<typeof labelDecisionValueSchema>;
export const labelDecisionLabels: Record<LabelDecisionValue, string> = {
  labelled: 'Labellisée',
  conditional: 'Labellisée sous conditions',
  'not-yet': 'Pas encore labellisée',
};

export const recordLabelDecisionBody = z
  .object({
    decision: labelDecisionValueSchema,
    reasons: z.array(z.string().trim().min(5).max(2000)).min(1).max(10),
    conditions: z.array(z.string().trim().min(5).max(2000)).max(10).optional().describe('For a conditional label: what remains to do'),
  })
  .strict();

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

export const steeringBodies = ['steering-body', 'governance-committee'] as const;
export const steeringBodySchema = z.enum(steeringBodies).describe('steering-body: Ansa accelerator + A.CO.R.; governance-committee: the above + institutional partners');
export const steeringBodyLabels: Record<(typeof steeringBodies)[number], string> = {
  'steering-body': 'Instance de pilotage resserrée',
  'governance-committee': "Comité de gouvernance de l'essaimage",
};

export const memberPresentSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    organisation: z.string().trim().min(2).max(200),
    userId: z.string().regex(/^[A-Za-z0-9_-]{3,100}$/).optional().describe('When the member has an account: lets their data be exported and erased'),
  })
  .strict();

export const decisionSchema = z
  .object({
    text: z.string().trim().min(3).max(2000),
    hypotheses: z.array(hypothesisSchema).min(1).max(2).optional().describe('When the decision chooses the hypothesis of the season'),
  })
  .strict();

export const recordMeetingBody = z
  .object({
    body: steeringBodySchema,
    date: isoDate,
    title: z.string().trim().min(3).max(200).optional(),
    membersPresent: z.array(memberPresentSchema).min(1).max(60),
    decisions: z.array(decisionSchema).max(30),
    notes: z.string().trim().max(8000).optional(),
  })
  .strict();

export const meetingSchema = z.object({
  meetingId: idSchema('meeting'),
  seasonId: idSchema('season'),
  body: steeringBodySchema,
  date: isoDate,
  title: z.string(),
  membersPresent: z.array(memberPresentSchema),
  decisions: z.array(decisionSchema),
  notes: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** An essaimé's fidelity assessments and label decisions, with the label in force. */
export const essaimeFidelityViewSchema = z.object({
  essaimeId: idSchema('essaime'),
  structureName: z.string(),
  assessments: z.array(fidelityAssessmentSchema),
  labelDecisions: z.array(labelDecisionSchema),
  currentLabel: labelDecisionSchema.nullable(),
});
export type EssaimeFidelityView = z.infer<typeof essaimeFidelityViewSchema>;
