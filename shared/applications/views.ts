import * as z from 'zod/mini';
import type { Principal } from '../access/principal';
import { criterionResultSchema, eligibilityStatusSchema, verificationSchema } from '../calls/schemas';
import {
  applicationEligibilitySchema,
  applicationSchema,
  applicationStatusSchema,
  correctionRequestSchema,
  decisionOutcomeSchema,
  reviewSchema,
  staffNoteSchema,
  type Application,
  type Review,
  type StaffNote,
} from './schemas';

/**
 * What each audience sees of an application. The applicant never sees reviewers, scores, staff's comments
 * or notes, nor who on the staff decided or asked for a correction, and sees the decision only once it is
 * published (until then the application shows as under review). A staff member who recused sees neither
 * the reviews nor the private notes.
 */
export const applicantViewSchema = z.extend(z.omit(applicationSchema, { reviewerUserIds: true, recusedUserIds: true, reviewScores: true, score: true, verifications: true, decision: true, correction: true }), {
    decision: z.nullable(z.object({ outcome: decisionOutcomeSchema, rationale: z.string(), decidedAt: z.string() })).check(z.describe('Once published')),
    verifications: z.record(z.string(), z.pick(verificationSchema, { outcome: true, at: true })),
    correction: z.nullable(z.omit(correctionRequestSchema, { requestedBy: true })),
  });
export type ApplicantView = z.infer<typeof applicantViewSchema>;

export function applicantView(app: Application): ApplicantView {
  const published = app.decisionPublishedAt !== null;
  const hiddenDecision = app.decision !== null && !published;
  const { reviewerUserIds: _r, recusedUserIds: _u, reviewScores: _s, score: _score, verifications, decision, correction, ...rest } = app;
  return {
    ...rest,
    status: hiddenDecision ? 'under_review' : app.status,
    decision: published && decision ? { outcome: decision.outcome, rationale: decision.rationale, decidedAt: decision.decidedAt } : null,
    verifications: Object.fromEntries(Object.entries(verifications).map(([id, v]) => [id, { outcome: v.outcome, at: v.at }])),
    correction: correction ? { round: correction.round, message: correction.message, requestedAt: correction.requestedAt, dueAt: correction.dueAt } : null,
  };
}

/** Staff's view: the whole application with its reviews and private notes (none for a recused member). */
export const staffApplicationViewSchema = z.extend(applicationSchema, {
  recusedByYou: z.boolean(),
  reviews: z.array(reviewSchema),
  notes: z.array(staffNoteSchema).check(z.describe('Oldest first')),
  userNames: z.record(z.string(), z.string()).check(z.describe('Display name of each person the view names by id (reviewers, note authors, who decided or asked a correction)')),
});
export type StaffApplicationView = z.infer<typeof staffApplicationViewSchema>;

/** The ids of the people a staff view names, so the read side can fetch their names in one batch. */
export function peopleNamedIn(app: Application, reviews: Review[], notes: StaffNote[]): string[] {
  return [
    ...app.reviewerUserIds,
    ...app.recusedUserIds,
    ...reviews.map((r) => r.reviewerUserId),
    ...notes.map((n) => n.authorUserId),
    ...Object.values(app.verifications).map((v) => v.by),
    app.decision?.decidedBy,
    app.correction?.requestedBy,
  ].filter((id): id is string => Boolean(id));
}

export function staffView(principal: Principal, app: Application, reviews: Review[], notes: StaffNote[], names: ReadonlyMap<string, string> = new Map()): StaffApplicationView {
  const recused = app.recusedUserIds.includes(principal.userId);
  const shownNotes = recused ? [] : [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const shownReviews = recused ? [] : reviews;
  return {
    ...app,
    recusedByYou: recused,
    reviewScores: recused ? {} : app.reviewScores,
    reviews: shownReviews,
    notes: shownNotes,
    userNames: Object.fromEntries(
      peopleNamedIn(app, shownReviews, shownNotes).flatMap((id) => {
        const name = names.get(id);
        return name ? [[id, name]] : [];
      }),
    ),
  };
}

/** A row of the staff's ranked list: enough to rank, filter and see eligibility per criterion. */
export const applicationSummarySchema = z.object({
  applicationId: z.string(),
  callId: z.string(),
  structureId: z.string(),
  structureName: z.string(),
  legalForm: z.nullable(z.string()),
  territory: applicationSchema.shape.territory,
  hypothesis: applicationSchema.shape.hypothesis,
  status: applicationStatusSchema,
  eligibility: z.object({ status: eligibilityStatusSchema, criteriaVersion: z.int(), results: z.array(criterionResultSchema) }),
  score: z.nullable(z.number()),
  reviewCount: z.int(),
  reviewerUserIds: z.array(z.string()),
  decision: z.nullable(z.object({ outcome: decisionOutcomeSchema, decidedAt: z.string() })),
  decisionPublishedAt: z.nullable(z.string()),
  dossierNumber: applicationSchema.shape.dossierNumber,
  submittedAt: z.nullable(z.string()),
  updatedAt: z.string(),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export function applicationSummary(app: Application): ApplicationSummary {
  return {
    applicationId: app.applicationId,
    callId: app.callId,
    structureId: app.structureId,
    structureName: app.structure.name,
    legalForm: app.structure.legalForm ?? null,
    territory: app.territory,
    hypothesis: app.hypothesis,
    status: app.status,
    eligibility: { status: app.eligibility.status, criteriaVersion: app.eligibility.criteriaVersion, results: app.eligibility.results },
    score: app.score,
    reviewCount: Object.keys(app.reviewScores).length,
    reviewerUserIds: app.reviewerUserIds,
    decision: app.decision ? { outcome: app.decision.outcome, decidedAt: app.decision.decidedAt } : null,
    decisionPublishedAt: app.decisionPublishedAt,
    dossierNumber: app.dossierNumber,
    submittedAt: app.submittedAt,
    updatedAt: app.updatedAt,
  };
}

// Answers of staff's review actions: what the action changed on the application.

export const reviewerAssignmentSchema = z.pick(applicationSchema, { reviewerUserIds: true, status: true });
export type ReviewerAssignment = z.infer<typeof reviewerAssignmentSchema>;

export const recusalSchema = z.pick(applicationSchema, { recusedUserIds: true, reviewerUserIds: true, score: true });
export type Recusal = z.infer<typeof recusalSchema>;

export const scoringSchema = z.object({ review: reviewSchema, score: applicationSchema.shape.score });
export type Scoring = z.infer<typeof scoringSchema>;

export const criterionVerificationSchema = z.object({ verifications: applicationSchema.shape.verifications, eligibility: applicationEligibilitySchema });
export type CriterionVerification = z.infer<typeof criterionVerificationSchema>;

export const correctionRequestedSchema = z.pick(applicationSchema, { status: true, correction: true });
export type CorrectionRequested = z.infer<typeof correctionRequestedSchema>;

/** What of an audit change tells a reviewer's judgement: hidden from a staff member who recused. */
const REVIEW_JUDGEMENT_CHANGES = ['scores', 'weightedScore', 'score', 'comment'] as const;

/**
 * An entry of the application's audit trail as a staff member may read it: a member who recused sees who
 * did what and when, not the reviewers' scores and comments (as staffView hides the reviews).
 */
export function auditEntryForStaff<E extends { changes: Record<string, unknown> }>(principal: Principal, app: Pick<Application, 'recusedUserIds'>, entry: E): E {
  if (!app.recusedUserIds.includes(principal.userId)) return entry;
  const hidden = REVIEW_JUDGEMENT_CHANGES.filter((k) => k in entry.changes);
  if (!hidden.length) return entry;
  const changes = Object.fromEntries(Object.entries(entry.changes).filter(([k]) => !hidden.includes(k as (typeof hidden)[number])));
  return { ...entry, changes: { ...changes, hiddenFromRecused: hidden } };
}
