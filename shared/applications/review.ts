import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { assertRole } from '../access/policy';
import { criteriaOf, loadCall } from '../calls/use-cases';
import { commit } from '../db/transact';
import { conflict, forbidden, unprocessable } from '../errors';
import { getProfile } from '../identity/repository';
import { newId } from '../ids';
import { displayNameOf } from '../notifications/letter';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { correctionMessage } from './messages';
import { getReview, putNoteWrite, putReviewWrite, saveApplicationWrite } from './repository';
import { applicationScore, assertInReview, rubricMismatch, weightedScore } from './rules';
import type { Application, correctionBody, Review, scoreBody, StaffNote, verificationBody } from './schemas';
import { eligibilityFor, loadApplicationFor, retryChanged } from './use-cases';
import type { CorrectionRequested, CriterionVerification, Recusal, ReviewerAssignment, Scoring } from './views';

/**
 * Review of submitted applications by staff: reviewers and recusal, rubric scores, private notes, evidence
 * verification, and sending back for correction. Every change is one transaction with its audit entry.
 */
const MAX_REVIEWERS = 10;

function assertNotRecused(app: Application, principal: Principal): void {
  if (app.recusedUserIds.includes(principal.userId)) {
    throw forbidden('RECUSED_FROM_APPLICATION', 'You declared a conflict of interest on this application');
  }
}

async function loadForStaff(deps: Deps, principal: Principal, applicationId: string): Promise<Application> {
  assertRole(principal, ['staff']);
  return loadApplicationFor(deps, principal, applicationId, 'write', true);
}

const bumped = (app: Application, now: Date, changes: Partial<Application>): Application => ({
  ...app,
  ...changes,
  version: app.version + 1,
  updatedAt: now.toISOString(),
});

export async function assignReviewer(deps: Deps, actor: Principal, applicationId: string, reviewerUserId: string): Promise<ReviewerAssignment> {
  return retryChanged(async () => {
    const app = await loadForStaff(deps, actor, applicationId);
    assertInReview(app);
    if (app.recusedUserIds.includes(reviewerUserId)) throw conflict('REVIEWER_RECUSED', 'This reviewer declared a conflict of interest on this application');
    if (app.reviewerUserIds.includes(reviewerUserId)) throw conflict('REVIEWER_ALREADY_ASSIGNED', 'This reviewer is already assigned');
    if (app.reviewerUserIds.length >= MAX_REVIEWERS) throw conflict('TOO_MANY_REVIEWERS', `At most ${MAX_REVIEWERS} reviewers`);
    const profile = await getProfile(deps.db, reviewerUserId);
    if (profile?.role !== 'staff') {
      throw unprocessable('REVIEWER_NOT_STAFF', 'Reviewers are members of the Ansa staff', [{ path: 'body.reviewerUserId', message: 'Not a staff member' }]);
    }
    const now = deps.now();
    const next = bumped(app, now, { reviewerUserIds: [...app.reviewerUserIds, reviewerUserId], status: 'under_review' });
    const review: Review = {
      applicationId,
      reviewerUserId,
      status: 'assigned',
      assignedBy: actor.userId,
      assignedAt: now.toISOString(),
      scores: {},
      comment: '',
      weightedScore: null,
      recusalReason: null,
      updatedAt: now.toISOString(),
    };
    await commit(deps.db, actor, [saveApplicationWrite(deps.db, next, app.version), putReviewWrite(deps.db, review, { mustNotExist: true })], [
      { action: 'application.reviewer-assigned', entityType: 'application', entityId: applicationId, changes: { reviewerUserId, from: app.status, to: next.status } },
    ], now);
    return { reviewerUserIds: next.reviewerUserIds, status: next.status };
  });
}

/** The caller declares a conflict of interest: off the reviewers, their score removed, reviews and notes hidden from them. */
export async function recuse(deps: Deps, actor: Principal, applicationId: string, reason: string): Promise<Recusal> {
  return retryChanged(async () => {
    const app = await loadForStaff(deps, actor, applicationId);
    assertInReview(app, { allowDecided: true });
    if (app.recusedUserIds.includes(actor.userId)) throw conflict('ALREADY_RECUSED', 'You already recused yourself from this application');
    const now = deps.now();
    const { [actor.userId]: _removed, ...reviewScores } = app.reviewScores;
    const reviewerUserIds = app.reviewerUserIds.filter((id) => id !== actor.userId);
    const next = bumped(app, now, {
      reviewerUserIds,
      recusedUserIds: [...app.recusedUserIds, actor.userId],
      reviewScores,
      score: applicationScore(reviewScores),
      status: app.status === 'under_review' && reviewerUserIds.length === 0 ? 'submitted' : app.status,
    });
    const previous = await getReview(deps.db, applicationId, actor.userId);
    const review: Review = {
      applicationId,
      reviewerUserId: actor.userId,
      status: 'recused',
      assignedBy: previous?.assignedBy ?? null,
      assignedAt: previous?.assignedAt ?? null,
      scores: {},
      comment: '',
      weightedScore: null,
      recusalReason: reason,
      updatedAt: now.toISOString(),
    };
    await commit(deps.db, actor, [saveApplicationWrite(deps.db, next, app.version), putReviewWrite(deps.db, review)], [
      {
        action: 'application.reviewer-recused',
        entityType: 'application',
        entityId: applicationId,
        changes: { reviewerUserId: actor.userId, wasAssigned: app.reviewerUserIds.includes(actor.userId), scoreRemoved: actor.userId in app.reviewScores },
      },
    ], now);
    return { recusedUserIds: next.recusedUserIds, reviewerUserIds: next.reviewerUserIds, score: next.score };
  });
}

/** An assigned reviewer scores every rubric item (0–5); the application's score is the mean of the reviewers'. */
export async function scoreApplication(deps: Deps, actor: Principal, applicationId: string, input: z.output<typeof scoreBody>): Promise<Scoring> {
  return retryChanged(async () => {
    const app = await loadForStaff(deps, actor, applicationId);
    if (app.recusedUserIds.includes(actor.userId)) throw conflict('REVIEWER_RECUSED', 'You declared a conflict of interest on this application');
    if (!app.reviewerUserIds.includes(actor.userId)) throw forbidden('NOT_ASSIGNED_REVIEWER', 'Only a reviewer assigned to this application can score it');
    assertInReview(app);
    const { call } = await loadCall(deps, app.callId);
    const mismatch = rubricMismatch(call.rubric, input.scores);
    if (mismatch.length) throw unprocessable('RUBRIC_MISMATCH', 'Score every item of the rubric, and only those', mismatch);
    const weighted = weightedScore(call.rubric, input.scores);
    const now = deps.now();
    const reviewScores = { ...app.reviewScores, [actor.userId]: weighted };
    const next = bumped(app, now, { reviewScores, score: applicationScore(reviewScores) });
    const previous = await getReview(deps.db, applicationId, actor.userId);
    const review: Review = {
      applicationId,
      reviewerUserId: actor.userId,
      status: 'scored',
      assignedBy: previous?.assignedBy ?? null,
      assignedAt: previous?.assignedAt ?? null,
      scores: input.scores,
      comment: input.comment,
      weightedScore: weighted,
      recusalReason: null,
      updatedAt: now.toISOString(),
    };
    await commit(deps.db, actor, [saveApplicationWrite(deps.db, next, app.version), putReviewWrite(deps.db, review)], [
      { action: 'application.scored', entityType: 'application', entityId: applicationId, changes: { reviewerUserId: actor.userId, scores: input.scores, weightedScore: weighted, score: next.score } },
    ], now);
    return { review, score: next.score };
  });
}

/** A private note: staff only, never shown to the applicant nor exported. */
export async function addNote(deps: Deps, actor: Principal, applicationId: string, text: string): Promise<StaffNote> {
  const app = await loadForStaff(deps, actor, applicationId);
  assertNotRecused(app, actor);
  const now = deps.now();
  const note: StaffNote = { noteId: newId('note'), applicationId, authorUserId: actor.userId, text, createdAt: now.toISOString() };
  await commit(deps.db, actor, [putNoteWrite(deps.db, note)], [
    { action: 'application.note-added', entityType: 'application', entityId: applicationId, changes: { noteId: note.noteId, length: text.length } },
  ], now);
  return note;
}

/** Staff check a criterion that needs evidence, or an equivalent evidence given instead; "not verified" makes it unmet, so the application ineligible. */
export async function verifyCriterion(deps: Deps, actor: Principal, applicationId: string, input: z.output<typeof verificationBody>): Promise<CriterionVerification> {
  return retryChanged(async () => {
    const app = await loadForStaff(deps, actor, applicationId);
    assertNotRecused(app, actor);
    assertInReview(app);
    const bundle = await loadCall(deps, app.callId);
    const criteria = criteriaOf(bundle, app.criteriaVersion);
    const criterion = criteria.find((c) => c.criterionId === input.criterionId);
    // Evidence criteria, and a criterion answered by an equivalent it accepts (the equivalent counts once verified).
    const alternative = app.answers[input.criterionId]?.kind === 'alternative' && Boolean(criterion?.alternativeEvidence);
    if (!criterion || criterion.hypothesis !== app.hypothesis || !(criterion.requiresEvidence || alternative)) {
      throw unprocessable('CRITERION_NOT_VERIFIABLE', 'This criterion does not apply to the application or needs no evidence', [
        { path: 'body.criterionId', message: 'Not a criterion needing evidence for this application' },
      ]);
    }
    const now = deps.now();
    const verifications = { ...app.verifications, [input.criterionId]: { outcome: input.outcome, comment: input.comment, by: actor.userId, at: now.toISOString() } };
    const withVerifications = { ...app, verifications };
    const next = bumped(app, now, { verifications, eligibility: eligibilityFor(withVerifications, criteria, app.criteriaVersion, now) });
    await commit(deps.db, actor, [saveApplicationWrite(deps.db, next, app.version)], [
      {
        action: 'application.criterion-verified',
        entityType: 'application',
        entityId: applicationId,
        changes: { criterionId: input.criterionId, outcome: input.outcome, eligibility: next.eligibility.status },
      },
    ], now);
    return { verifications: next.verifications, eligibility: next.eligibility };
  });
}

const DEFAULT_CORRECTION_DAYS = 14;

/** Sends the application back to its applicant as a draft, with a message (outbox) and a date to answer by. */
export async function returnForCorrection(deps: Deps, actor: Principal, applicationId: string, input: z.output<typeof correctionBody>): Promise<CorrectionRequested> {
  return retryChanged(async () => {
    const app = await loadForStaff(deps, actor, applicationId);
    assertNotRecused(app, actor);
    assertInReview(app);
    const { call } = await loadCall(deps, app.callId);
    const now = deps.now();
    const respondBy = input.respondBy ? Date.parse(input.respondBy) : now.getTime() + DEFAULT_CORRECTION_DAYS * 86_400_000;
    if (respondBy <= now.getTime()) {
      throw unprocessable('RESPOND_BY_PASSED', 'The date to answer by must be in the future', [{ path: 'body.respondBy', message: 'In the past' }]);
    }
    const dueAt = new Date(Math.max(respondBy, Date.parse(call.closesAt))).toISOString();
    const round = app.correctionRounds + 1;
    const next = bumped(app, now, {
      status: 'draft',
      correction: { round, message: input.message, requestedBy: actor.userId, requestedAt: now.toISOString(), dueAt },
      correctionRounds: round,
    });
    const text = correctionMessage(call, app, input.message, dueAt, await displayNameOf(deps.db, app.applicantUserId));
    const message = newMessage(
      {
        dedupeKey: `application-correction#${applicationId}#${round}`,
        kind: 'application.correction-requested',
        recipientUserId: app.applicantUserId,
        subject: text.subject,
        body: text.body,
        related: { entityType: 'application', entityId: applicationId },
      },
      now,
    );
    await commit(deps.db, actor, [saveApplicationWrite(deps.db, next, app.version), outboxWrite(deps.db, message)], [
      { action: 'application.returned-for-correction', entityType: 'application', entityId: applicationId, changes: { from: app.status, to: 'draft', round, message: input.message, dueAt } },
    ], now);
    return { status: next.status, correction: next.correction };
  });
}
