import * as z from 'zod/mini';
import { callIdSchema, answersSchema, answerSchema, criterionIdSchema, eligibilityResultSchema, isoDateTime, verificationSchema } from '../calls/schemas';
import { needSchema, participantInputSchema, territorySchema } from '../essaimes/schemas';
import { idSchema } from '../ids';
import { hypothesisSchema } from '../seasons/schemas';
import { fte, percent, version } from '../numbers';

/**
 * An application ("candidature") of a structure to a call, owned by the applicant (a user with the referent
 * role) by userId. After its selection is published, the structure becomes an essaimé and the applicant its
 * referent.
 */
export const applicationIdSchema = idSchema('application');

export const applicationStatusSchema = z.enum(['draft', 'submitted', 'under_review', 'selected', 'waitlisted', 'rejected', 'withdrawn']);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export const decisionOutcomeSchema = z.enum(['selected', 'waitlisted', 'rejected']);
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;

export const budgetSituationSchema = z.enum(['surplus', 'balanced', 'occasional-deficit', 'structural-deficit']);

/** The structure as the applicant describes it; in a draft only the name is required. */
export const structureInputSchema = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    legalForm: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(120))),
    address: z.optional(z.string().check(z.trim(), z.minLength(5), z.maxLength(500))),
    staffFte: z.optional(fte()).check(z.describe('Staff in full-time equivalents (0 to 1000, at most 2 decimals)')),
    budgetSituation: z.optional(budgetSituationSchema),
    missions: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(4000))),
    publicServed: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(4000))),
    speRelations: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(4000))).check(z.describe('Relations with the public employment service')),
  });
export type StructureInput = z.infer<typeof structureInputSchema>;

export const prescriberSchema = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    kind: z.enum(['departement', 'region', 'agglomeration', 'commune', 'plie', 'spe', 'other']),
    contactName: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(120))),
    contactEmail: z.optional(z.email()),
  });
export type Prescriber = z.infer<typeof prescriberSchema>;

const peopleSchema = z.array(participantInputSchema).check(z.maxLength(3, 'At most three people of the structure follow the training'), z.refine((people) => new Set(people.map((p) => p.email.toLowerCase())).size === people.length, 'Each person once (by email)'));

const needsSchema = z.array(needSchema).check(z.maxLength(5), z.refine((needs) => new Set(needs.map((n) => n.axis)).size === needs.length, 'Each axis once'));

/** Sections an applicant fills; each replaces the stored one, except `answers`, merged per criterion. */
const applicationSections = {
  structure: structureInputSchema,
  territory: z.nullable(territorySchema),
  hypothesis: z.nullable(hypothesisSchema),
  prescriber: z.nullable(prescriberSchema).check(z.describe('Hypothesis A: the public body ordering the support')),
  people: peopleSchema.check(z.describe('Up to three people to be trained')),
  referent: z.nullable(participantInputSchema).check(z.describe('The director general, or a delegate')),
  needs: needsSchema.check(z.describe('Needs of the territory along the five axes, for tutoring')),
};

/** Every section but the structure may be left out of a draft, at creation as at each save. */
const optionalSections = {
  territory: z.optional(applicationSections.territory),
  hypothesis: z.optional(applicationSections.hypothesis),
  prescriber: z.optional(applicationSections.prescriber),
  people: z.optional(applicationSections.people),
  referent: z.optional(applicationSections.referent),
  needs: z.optional(applicationSections.needs),
};

export const createApplicationBody = z.strictObject({
    ...applicationSections,
    structureId: z.optional(idSchema('structure')).check(z.describe('Only for a structure the caller is already referent of')),
    ...optionalSections,
    answers: z.optional(answersSchema),
  });
export type CreateApplicationInput = z.output<typeof createApplicationBody>;

export const updateApplicationBody = z.strictObject({
    expectedVersion: version(),
    structure: z.optional(applicationSections.structure),
    ...optionalSections,
    answers: z.optional(z.record(criterionIdSchema, z.nullable(answerSchema))).check(z.describe('Merged per criterion; null removes an answer')),
  });
export type UpdateApplicationInput = z.output<typeof updateApplicationBody>;

export const assignReviewerBody = z.strictObject({ reviewerUserId: z.string().check(z.trim(), z.minLength(1), z.maxLength(128)) });
export const recuseBody = z.strictObject({ reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(2000)) });
export const scoreBody = z.strictObject({
    scores: z.record(z.string().check(z.regex(/^[a-z][a-z0-9-]{1,40}$/)), z.int().check(z.gte(0), z.lte(5))),
    comment: z._default(z.string().check(z.trim(), z.maxLength(4000)), ''),
  });
export const noteBody = z.strictObject({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)) });
export const verificationBody = z.strictObject({ criterionId: criterionIdSchema, outcome: z.enum(['verified', 'not_verified']), comment: z._default(z.string().check(z.trim(), z.maxLength(2000)), '') });
export const correctionBody = z.strictObject({
    message: z.string().check(z.trim(), z.minLength(3), z.maxLength(4000)),
    respondBy: z.optional(isoDateTime).check(z.describe('Resubmission stays possible until then, even after the call closes (default: 14 days)')),
  });
export const decisionBody = z.strictObject({ outcome: decisionOutcomeSchema, rationale: z.string().check(z.trim(), z.minLength(3), z.maxLength(4000)) });

export const listApplicationsQuery = z.strictObject({
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
    status: z.optional(applicationStatusSchema),
    hypothesis: z.optional(hypothesisSchema),
    region: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(100))),
    departementCode: z.optional(z.string().check(z.regex(/^(\d{2,3}|2A|2B)$/))),
    setting: z.optional(z.enum(['urban', 'rural', 'semi-rural'])),
    eligibility: z.optional(z.enum(['eligible', 'ineligible', 'incomplete'])),
    minScore: z.optional(percent({ coerce: true })),
  });
export type ListApplicationsQuery = z.output<typeof listApplicationsQuery>;

export const myApplicationsQuery = z.strictObject({ limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20), cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))) });

// ------------------------------------------------------------------------------------- stored records
// Stored records are checked for their shape, not for the limits of input: an erased person's email is no
// longer an email, and an item written by an older version must still read.

const personRecordSchema = z.object({ name: z.string(), role: z.string(), email: z.string() });
export type Person = z.infer<typeof personRecordSchema>;

const structureRecordSchema = z.object({
  name: z.string(),
  legalForm: z.optional(z.string()),
  address: z.optional(z.string()),
  staffFte: z.optional(z.number()),
  budgetSituation: z.optional(budgetSituationSchema),
  missions: z.optional(z.string()),
  publicServed: z.optional(z.string()),
  speRelations: z.optional(z.string()),
});

const prescriberRecordSchema = z.object({
  name: z.string(),
  kind: prescriberSchema.shape.kind,
  contactName: z.optional(z.string()),
  contactEmail: z.optional(z.string()),
});

export const decisionSchema = z.object({ outcome: decisionOutcomeSchema, rationale: z.string(), decidedBy: z.string(), decidedAt: z.string() });
export type Decision = z.infer<typeof decisionSchema>;

export const correctionRequestSchema = z.object({
  round: z.int(),
  message: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  dueAt: z.string().check(z.describe('Resubmission stays possible until then, even after the call closed')),
});
export type CorrectionRequest = z.infer<typeof correctionRequestSchema>;

/** Eligibility as saved with the application: checked against `criteriaVersion` at `checkedAt`. */
export const applicationEligibilitySchema = z.extend(eligibilityResultSchema, { checkedAt: z.string(), criteriaVersion: z.int() });
export type ApplicationEligibility = z.infer<typeof applicationEligibilitySchema>;

/** The whole application as stored (and as staff see it). */
export const applicationSchema = z.object({
  applicationId: z.string(),
  callId: z.string(),
  seasonId: z.string(),
  applicantUserId: z.string(),
  structureId: z.string(),
  status: applicationStatusSchema,
  structure: structureRecordSchema,
  territory: z.nullable(territorySchema),
  hypothesis: z.nullable(hypothesisSchema),
  prescriber: z.nullable(prescriberRecordSchema),
  people: z.array(personRecordSchema),
  referent: z.nullable(personRecordSchema),
  needs: z.array(needSchema),
  answers: z.record(z.string(), answerSchema),
  criteriaVersion: z.int().check(z.describe('The criteria version the eligibility was checked against (frozen at submission)')),
  eligibility: applicationEligibilitySchema,
  verifications: z.record(z.string(), verificationSchema),
  reviewerUserIds: z.array(z.string()),
  recusedUserIds: z.array(z.string()),
  reviewScores: z.record(z.string(), z.number()).check(z.describe('Weighted score (0–100) of each reviewer who scored')),
  score: z.nullable(z.number()).check(z.describe("Mean of the reviewers' weighted scores, or null before the first score")),
  correction: z.nullable(correctionRequestSchema),
  correctionRounds: z.int(),
  decision: z.nullable(decisionSchema),
  decisionPublishedAt: z.nullable(z.string()),
  essaimeId: z.nullable(z.string()),
  dossierNumber: z._default(z.nullable(z.string()), null).check(z.describe('YYYY-ESS-NNNN, given at the first submission')),
  submittedAt: z.nullable(z.string()),
  withdrawnAt: z.nullable(z.string()),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof applicationSchema>;

export const reviewSchema = z.object({
  applicationId: z.string(),
  reviewerUserId: z.string(),
  status: z.enum(['assigned', 'recused', 'scored']),
  assignedBy: z.nullable(z.string()),
  assignedAt: z.nullable(z.string()),
  scores: z.record(z.string(), z.number()),
  comment: z.string(),
  weightedScore: z.nullable(z.number()),
  recusalReason: z.nullable(z.string()),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

export const staffNoteSchema = z.object({
  noteId: z.string(),
  applicationId: z.string(),
  authorUserId: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type StaffNote = z.infer<typeof staffNoteSchema>;

export { callIdSchema };
