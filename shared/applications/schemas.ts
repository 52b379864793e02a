import { z } from 'zod';
import { callIdSchema, answersSchema, answerSchema, criterionIdSchema, isoDateTime, verificationSchema } from '../calls/schemas';
import type { EligibilityResult } from '../calls/eligibility';
import { needSchema, participantInputSchema, territorySchema } from '../essaimes/schemas';
import { idSchema } from '../ids';
import { hypothesisSchema } from '../seasons/schemas';

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
    staffFte: z.number().min(0).max(100_000).optional().describe('Staff in full-time equivalents'),
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
    expectedVersion: z.number().int().min(1),
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
    minScore: z.coerce.number().min(0).max(100).optional(),
  })
  .strict();
export type ListApplicationsQuery = z.output<typeof listApplicationsQuery>;

export const myApplicationsQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().min(1).max(2048).optional() })
  .strict();

export interface Decision {
  outcome: DecisionOutcome;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
}

export interface CorrectionRequest {
  round: number;
  message: string;
  requestedBy: string;
  requestedAt: string;
  /** Resubmission stays possible until then, even after the call closed. */
  dueAt: string;
}

export interface Application {
  applicationId: string;
  callId: string;
  seasonId: string;
  applicantUserId: string;
  structureId: string;
  status: ApplicationStatus;
  structure: StructureInput;
  territory: z.infer<typeof territorySchema> | null;
  hypothesis: z.infer<typeof hypothesisSchema> | null;
  prescriber: Prescriber | null;
  people: z.infer<typeof participantInputSchema>[];
  referent: z.infer<typeof participantInputSchema> | null;
  needs: z.infer<typeof needSchema>[];
  answers: z.infer<typeof answersSchema>;
  /** The criteria version the eligibility was checked against (frozen at submission). */
  criteriaVersion: number;
  eligibility: EligibilityResult & { checkedAt: string; criteriaVersion: number };
  verifications: Record<string, z.infer<typeof verificationSchema>>;
  reviewerUserIds: string[];
  recusedUserIds: string[];
  /** Weighted score (0–100) of each reviewer who scored. */
  reviewScores: Record<string, number>;
  /** Mean of the reviewers' weighted scores, or null before the first score. */
  score: number | null;
  correction: CorrectionRequest | null;
  correctionRounds: number;
  decision: Decision | null;
  decisionPublishedAt: string | null;
  essaimeId: string | null;
  submittedAt: string | null;
  withdrawnAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Review {
  applicationId: string;
  reviewerUserId: string;
  status: 'assigned' | 'recused' | 'scored';
  assignedBy: string | null;
  assignedAt: string | null;
  scores: Record<string, number>;
  comment: string;
  weightedScore: number | null;
  recusalReason: string | null;
  updatedAt: string;
}

export interface StaffNote {
  noteId: string;
  applicationId: string;
  authorUserId: string;
  text: string;
  createdAt: string;
}

export { callIdSchema };
