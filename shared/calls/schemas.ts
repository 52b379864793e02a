import * as z from 'zod/mini';
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

export const criterionIdSchema = z.string().check(z.regex(/^[A-Z][0-9]{1,2}(\.[0-9]{1,2})?$/, 'A criterion id such as A1.3 or B2'));

const criterionBase = {
  criterionId: criterionIdSchema,
  label: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)),
  description: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
  hypothesis: hypothesisSchema.check(z.describe('The hypothesis whose applications this criterion applies to')),
  requiresEvidence: z._default(z.boolean(), false).check(z.describe('Staff must verify it with evidence before selection')),
  alternativeEvidence: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(500))).check(z.describe('When the evidence may take several forms (the study\'s "ex."): the equivalent an applicant may give instead; it counts only once staff verify it')),
};

export const choiceOptionSchema = z.strictObject({ value: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)), label: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)) });

/** The five kinds of criteria of the study; `kind` selects how an answer is judged (see eligibility.ts). */
export const criterionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
      ...criterionBase,
      kind: z.literal('number').check(z.describe('A declared number compared with a threshold (inclusive)')),
      unit: z.string().check(z.trim(), z.minLength(1), z.maxLength(30)),
      min: z.optional(figure()),
      max: z.optional(figure()),
    }),
  z.strictObject({
      ...criterionBase,
      kind: z.literal('yes_no').check(z.describe('A yes/no attestation; met when the answer equals `expected`')),
      expected: z.boolean(),
    }),
  z.strictObject({
      ...criterionBase,
      kind: z.literal('signed_attestation').check(z.describe('An attestation signed by a named person on a date')),
      signerRole: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    }),
  z.strictObject({
      ...criterionBase,
      kind: z.literal('document').check(z.describe('A document the application must reference')),
      documentLabel: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    }),
  z.strictObject({
      ...criterionBase,
      kind: z.literal('choice').check(z.describe('One value among options; met when the value is among `accepted`')),
      options: z.array(choiceOptionSchema).check(z.minLength(2), z.maxLength(20)),
      accepted: z.array(z.string()).check(z.minLength(1), z.maxLength(20)),
    }),
]);
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionKind = Criterion['kind'];

/** A criteria set: unique ids, usable thresholds, accepted values among the options. */
export const criteriaSetSchema = z.array(criterionSchema).check(z.minLength(1), z.maxLength(60), z.superRefine((criteria, ctx) => {
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
  }));

export const criteriaVersionSchema = z.object({
  callId: callIdSchema,
  version: z.int().check(z.gte(1)),
  criteria: z.array(criterionSchema),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type CriteriaVersion = z.infer<typeof criteriaVersionSchema>;

/** A criteria version as the API shows it (who created it is in the audit trail). */
export const criteriaVersionViewSchema = z.omit(criteriaVersionSchema, { createdBy: true });
export type CriteriaVersionView = z.infer<typeof criteriaVersionViewSchema>;

export const criteriaVersionsViewSchema = z.object({
  currentVersion: z.int(),
  versions: z.array(criteriaVersionViewSchema),
});
export type CriteriaVersionsView = z.infer<typeof criteriaVersionsViewSchema>;

// ---------------------------------------------------------------------------------------------- answers

export const answerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('number'), value: figure() }),
  z.strictObject({ kind: z.literal('yes_no'), value: z.boolean() }),
  z.strictObject({
      kind: z.literal('signed_attestation'),
      signed: z.boolean(),
      signerName: z.optional(z.string().check(z.trim(), z.maxLength(120))),
      signerRole: z.optional(z.string().check(z.trim(), z.maxLength(120))),
      signedOn: z.optional(isoDate),
    }),
  z.strictObject({ kind: z.literal('document'), documentRef: z.string().check(z.trim(), z.maxLength(500)) }),
  z.strictObject({ kind: z.literal('choice'), value: z.string().check(z.trim(), z.maxLength(60)) }),
  z.strictObject({
      kind: z.literal('alternative').check(z.describe("Equivalent evidence for a criterion that accepts one (see the criterion's alternativeEvidence)")),
      description: z.string().check(z.trim(), z.minLength(10), z.maxLength(2000), z.describe('What is given instead, e.g. "Délibération du conseil d\'administration du 12 mars"')),
      documentRef: z.optional(z.string().check(z.trim(), z.maxLength(500))),
    }),
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
  alternative: z._default(z.boolean(), false).check(z.describe('Answered with equivalent evidence: it needs staff verification like evidence does')),
  verification: z.nullable(z.enum(['pending', 'verified', 'not_verified'])),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;

/** The eligibility of answers against a criteria set (see eligibility.ts). */
export const eligibilityResultSchema = z.object({
  status: eligibilityStatusSchema,
  hypothesis: z.nullable(hypothesisSchema),
  results: z.array(criterionResultSchema),
  reasons: z.array(z.object({ criterionId: z.nullable(z.string()), code: z.string(), reason: z.string() })).check(z.describe('Why it is not eligible')),
});
export type EligibilityResult = z.infer<typeof eligibilityResultSchema>;

// ---------------------------------------------------------------------------------------------- rubric

export const rubricItemSchema = z.strictObject({
    itemId: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,40}$/)),
    label: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)),
    description: z._default(z.string().check(z.trim(), z.maxLength(1000)), ''),
    weight: z.int().check(z.gte(1), z.lte(10)),
  });
export type RubricItem = z.infer<typeof rubricItemSchema>;

export const rubricSchema = z.array(rubricItemSchema).check(z.minLength(1), z.maxLength(12), z.superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.itemId)) ctx.addIssue({ code: 'custom', path: [i, 'itemId'], message: 'Duplicate rubric item id' });
      seen.add(item.itemId);
    });
  }));

/** Every rubric item is scored on this scale by each reviewer. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 5;

// ---------------------------------------------------------------------------------------------- call

export const capacitySchema = z.strictObject({ min: z.int().check(z.gte(1), z.lte(100)), max: z.int().check(z.gte(1), z.lte(100)) }).check(z.refine((c) => c.min <= c.max, { path: ['max'], message: 'The maximum must not be below the minimum' }));
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
  criteriaVersion: z.int(),
  openedAt: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
  decisionsPublishedAt: z.nullable(z.string()),
  createdBy: z.string(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Call = z.infer<typeof callSchema>;

/** How many applications of a call are selected, against its maximum (the cap is a condition on it). */
export const callCounterSchema = z.object({ callId: callIdSchema, selected: z.int().check(z.gte(0)), max: z.int() });
export type CallCounter = z.infer<typeof callCounterSchema>;

/** A call in a list, for every role (who created it is in the audit trail). */
export const callSummarySchema = z.omit(callSchema, { createdBy: true });
export type CallSummary = z.infer<typeof callSummarySchema>;

/** What the API returns for a call: the call, its current criteria and its selection counter. */
export const callViewSchema = z.extend(callSummarySchema, {
  criteria: z.array(criterionSchema),
  selectedCount: z.int(),
  belowMinimum: z.boolean().check(z.describe('Fewer selected than the minimum: allowed, but shown')),
  acceptingApplications: z.boolean(),
});
export type CallView = z.infer<typeof callViewSchema>;

const hypothesesInput = z.array(hypothesisSchema).check(z.minLength(1), z.maxLength(2), z.refine((h) => new Set(h).size === h.length, 'Each hypothesis once'));

export const createCallBody = z.strictObject({
    seasonId: idSchema('season'),
    title: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)),
    description: z._default(z.string().check(z.trim(), z.maxLength(10_000)), ''),
    hypotheses: hypothesesInput,
    opensAt: isoDateTime,
    closesAt: isoDateTime,
    capacity: z.optional(capacitySchema),
    rubric: z.optional(rubricSchema),
    criteria: z.optional(criteriaSetSchema).check(z.describe('Defaults to the criteria of the study for the accepted hypotheses')),
  }).check(z.refine((c) => Date.parse(c.closesAt) > Date.parse(c.opensAt), { path: ['closesAt'], message: 'The closing date must come after the opening date' }));
export type CreateCallInput = z.output<typeof createCallBody>;

export const updateCallBody = z.strictObject({
    expectedVersion: version(),
    title: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(200))),
    description: z.optional(z.string().check(z.trim(), z.maxLength(10_000))),
    hypotheses: z.optional(hypothesesInput),
    opensAt: z.optional(isoDateTime),
    closesAt: z.optional(isoDateTime),
    capacity: z.optional(capacitySchema),
    rubric: z.optional(rubricSchema),
  });
export type UpdateCallInput = z.output<typeof updateCallBody>;

export const replaceCriteriaBody = z.strictObject({ expectedVersion: version().check(z.describe("The call's version")), criteria: criteriaSetSchema });

export const newCriteriaVersionBody = z.strictObject({
    expectedVersion: version().check(z.describe("The call's version")),
    criteria: criteriaSetSchema,
    reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(2000)),
  });

export const eligibilityPreviewBody = z.strictObject({ hypothesis: hypothesisSchema, answers: answersSchema });

export const listCallsQuery = z.strictObject({
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
    seasonId: z.optional(idSchema('season')),
  });

/** What publishing the decisions of a call did (idempotent: a second run publishes what remains). */
export const publicationReportSchema = z.object({
  published: z.object({ selected: z.int(), waitlisted: z.int(), rejected: z.int() }),
  essaimeIds: z.array(z.string()),
  failures: z.array(z.object({ applicationId: z.string(), code: z.string() })).check(z.describe('Applications not published, with the error code')),
  selectedCount: z.int(),
  capacity: z.object({ min: z.int(), max: z.int() }),
  belowMinimum: z.boolean(),
});
export type PublicationReport = z.infer<typeof publicationReportSchema>;
