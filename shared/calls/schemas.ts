import * as z from 'zod';
import { idSchema } from '../ids';
import { hypothesisSchema, isoDate } from '../seasons/schemas';
import { figure, version } from '../numbers';

/**
 * Calls for candidate territories: the call itself, its criteria (versioned) and its review rubric.
 * The answers an application gives to the criteria are defined here too, next to the criteria they answer.
 */
export const callIdSchema = idSchema('call');
export const isoDateTime = z.iso.datetime({ offset: true });

// ---------------------------------------------------------------------------------------------- criteria

export const criterionIdSchema = z
  .string()
  .regex(/^[A-Z][0-9]{1,2}(\.[0-9]{1,2})?$/, 'A criterion id such as A1.3 or B2');

const criterionBase = {
  criterionId: criterionIdSchema,
  label: z.string().trim().min(3).max(300),
  description: z.string().trim().max(2000).default(''),
  hypothesis: hypothesisSchema.describe('The hypothesis whose applications this criterion applies to'),
  requiresEvidence: z.boolean().default(false).describe('Staff must verify it with evidence before selection'),
  alternativeEvidence: z
    .string()
    .trim()
    .min(3)
    .max(500)
    .optional()
    .describe('When the evidence may take several forms (the study\'s "ex."): the equivalent an applicant may give instead; it counts only once staff verify it'),
};

export const choiceOptionSchema = z
  .object({ value: z.string().regex(/^[a-z0-9-]{1,60}$/), label: z.string().trim().min(1).max(200) })
  .strict();

/** The five kinds of criteria of the study; `kind` selects how an answer is judged (see eligibility.ts). */
export const criterionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...criterionBase,
      kind: z.literal('number').describe('A declared number compared with a threshold (inclusive)'),
      unit: z.string().trim().min(1).max(30),
      min: figure().optional(),
      max: figure().optional(),
    })
    .strict(),
  z
    .object({
      ...criterionBase,
      kind: z.literal('yes_no').describe('A yes/no attestation; met when the answer equals `expected`'),
      expected: z.boolean(),
    })
    .strict(),
  z
    .object({
      ...criterionBase,
      kind: z.literal('signed_attestation').describe('An attestation signed by a named person on a date'),
      signerRole: z.string().trim().min(2).max(200),
    })
    .strict(),
  z
    .object({
      ...criterionBase,
      kind: z.literal('document').describe('A document the application must reference'),
      documentLabel: z.string().trim().min(2).max(200),
    })
    .strict(),
  z
    .object({
      ...criterionBase,
      kind: z.literal('choice').describe('One value among options; met when the value is among `accepted`'),
      options: z.array(choiceOptionSchema).min(2).max(20),
      accepted: z.array(z.string()).min(1).max(20),
    })
    .strict(),
]);
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionKind = Criterion['kind'];

/** A criteria set: unique ids, usable thresholds, accepted values among the options. */
export const criteriaSetSchema = z
  .array(criterionSchema)
  .min(1)
  .max(60)
  .superRefine((criteria, ctx) => {
    const seen = new Set<string>();
    criteria.forEach((c, i) => {
      if (seen.has(c.criterionId)) ctx.addIssue({ code: 'custom', path: [i, 'criterionId'], message: 'Duplicate criterion id' });
      seen.add(c.criterionId);
      if (c.kind === 'number') {
        if (c.min === undefined && c.max === undefined) ctx.addIssue({ code: 'custom', path: [i, 'min'], message: 'A number criterion needs a min or a max' });
        if (c.min !== undefined && c.max !== undefined && c.min > c.max) ctx.addIssue({ code: 'custom', path: [i, 'max'], message: 'max must not be below min' });
      }
      if (c.kind === 'choice') {
        const values = new Set(c.options.map((o) => o.value));
        if (values.size !== c.options.length) ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'Duplicate option value' });
        c.accepted.forEach((a, j) => {
          if (!values.has(a)) ctx.addIssue({ code: 'custom', path: [i, 'accepted', j], message: 'Not one of the options' });
        });
      }
    });
  });

export const criteriaVersionSchema = z.object({
  callId: callIdSchema,
  version: z.number().int().min(1),
  criteria: z.array(criterionSchema),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type CriteriaVersion = z.infer<typeof criteriaVersionSchema>;

/** A criteria version as the API shows it (who created it is in the audit trail). */
export const criteriaVersionViewSchema = criteriaVersionSchema.omit({ createdBy: true });
export type CriteriaVersionView = z.infer<typeof criteriaVersionViewSchema>;

export const criteriaVersionsViewSchema = z.object({
  currentVersion: z.number().int(),
  versions: z.array(criteriaVersionViewSchema),
});
export type CriteriaVersionsView = z.infer<typeof criteriaVersionsViewSchema>;

// ---------------------------------------------------------------------------------------------- answers

export const answerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: figure() }).strict(),
  z.object({ kind: z.literal('yes_no'), value: z.boolean() }).strict(),
  z
    .object({
      kind: z.literal('signed_attestation'),
      signed: z.boolean(),
      signerName: z.string().trim().max(120).optional(),
      signerRole: z.string().trim().max(120).optional(),
      signedOn: isoDate.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('document'), documentRef: z.string().trim().max(500) }).strict(),
  z.object({ kind: z.literal('choice'), value: z.string().trim().max(60) }).strict(),
  z
    .object({
      kind: z.literal('alternative').describe("Equivalent evidence for a criterion that accepts one (see the criterion's alternativeEvidence)"),
      description: z.string().trim().min(10).max(2000).describe('What is given instead, e.g. "Délibération du conseil d\'administration du 12 mars"'),
      documentRef: z.string().trim().max(500).optional(),
    })
    .strict(),
]);
export type Answer = z.infer<typeof answerSchema>;
export const answersSchema = z.record(criterionIdSchema, answerSchema);
export type Answers = Record<string, Answer>;

/** Staff's check of a criterion that needs evidence. */
export const verificationSchema = z.object({
  outcome: z.enum(['verified', 'not_verified']),
  comment: z.string(),
  by: z.string(),
  at: z.string(),
});
export type Verification = z.infer<typeof verificationSchema>;

// ---------------------------------------------------------------------------------------------- eligibility

export const criterionStatusSchema = z.enum(['met', 'unmet', 'missing']);
export type CriterionStatus = z.infer<typeof criterionStatusSchema>;
export const eligibilityStatusSchema = z.enum(['eligible', 'ineligible', 'incomplete']);
export type EligibilityStatus = z.infer<typeof eligibilityStatusSchema>;

/** How one criterion is judged: a stable `code` for programs, a French `reason` for people. */
export const criterionResultSchema = z.object({
  criterionId: z.string(),
  label: z.string(),
  kind: z.enum(['number', 'yes_no', 'signed_attestation', 'document', 'choice']),
  status: criterionStatusSchema,
  code: z.string(),
  reason: z.string(),
  requiresEvidence: z.boolean(),
  alternative: z.boolean().default(false).describe('Answered with equivalent evidence: it needs staff verification like evidence does'),
  verification: z.enum(['pending', 'verified', 'not_verified']).nullable(),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;

/** The eligibility of answers against a criteria set (see eligibility.ts). */
export const eligibilityResultSchema = z.object({
  status: eligibilityStatusSchema,
  hypothesis: hypothesisSchema.nullable(),
  results: z.array(criterionResultSchema),
  reasons: z.array(z.object({ criterionId: z.string().nullable(), code: z.string(), reason: z.string() })).describe('Why it is not eligible'),
});
export type EligibilityResult = z.infer<typeof eligibilityResultSchema>;

// ---------------------------------------------------------------------------------------------- rubric

export const rubricItemSchema = z
  .object({
    itemId: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
    label: z.string().trim().min(3).max(200),
    description: z.string().trim().max(1000).default(''),
    weight: z.number().int().min(1).max(10),
  })
  .strict();
export type RubricItem = z.infer<typeof rubricItemSchema>;

export const rubricSchema = z
  .array(rubricItemSchema)
  .min(1)
  .max(12)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.itemId)) ctx.addIssue({ code: 'custom', path: [i, 'itemId'], message: 'Duplicate rubric item id' });
      seen.add(item.itemId);
    });
  });

/** Every rubric item is scored on this scale by each reviewer. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 5;

// ---------------------------------------------------------------------------------------------- call

export const capacitySchema = z
  .object({ min: z.number().int().min(1).max(100), max: z.number().int().min(1).max(100) })
  .strict()
  .refine((c) => c.min <= c.max, { path: ['max'], message: 'The maximum must not be below the minimum' });
export type Capacity = z.infer<typeof capacitySchema>;
export const DEFAULT_CAPACITY: Capacity = { min: 5, max: 10 };

export const callStatusSchema = z.enum(['draft', 'open', 'closed']);
export type CallStatus = z.infer<typeof callStatusSchema>;

export const callSchema = z.object({
  callId: callIdSchema,
  seasonId: idSchema('season'),
  title: z.string(),
  description: z.string(),
  hypotheses: z.array(hypothesisSchema),
  opensAt: z.string(),
  closesAt: z.string(),
  capacity: z.object({ min: z.number(), max: z.number() }),
  rubric: z.array(rubricItemSchema),
  status: callStatusSchema,
  criteriaVersion: z.number().int(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  decisionsPublishedAt: z.string().nullable(),
  createdBy: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Call = z.infer<typeof callSchema>;

/** How many applications of a call are selected, against its maximum (the cap is a condition on it). */
export const callCounterSchema = z.object({ callId: callIdSchema, selected: z.number().int().min(0), max: z.number().int() });
export type CallCounter = z.infer<typeof callCounterSchema>;

/** A call in a list, for every role (who created it is in the audit trail). */
export const callSummarySchema = callSchema.omit({ createdBy: true });
export type CallSummary = z.infer<typeof callSummarySchema>;

/** What the API returns for a call: the call, its current criteria and its selection counter. */
export const callViewSchema = callSummarySchema.extend({
  criteria: z.array(criterionSchema),
  selectedCount: z.number().int(),
  belowMinimum: z.boolean().describe('Fewer selected than the minimum: allowed, but shown'),
  acceptingApplications: z.boolean(),
});
export type CallView = z.infer<typeof callViewSchema>;

const hypothesesInput = z
  .array(hypothesisSchema)
  .min(1)
  .max(2)
  .refine((h) => new Set(h).size === h.length, 'Each hypothesis once');

export const createCallBody = z
  .object({
    seasonId: idSchema('season'),
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(10_000).default(''),
    hypotheses: hypothesesInput,
    opensAt: isoDateTime,
    closesAt: isoDateTime,
    capacity: capacitySchema.optional(),
    rubric: rubricSchema.optional(),
    criteria: criteriaSetSchema.optional().describe('Defaults to the criteria of the study for the accepted hypotheses'),
  })
  .strict()
  .refine((c) => Date.parse(c.closesAt) > Date.parse(c.opensAt), { path: ['closesAt'], message: 'The closing date must come after the opening date' });
export type CreateCallInput = z.output<typeof createCallBody>;

export const updateCallBody = z
  .object({
    expectedVersion: version(),
    title: z.string().trim().min(3).max(200).optional(),
    description: z.string().trim().max(10_000).optional(),
    hypotheses: hypothesesInput.optional(),
    opensAt: isoDateTime.optional(),
    closesAt: isoDateTime.optional(),
    capacity: capacitySchema.optional(),
    rubric: rubricSchema.optional(),
  })
  .strict();
export type UpdateCallInput = z.output<typeof updateCallBody>;

export const replaceCriteriaBody = z
  .object({ expectedVersion: version().describe("The call's version"), criteria: criteriaSetSchema })
  .strict();

export const newCriteriaVersionBody = z
  .object({
    expectedVersion: version().describe("The call's version"),
    criteria: criteriaSetSchema,
    reason: z.string().trim().min(3).max(2000),
  })
  .strict();

export const eligibilityPreviewBody = z
  .object({ hypothesis: hypothesisSchema, answers: answersSchema })
  .strict();

export const listCallsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(2048).optional(),
    seasonId: idSchema('season').optional(),
  })
  .strict();

/** What publishing the decisions of a call did (idempotent: a second run publishes what remains). */
export const publicationReportSchema = z.object({
  published: z.object({ selected: z.number().int(), waitlisted: z.number().int(), rejected: z.number().int() }),
  essaimeIds: z.array(z.string()),
  failures: z.array(z.object({ applicationId: z.string(), code: z.string() })).describe('Applications not published, with the error code'),
  selectedCount: z.number().int(),
  capacity: z.object({ min: z.number().int(), max: z.number().int() }),
  belowMinimum: z.boolean(),
});
export type PublicationReport = z.infer<typeof publicationReportSchema>;
