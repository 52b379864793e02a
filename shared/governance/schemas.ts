import * as z from 'zod';
import { idSchema } from '../ids';
import { year } from '../numbers';
import { hypothesisSchema, isoDate } from '../seasons/schemas';

/** Steering-committee meetings of a season (fidelity and label: ./fidelity-schemas.ts). */
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

const decisionText = z.string().trim().min(3).max(2000);
const hypothesesChosen = z
  .array(hypothesisSchema)
  .min(1)
  .max(2)
  .refine((h) => new Set(h).size === h.length, 'Each hypothesis once');

export const indicatorSchema = z
  .object({
    label: z.string().trim().min(3).max(200).describe('What is measured, e.g. "Part des personnes accompagnées en emploi"'),
    target: z.string().trim().max(200).optional().describe('The value aimed at, e.g. "60 % en un an"'),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * A meeting's decisions are typed: a note is free text; the three others apply when the meeting is recorded,
 * in the same transaction (see use-cases.ts): the hypotheses chosen become the season's, the indicators
 * validated become the season's result indicators, the essaimé's action plan for the year becomes validated.
 */
export const decisionTypes = ['note', 'choose-hypotheses', 'validate-action-plan', 'validate-indicators'] as const;
export type DecisionType = (typeof decisionTypes)[number];
export const decisionTypeLabels: Record<DecisionType, string> = {
  note: 'Relevé de décision',
  'choose-hypotheses': 'Choix des hypothèses d’essaimage de la saison',
  'validate-action-plan': 'Validation du plan d’action annuel d’un essaimé',
  'validate-indicators': 'Validation des indicateurs de résultat',
};

export const decisionInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('note'), text: decisionText }).strict(),
  z.object({ type: z.literal('choose-hypotheses'), text: decisionText.optional(), hypotheses: hypothesesChosen }).strict(),
  z
    .object({ type: z.literal('validate-action-plan'), text: decisionText.optional(), essaimeId: idSchema('essaime'), year: year() })
    .strict(),
  z.object({ type: z.literal('validate-indicators'), text: decisionText.optional(), indicators: z.array(indicatorSchema).min(1).max(20) }).strict(),
]);
export type DecisionInput = z.output<typeof decisionInputSchema>;

/** A decision as recorded: its text (given, or written from what it decides) and what it applied to. */
export const decisionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('note'), text: z.string() }),
  z.object({ type: z.literal('choose-hypotheses'), text: z.string(), hypotheses: z.array(hypothesisSchema) }),
  z.object({
    type: z.literal('validate-action-plan'),
    text: z.string(),
    essaimeId: z.string(),
    year: z.number().int(),
    structureName: z.string(),
    planVersion: z.number().int().describe('The version of the plan the meeting validated'),
  }),
  z.object({ type: z.literal('validate-indicators'), text: z.string(), indicators: z.array(indicatorSchema) }),
]);
export type Decision = z.infer<typeof decisionSchema>;

export const recordMeetingBody = z
  .object({
    body: steeringBodySchema,
    date: isoDate,
    title: z.string().trim().min(3).max(200).optional(),
    membersPresent: z.array(memberPresentSchema).min(1).max(60),
    decisions: z
      .array(decisionInputSchema)
      .max(30)
      .superRefine((decisions, ctx) => {
        const once = (type: DecisionType) => decisions.filter((d) => d.type === type).length > 1;
        for (const type of ['choose-hypotheses', 'validate-indicators'] as const) {
          if (once(type)) ctx.addIssue({ code: 'custom', path: [decisions.findLastIndex((d) => d.type === type), 'type'], message: `At most one ${type} decision per meeting` });
        }
        const plans = decisions.flatMap((d, i) => (d.type === 'validate-action-plan' ? [{ key: `${d.essaimeId}#${d.year}`, i }] : []));
        plans.forEach((p, j) => {
          if (plans.findIndex((q) => q.key === p.key) !== j) ctx.addIssue({ code: 'custom', path: [p.i, 'essaimeId'], message: 'This action plan is already validated by another decision of the meeting' });
        });
      }),
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
export type SteeringBody = (typeof steeringBodies)[number];
