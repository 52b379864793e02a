import { conflict, unprocessable, type DomainError } from '../errors';
import type { Hypothesis } from '../seasons/schemas';
import type { Call, Criterion } from './schemas';

/**
 * Pure rules of a call's life: draft (criteria editable) → open (criteria frozen; applications accepted
 * between opensAt and closesAt) → closed (no submission; decisions published).
 */

/** Why a call does not take applications at `now`, or null when it does. */
export function applicationWindowRefusal(call: Pick<Call, 'status' | 'opensAt' | 'closesAt'>, now: Date): DomainError | null {
  if (call.status === 'draft') return conflict('CALL_NOT_OPEN', 'The call is not open yet');
  if (call.status === 'closed' || now.getTime() >= Date.parse(call.closesAt)) {
    return conflict('CALL_CLOSED', `The call closed on ${call.closesAt}; no application can be submitted any more`);
  }
  if (now.getTime() < Date.parse(call.opensAt)) return conflict('CALL_NOT_YET_OPEN', `The call opens on ${call.opensAt}`);
  return null;
}

export function isAcceptingApplications(call: Pick<Call, 'status' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  return applicationWindowRefusal(call, now) === null;
}

/** Closed in fact: closed by staff, or past its closing date. Decisions are published only then. */
export function isPastClosing(call: Pick<Call, 'status' | 'closesAt'>, now: Date): boolean {
  return call.status === 'closed' || now.getTime() >= Date.parse(call.closesAt);
}

/** Criteria, hypotheses and rubric can change only while the call is a draft. */
export function assertEditableSetup(call: Pick<Call, 'status'>, what: 'criteria' | 'hypotheses' | 'rubric'): void {
  if (call.status === 'draft') return;
  if (what === 'criteria') {
    throw conflict('CRITERIA_FROZEN', 'The criteria are frozen since the call opened; create a new criteria version instead', [
      { path: 'body.criteria', message: 'Frozen once the call is open' },
    ]);
  }
  throw conflict('CALL_FROZEN', `The ${what} of a call cannot change once it is open`, [{ path: `body.${what}`, message: 'Frozen once the call is open' }]);
}

/** A new criteria version is for an open (or closed) call; a draft's criteria are edited in place. */
export function assertCanVersionCriteria(call: Pick<Call, 'status'>): void {
  if (call.status === 'draft') {
    throw conflict('CALL_NOT_OPEN', 'The call is still a draft: edit its criteria directly (PUT /calls/{callId}/criteria)');
  }
}

/** Opening needs at least one criterion for each accepted hypothesis, and a closing date still ahead. */
export function openingRefusal(call: Pick<Call, 'status' | 'hypotheses' | 'closesAt'>, criteria: readonly Criterion[], now: Date): DomainError | null {
  if (call.status !== 'draft') return conflict('CALL_ALREADY_OPEN', 'The call has already been opened');
  const uncovered = call.hypotheses.filter((h) => !criteria.some((c) => c.hypothesis === h));
  if (uncovered.length > 0) {
    return unprocessable(
      'CRITERIA_MISSING',
      `No criterion for hypothesis ${uncovered.join(', ')}`,
      uncovered.map((h) => ({ path: 'criteria', message: `Add at least one criterion for hypothesis ${h}` })),
    );
  }
  if (now.getTime() >= Date.parse(call.closesAt)) {
    return unprocessable('CLOSING_DATE_PASSED', 'The closing date has passed; move it before opening', [{ path: 'closesAt', message: 'In the past' }]);
  }
  return null;
}

export function assertHypothesisAccepted(call: Pick<Call, 'hypotheses'>, hypothesis: Hypothesis | null | undefined, path = 'body.hypothesis'): void {
  if (hypothesis && !call.hypotheses.includes(hypothesis)) {
    throw unprocessable('HYPOTHESIS_NOT_ACCEPTED', `This call accepts hypothesis ${call.hypotheses.join(' and ')} only`, [
      { path, message: `Not accepted by this call` },
    ]);
  }
}
