import type { Principal } from '../access/principal';
import type { Application, Review, StaffNote } from './schemas';

/**
 * What each audience sees of an application. The applicant never sees reviewers, scores, staff's comments
 * or notes, and sees the decision only once it is published (until then the application shows as under
 * review). A staff member who recused sees neither the reviews nor the private notes.
 */
export function applicantView(app: Application) {
  const published = app.decisionPublishedAt !== null;
  const hiddenDecision = app.decision !== null && !published;
  const {
    reviewerUserIds: _r,
    recusedUserIds: _u,
    reviewScores: _s,
    score: _score,
    verifications,
    decision,
    ...rest
  } = app;
  return {
    ...rest,
    status: hiddenDecision ? ('under_review' as const) : app.status,
    decision: published && decision ? { outcome: decision.outcome, rationale: decision.rationale, decidedAt: decision.decidedAt } : null,
    verifications: Object.fromEntries(Object.entries(verifications).map(([id, v]) => [id, { outcome: v.outcome, at: v.at }])),
  };
}
export type ApplicantView = ReturnType<typeof applicantView>;

export function staffView(principal: Principal, app: Application, reviews: Review[], notes: StaffNote[]) {
  const recused = app.recusedUserIds.includes(principal.userId);
  return {
    ...app,
    recusedByYou: recused,
    reviewScores: recused ? {} : app.reviewScores,
    reviews: recused ? [] : reviews,
    notes: recused ? [] : [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}

/** A row of the staff's ranked list: enough to rank, filter and see eligibility per criterion. */
export function applicationSummary(app: Application) {
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
    submittedAt: app.submittedAt,
    updatedAt: app.updatedAt,
  };
}
