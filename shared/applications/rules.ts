import type { EligibilityResult } from '../calls/eligibility';
import { pendingVerifications } from '../calls/eligibility';
import type { RubricItem } from '../calls/schemas';
import { SCORE_MAX } from '../calls/schemas';
import { conflict, unprocessable, type ErrorDetail } from '../errors';
import type { Application, ApplicationStatus, DecisionOutcome } from './schemas';

/**
 * Pure rules of an application's life (no I/O; unit-tested):
 *   draft → submitted → under_review → selected | waitlisted | rejected   (decisions revisable until published)
 *   submitted | under_review → draft   (sent back for correction)
 *   draft | submitted | under_review | decided-unpublished → withdrawn   (by the applicant)
 * Eligibility itself is decided in shared/calls/eligibility.ts.
 */

/** Whatever an application needs besides eligible answers before it can be submitted. */
export function completenessGaps(app: Pick<Application, 'structure' | 'territory' | 'hypothesis' | 'prescriber' | 'people' | 'referent' | 'needs'>): ErrorDetail[] {
  const gaps: ErrorDetail[] = [];
  const need = (path: string, message: string) => gaps.push({ path, message, code: 'MISSING' });
  const s = app.structure;
  if (!s.legalForm) need('structure.legalForm', 'Forme juridique à renseigner.');
  if (!s.address) need('structure.address', 'Adresse à renseigner.');
  if (s.staffFte === undefined) need('structure.staffFte', 'Effectif en ETP à renseigner.');
  if (!s.budgetSituation) need('structure.budgetSituation', 'Situation budgétaire à renseigner.');
  if (!s.missions) need('structure.missions', 'Missions à décrire.');
  if (!s.publicServed) need('structure.publicServed', 'Public accompagné à décrire.');
  if (!s.speRelations) need('structure.speRelations', 'Relations avec le service public de l’emploi à décrire.');
  if (!app.territory) need('territory', 'Territoire à renseigner.');
  if (!app.hypothesis) need('hypothesis', 'Hypothèse (A ou B) à choisir.');
  if (app.hypothesis === 'A' && !app.prescriber) need('prescriber', 'Prescripteur public à renseigner (hypothèse A).');
  if (app.people.length === 0) need('people', 'Au moins une personne à former (trois au plus).');
  if (!app.referent) need('referent', 'Référent ou référente à désigner.');
  if (app.needs.length === 0) need('needs', 'Au moins un besoin du territoire, sur l’un des cinq axes.');
  return gaps;
}

/** Refuses a submission that is incomplete or not eligible, with every reason at once. */
export function assertSubmittable(app: Parameters<typeof completenessGaps>[0], eligibility: EligibilityResult): void {
  const criteria: ErrorDetail[] = eligibility.reasons.map((r) => ({
    path: r.criterionId ? `answers.${r.criterionId}` : 'hypothesis',
    message: r.reason,
    code: r.code,
  }));
  const gaps = completenessGaps(app);
  if (eligibility.status === 'ineligible') {
    throw unprocessable('APPLICATION_INELIGIBLE', 'The application does not meet every criterion', [...criteria, ...gaps]);
  }
  if (eligibility.status === 'incomplete' || gaps.length > 0) {
    const details = [...criteria, ...gaps].filter((d, i, all) => all.findIndex((o) => o.path === d.path) === i);
    throw unprocessable('APPLICATION_INCOMPLETE', 'The application is not complete', details);
  }
}

// ------------------------------------------------------------------------------------------------ scores

/** One reviewer's weighted score on a 0–100 scale, one decimal: Σ(weight × score) / Σ(weight × max). */
export function weightedScore(rubric: readonly RubricItem[], scores: Record<string, number>): number {
  const total = rubric.reduce((sum, item) => sum + item.weight * (scores[item.itemId] ?? 0), 0);
  const max = rubric.reduce((sum, item) => sum + item.weight * SCORE_MAX, 0);
  return max === 0 ? 0 : Math.round((total / max) * 1000) / 10;
}

/** The scores must cover the rubric exactly: every item, nothing else. */
export function rubricMismatch(rubric: readonly RubricItem[], scores: Record<string, number>): ErrorDetail[] {
  const ids = new Set(rubric.map((r) => r.itemId));
  return [
    ...rubric.filter((r) => scores[r.itemId] === undefined).map((r) => ({ path: `body.scores.${r.itemId}`, message: `Score missing for « ${r.label} »`, code: 'MISSING' })),
    ...Object.keys(scores).filter((k) => !ids.has(k)).map((k) => ({ path: `body.scores.${k}`, message: 'Not an item of the rubric', code: 'UNKNOWN_ITEM' })),
  ];
}

/** The application's score: mean of its reviewers' weighted scores (recused reviewers do not count). */
export function applicationScore(reviewScores: Record<string, number>): number | null {
  const values = Object.values(reviewScores);
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/**
 * Sort key of the ranked list: best score first when read descending; unscored applications after every
 * scored one. `S` + score × 10 on 4 digits (000.0–100.0 → 0000–1000).
 */
export function rankKey(score: number | null, applicationId: string): string {
  if (score === null) return `N#${applicationId}`;
  return `S${String(Math.round(score * 10)).padStart(4, '0')}#${applicationId}`;
}

/** Key-condition bounds for "score ≥ min" on the rank key. */
export function rankKeyRange(minScore: number): { from: string; to: string } {
  return { from: `S${String(Math.round(minScore * 10)).padStart(4, '0')}`, to: 'S9999~' };
}

// ------------------------------------------------------------------------------------------- transitions

export const decidedStatuses: readonly ApplicationStatus[] = ['selected', 'waitlisted', 'rejected'];
const inReview: readonly ApplicationStatus[] = ['submitted', 'under_review'];

export function isDecided(app: Pick<Application, 'status'>): boolean {
  return decidedStatuses.includes(app.status);
}

/** Staff review actions (assignments, scores, verifications, notes) need a submitted application. */
export function assertInReview(app: Pick<Application, 'status' | 'decisionPublishedAt'>, options: { allowDecided?: boolean } = {}): void {
  if (inReview.includes(app.status)) return;
  if (options.allowDecided && isDecided(app) && !app.decisionPublishedAt) return;
  throw conflict('APPLICATION_NOT_IN_REVIEW', `The application is ${app.status}`);
}

export function assertDraft(app: Pick<Application, 'status'>): void {
  if (app.status !== 'draft') throw conflict('APPLICATION_NOT_DRAFT', `The application is ${app.status}; only a draft can be edited or submitted`);
}

/** The status an application gets when (re)submitted: under review if reviewers are already assigned. */
export function statusOnSubmit(app: Pick<Application, 'reviewerUserIds'>): ApplicationStatus {
  return app.reviewerUserIds.length > 0 ? 'under_review' : 'submitted';
}

export interface DecisionPlan {
  /** Change of the call's selected counter: +1 takes a place (conditional on the cap), −1 frees one. */
  counterDelta: -1 | 0 | 1;
  /** The outcome replaces a published one (a waitlisted application promoted or turned down). */
  republish: boolean;
}

/**
 * Which decisions may be taken on an application, and what they do to the call's counter. Decisions are
 * revisable until published; once published, only a waitlisted application may be decided again.
 */
export function planDecision(app: Pick<Application, 'status' | 'decisionPublishedAt' | 'decision'>, outcome: DecisionOutcome): DecisionPlan {
  if (app.decisionPublishedAt) {
    if (app.status !== 'waitlisted') throw conflict('DECISION_PUBLISHED', 'The decision on this application is published and final');
  } else if (!inReview.includes(app.status) && !isDecided(app)) {
    throw conflict('APPLICATION_NOT_IN_REVIEW', `The application is ${app.status}; only a submitted application can be decided`);
  }
  if (app.decision?.outcome === outcome && app.status === outcome) {
    throw conflict('DECISION_UNCHANGED', `The application is already ${outcome}`);
  }
  const wasSelected = app.status === 'selected';
  const willBeSelected = outcome === 'selected';
  return { counterDelta: wasSelected === willBeSelected ? 0 : willBeSelected ? 1 : -1, republish: Boolean(app.decisionPublishedAt) };
}

/** Selection needs an eligible application whose evidence has been checked. */
export function assertSelectable(eligibility: EligibilityResult): void {
  if (eligibility.status !== 'eligible') {
    throw unprocessable(
      'APPLICATION_INELIGIBLE',
      'An ineligible application cannot be selected',
      eligibility.reasons.map((r) => ({ path: r.criterionId ? `answers.${r.criterionId}` : 'hypothesis', message: r.reason, code: r.code })),
    );
  }
  const pending = pendingVerifications(eligibility);
  if (pending.length > 0) {
    throw unprocessable(
      'VERIFICATION_PENDING',
      'Some criteria still need staff verification before selection',
      pending.map((id) => ({ path: `verifications.${id}`, message: 'Not verified yet', code: 'PENDING' })),
    );
  }
}

export function assertWithdrawable(app: Pick<Application, 'status' | 'decisionPublishedAt'>): void {
  if (app.status === 'withdrawn') throw conflict('APPLICATION_WITHDRAWN', 'The application is already withdrawn');
  if (app.decisionPublishedAt) throw conflict('DECISION_PUBLISHED', 'The decision is published; contact Ansa to withdraw');
}

/** After its closing date a call takes no submission, except the answer to a correction request in time. */
export function correctionWindowOpen(app: Pick<Application, 'correction'>, now: Date): boolean {
  return app.correction !== null && now.getTime() < Date.parse(app.correction.dueAt);
}
