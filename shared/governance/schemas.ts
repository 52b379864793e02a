import * as z from 'zod/mini';
import { idSchema } from '../ids';
import { year } from '../numbers';
import { hypothesisSchema, isoDate } from '../seasons/schemas';

/** Steering-committee meetings of a season (fidelity and label: ./fidelity-schemas.ts). */
export const steeringBodies = ['steering-body', 'governance-committee'] as const;
export const steeringBodySchema = z.enum(steeringBodies).check(z.describe('steering-body: Ansa accelerator + A.CO.R.; governance-committee: the above + institutional partners'));
export const steeringBodyLabels: Record<(typeof steeringBodies)[number], string> = {
  'steering-body': 'Instance de pilotage resserrée',
  'governance-committee': "Comité de gouvernance de l'essaimage",
};

export const memberPresentSchema = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)),
    organisation: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    userId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{3,100}$/))).check(z.describe('When the member has an account: lets their data be exported and erased')),
  });

const decisionText = z.string().check(z.trim(), z.minLength(3), z.maxLength(2000));
const hypothesesChosen = z.array(hypothesisSchema).check(z.minLength(1), z.maxLength(2), z.refine((h) => new Set(h).size === h.length, 'Each hypothesis once'));

export const indicatorSchema = z.strictObject({
    label: z.string().check(z.trim(), z.minLength(3), z.maxLength(200), z.describe('What is measured, e.g. "Part des personnes accompagnées en emploi"')),
    target: z.optional(z.string().check(z.trim(), z.maxLength(200))).check(z.describe('The value aimed at, e.g. "60 % en un an"')),
  });
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
  z.strictObject({ type: z.literal('note'), text: decisionText }),
  z.strictObject({ type: z.literal('choose-hypotheses'), text: z.optional(decisionText), hypotheses: hypothesesChosen }),
  z.strictObject({ type: z.literal('validate-action-plan'), text: z.optional(decisionText), essaimeId: idSchema('essaime'), year: year() }),
  z.strictObject({ type: z.literal('validate-indicators'), text: z.optional(decisionText), indicators: z.array(indicatorSchema).check(z.minLength(1), z.maxLength(20)) }),
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
    year: z.int(),
    structureName: z.string(),
    planVersion: z.int().check(z.describe('The version of the plan the meeting validated')),
  }),
  z.object({ type: z.literal('validate-indicators'), text: z.string(), indicators: z.array(indicatorSchema) }),
]);
export type Decision = z.infer<typeof decisionSchema>;

export const recordMeetingBody = z.strictObject({
    body: steeringBodySchema,
    date: isoDate,
    title: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(200))),
    membersPresent: z.array(memberPresentSchema).check(z.minLength(1), z.maxLength(60)),
    decisions: z.array(decisionInputSchema).check(z.maxLength(30), z.superRefine((decisions, ctx) => {
        const once = (type: DecisionType) => decisions.filter((d) => d.type === type).length > 1;
        for (const type of ['choose-hypotheses', 'validate-indicators'] as const) {
          if (once(type)) ctx.addIssue({ code: 'custom', path: [decisions.findLastIndex((d) => d.type === type), 'type'], message: `At most one ${type} decision per meeting` });
        }
        const plans = decisions.flatMap((d, i) => (d.type === 'validate-action-plan' ? [{ key: `${d.essaimeId}#${d.year}`, i }] : []));
        plans.forEach((p, j) => {
          if (plans.findIndex((q) => q.key === p.key) !== j) ctx.addIssue({ code: 'custom', path: [p.i, 'essaimeId'], message: 'This action plan is already validated by another decision of the meeting' });
        });
      })),
    notes: z.optional(z.string().check(z.trim(), z.maxLength(8000))),
  });

export const meetingSchema = z.object({
  meetingId: idSchema('meeting'),
  seasonId: idSchema('season'),
  body: steeringBodySchema,
  date: isoDate,
  title: z.string(),
  membersPresent: z.array(memberPresentSchema),
  decisions: z.array(decisionSchema),
  notes: z.nullable(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;
export type SteeringBody = (typeof steeringBodies)[number];
