import * as z from 'zod';
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
export const structureInputSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    legalForm: z.string().trim().min(2).max(120).optional(),
    address: z.string().trim().min(5).max(500).optional(),
    staffFte: fte().optional().describe('Staff in full-time equivalents (0 to 1000, at most 2 decimals)'),
    budgetSituation: budgetSituationSchema.optional(),
    missions: z.string().trim().min(1).max(4000).optional(),
    publicServed: z.string().trim().min(1).max(4000).optional(),
    speRelations: z.string().trim().min(1).max(4000).optional().describe('Relations with the public employment service'),
  })
  .strict();
export type StructureInput = z.infer<typeof structureInputSchema>;

export const prescriberSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    kind: z.enum(['departement', 'region', 'agglomeration', 'commune', 'plie', 'spe', 'other']),
    contactName: z.string().trim().min(2).max(120).optional(),
    contactEmail: z.email().optional(),
  })
  .strict();
export type Prescriber = z.infer<typeof prescriberSchema>;

const peopleSchema = z
  .array(participantInputSchema)
  .max(3, 'At most three people of the structure follow the training')
  .refine((people) => new Set(people.map((p) => p.email.toLowerCase())).size === people.length, 'Each person once (by email)');

const needsSchema = z
  .array(needSchema)
  .max(5)
  .refine((needs) => new Set(needs.map((n) => n.axis)).size === needs.length, 'Each axis once');

/** Sections an applicant fills; each replaces the stored one, except `answers`, merged per criterion. */
const applicationSections = {
  structure: structureInputSchema,
  territory: territorySchema.nullable(),
  hypothesis: hypothesisSchema.nullable(),
  prescriber: prescriberSchema.nullable().describe('Hypothesis A: the public body ordering the support'),
  people: peopleSchema.describe('Up to three people to be trained'),
  referent: participantInputSchema.nullable().describe('The director general, or a delegate'),
  needs: needsSchema.describe('Needs of the territory along the five axes, for tutoring'),
};

export const createApplicationBody = z
  .object({
    ...applicationSections,
    structureId: idSchema('structure').optional().describe('Only for a structure the caller is already referent of'),
    territory: applicationSections.territory.optional(),
    hypothesis: applicationSections.hypothesis.optional(),
    prescriber: applicationSections.prescriber.optional(),
    people: applicationSections.people.optional(),
    referent: applicationSections.referent.optional(),
    needs: applicationSections.needs.optional(),
    answers: answersSchema.optional(),
  })
  .strict();
export type CreateApplicationInput = z.output<typeof createApplicationBody>;

export const updateApplicationBody = z
  .object({
    expectedVersion: version(),
    structure: applicationSections.structure.optional(),
    territory: applicationSections.territory.optional(),
    hypothesis: applicationSections.hypothesis.optional(),
    prescriber: applicationSections.prescriber.optional(),
    people: applicationSections.people.optional(),
    referent: applicationSections.referent.optional(),
    needs: applicationSections.needs.optional(),
    answers: z.record(criterionIdSchema, answerSchema.nullable()).optional().describe('Merged per criterion; null removes an answer'),
  })
  .strict();
export type UpdateApplicationInput = z.output<typeof updateApplicationBody>;

export const assignReviewerBody = z.object({ reviewerUserId: z.string().trim().min(1).max(128) }).strict();
export const recuseBody = z.object({ reason: z.string().trim().min(3).max(2000) }).strict();
export const scoreBody = z
  .object({
    scores: z.record(z.string().regex(/^[a-z][a-z0-9-]{1,40}$/), z.number().int().min(0).max(5)),
    comment: z.string().trim().max(4000).default(''),
  })
  .strict();
export const noteBody = z.object({ text: z.string().trim().min(1).max(4000) }).strict();
export const verificationBody = z
  .object({ criterionId: criterionIdSchema, outcome: z.enum(['verified', 'not_verified']), comment: z.string().trim().max(2000).default('') })
  .strict();
export const correctionBody = z
  .object({
    message: z.string().trim().min(3).max(4000),
    respondBy: isoDateTime.optional().describe('Resubmission stays possible until then, even after the call closes (default: 14 days)'),
  })
  .strict();
export const decisionBody = z.object({ outcome: decisionOutcomeSchema, rationale: z.string().trim().min(3).max(4000) }).strict();

export const listApplicationsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(2048).optional(),
    status: applicationStatusSchema.optional(),
    hypothesis: hypothesisSchema.optional(),
    region: z.string().trim().min(2).max(100).optional(),
    departementCode: z.string().regex(/^(\d{2,3}|2A|2B)$/).optional(),
    setting: z.enum(['urban', 'rural', 'semi-rural']).optional(),
    eligibility: z.enum(['eligible', 'ineligible', 'incomplete']).optional(),
    minScore: percent({ coerce: true }).optional(),
  })
  .strict();
export type ListApplicationsQuery = z.output<typeof listApplicationsQuery>;

export const myApplicationsQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().min(1).max(2048).optional() })
  .strict();

// ------------------------------------------------------------------------------------- stored records
// Stored records are checked for their shape, not for the limits of input: an erased person's email is no
// longer an email, and an item written by an older version must still read.

const personRecordSchema = z.object({ name: z.string(), role: z.string(), email: z.string() });
export type Person = z.infer<typeof personRecordSchema>;

const structureRecordSchema = z.object({
  name: z.string(),
  legalForm: z.string().optional(),
  address: z.string().optional(),
  staffFte: z.number().optional(),
  budgetSituation: budgetSituationSchema.optional(),
  missions: z.string().optional(),
  publicServed: z.string().optional(),
  speRelations: z.string().optional(),
});

const prescriberRecordSchema = z.object({
  name: z.string(),
  kind: prescriberSchema.shape.kind,
  contactName: z.string().optional(),
  contactEmail: z.string().optional(),
});

export const decisionSchema = z.object({ outcome: decisionOutcomeSchema, rationale: z.string(), decidedBy: z.string(), decidedAt: z.string() });
export type Decision = z.infer<typeof decisionSchema>;

export const correctionRequestSchema = z.object({
  round: z.number().int(),
  message: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  dueAt: z.string().describe('Resubmission stays possible until then, even after the call closed'),
});
export type CorrectionRequest = z.infer<typeof correctionRequestSchema>;

/** Eligibility as saved with the application: checked against `criteriaVersion` at `checkedAt`. */
export const applicationEligibilitySchema = eligibilityResultSchema.extend({ checkedAt: z.string(), criteriaVersion: z.number().int() });
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
  territory: territorySchema.nullable(),
  hypothesis: hypothesisSchema.nullable(),
  prescriber: prescriberRecordSchema.nullable(),
  people: z.array(personRecordSchema),
  referent: personRecordSchema.nullable(),
  needs: z.array(needSchema),
  answers: z.record(z.string(), answerSchema),
  criteriaVersion: z.number().int().describe('The criteria version the eligibility was checked against (frozen at submission)'),
  eligibility: applicationEligibilitySchema,
  verifications: z.record(z.string(), verificationSchema),
  reviewerUserIds: z.array(z.string()),
  recusedUserIds: z.array(z.string()),
  reviewScores: z.record(z.string(), z.number()).describe('Weighted score (0–100) of each reviewer who scored'),
  score: z.number().nullable().describe("Mean of the reviewers' weighted scores, or null before the first score"),
  correction: correctionRequestSchema.nullable(),
  correctionRounds: z.number().int(),
  decision: decisionSchema.nullable(),
  decisionPublishedAt: z.string().nullable(),
  essaimeId: z.string().nullable(),
  dossierNumber: z.string().nullable().default(null).describe('YYYY-ESS-NNNN, given at the first submission'),
  submittedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof applicationSchema>;

export const reviewSchema = z.object({
  applicationId: z.string(),
  reviewerUserId: z.string(),
  status: z.enum(['assigned', 'recused', 'scored']),
  assignedBy: z.string().nullable(),
  assignedAt: z.string().nullable(),
  scores: z.record(z.string(), z.number()),
  comment: z.string(),
  weightedScore: z.number().nullable(),
  recusalReason: z.string().nullable(),
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
