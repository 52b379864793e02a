import { isStaff } from '../access/policy';
import type { Principal } from '../access/principal';
import { parisDay } from '../calendar';
import type { Page, PageQuery } from '../db/pagination';
import { commit, type Write } from '../db/transact';
import { conflict, notFound, unprocessable } from '../errors';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { getSeason } from '../seasons/repository';
import { defaultCriteriaFor, defaultRubricCopy } from './defaults';
import { evaluateEligibility, type EligibilityResult } from './eligibility';
import {
  createCallWrites,
  getCallBundle,
  listCalls,
  putCriteriaWrite,
  setCapacityWrite,
  updateCallWrite,
  type CallBundle,
} from './repository';
import { assertCanVersionCriteria, assertEditableSetup, assertHypothesisAccepted, isAcceptingApplications, openingRefusal } from './rules';
import type { Call, CallSummary, CallView, CreateCallInput, CriteriaVersion, CriteriaVersionsView, Criterion, UpdateCallInput } from './schemas';
import type { z } from 'zod/mini';
import type { eligibilityPreviewBody, newCriteriaVersionBody, replaceCriteriaBody } from './schemas';

/** Today in France: a signature dated today in Paris is valid even when it is still yesterday in UTC. */
export const today = (now: Date) => parisDay(now);

/** The call's bundle or a 404; referents and tutors never see a draft call. */
export async function loadCall(deps: Deps, callId: string, principal?: Principal, consistent = false): Promise<CallBundle> {
  const bundle = await getCallBundle(deps.db, callId, consistent);
  if (!bundle) throw notFound('Call');
  if (principal && !isStaff(principal) && bundle.call.status === 'draft') throw notFound('Call');
  return bundle;
}

export function criteriaOf(bundle: CallBundle, version = bundle.call.criteriaVersion): Criterion[] {
  const found = bundle.versions.find((v) => v.version === version);
  if (!found) throw new Error(`Criteria version ${version} of call ${bundle.call.callId} is missing`);
  return found.criteria;
}

/** A call as the API shows it; who created it is in the audit trail, not in the answer. */
export function callSummary(call: Call): CallSummary {
  const { createdBy: _createdBy, ...summary } = call;
  return summary;
}

export function callView(bundle: CallBundle, now: Date): CallView {
  return {
    ...callSummary(bundle.call),
    criteria: criteriaOf(bundle),
    selectedCount: bundle.selectedCount,
    belowMinimum: bundle.selectedCount < bundle.call.capacity.min,
    acceptingApplications: isAcceptingApplications(bundle.call, now),
  };
}

export async function createCall(deps: Deps, actor: Principal, input: CreateCallInput): Promise<CallView> {
  const season = await getSeason(deps.db, input.seasonId);
  if (!season) throw unprocessable('SEASON_NOT_FOUND', 'No such season', [{ path: 'body.seasonId', message: 'Unknown season' }]);
  const outside = input.hypotheses.filter((h) => !season.hypotheses.includes(h));
  if (outside.length > 0) {
    throw unprocessable('HYPOTHESIS_NOT_IN_SEASON', `The season retained hypothesis ${season.hypotheses.join(' and ')} only`, [
      { path: 'body.hypotheses', message: `Not retained for the season: ${outside.join(', ')}` },
    ]);
  }
  const now = deps.now().toISOString();
  const call: Call = {
    callId: newId('call'),
    seasonId: input.seasonId,
    title: input.title,
    description: input.description,
    hypotheses: input.hypotheses,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    capacity: input.capacity ?? { min: 5, max: 10 },
    rubric: input.rubric ?? defaultRubricCopy(),
    status: 'draft',
    criteriaVersion: 1,
    openedAt: null,
    closedAt: null,
    decisionsPublishedAt: null,
    createdBy: actor.userId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const criteria: CriteriaVersion = {
    callId: call.callId,
    version: 1,
    criteria: input.criteria ?? defaultCriteriaFor(input.hypotheses),
    reason: input.criteria ? 'Critères saisis à la création' : "Critères par défaut de l'étude de faisabilité",
    createdAt: now,
    createdBy: actor.userId,
  };
  await commit(
    deps.db,
    actor,
    createCallWrites(deps.db, call, criteria),
    [
      { action: 'call.created', entityType: 'call', entityId: call.callId, changes: { ...call } },
      { action: 'call.criteria-version-created', entityType: 'call', entityId: call.callId, changes: { version: 1, criterionIds: criteria.criteria.map((c) => c.criterionId) } },
    ],
    deps.now(),
  );
  return callView({ call, selectedCount: 0, max: call.capacity.max, versions: [criteria] }, deps.now());
}

export async function readCall(deps: Deps, principal: Principal, callId: string): Promise<CallView> {
  return callView(await loadCall(deps, callId, principal), deps.now());
}

export async function listVisibleCalls(deps: Deps, principal: Principal, query: PageQuery & { seasonId?: string }): Promise<Page<CallSummary>> {
  const page = await listCalls(deps.db, { limit: query.limit, cursor: query.cursor }, { seasonId: query.seasonId, includeDrafts: isStaff(principal) });
  return { items: page.items.map(callSummary), nextCursor: page.nextCursor };
}

export async function updateCall(deps: Deps, actor: Principal, callId: string, input: UpdateCallInput): Promise<CallView> {
  const bundle = await loadCall(deps, callId);
  const { expectedVersion, ...changes } = input;
  const current = bundle.call;
  if (changes.hypotheses && JSON.stringify(changes.hypotheses) !== JSON.stringify(current.hypotheses)) assertEditableSetup(current, 'hypotheses');
  if (changes.rubric && JSON.stringify(changes.rubric) !== JSON.stringify(current.rubric)) assertEditableSetup(current, 'rubric');
  if (changes.opensAt && changes.opensAt !== current.opensAt && current.status !== 'draft') {
    throw conflict('CALL_ALREADY_OPEN', 'The opening date of an open call cannot move', [{ path: 'body.opensAt', message: 'The call is open' }]);
  }
  const next: Call = { ...current, ...changes, version: expectedVersion + 1, updatedAt: deps.now().toISOString() };
  if (Date.parse(next.closesAt) <= Date.parse(next.opensAt)) {
    throw unprocessable('INVALID_DATES', 'The closing date must come after the opening date', [{ path: 'body.closesAt', message: 'Before the opening date' }]);
  }
  if (changes.hypotheses) {
    const season = await getSeason(deps.db, current.seasonId);
    const outside = changes.hypotheses.filter((h) => !(season?.hypotheses ?? []).includes(h));
    if (outside.length > 0) {
      throw unprocessable('HYPOTHESIS_NOT_IN_SEASON', 'Hypothesis not retained for the season', [{ path: 'body.hypotheses', message: outside.join(', ') }]);
    }
  }
  const writes: Write[] = [updateCallWrite(deps.db, next, expectedVersion)];
  if (changes.capacity && changes.capacity.max !== bundle.max) writes.push(setCapacityWrite(deps.db, callId, changes.capacity.max));
  await commit(deps.db, actor, writes, [{ action: 'call.updated', entityType: 'call', entityId: callId, changes }], deps.now());
  return callView({ ...bundle, call: next, max: changes.capacity?.max ?? bundle.max }, deps.now());
}

/** Edits the criteria in place: only while the call is a draft (the call's version guards the status). */
export async function replaceCriteria(deps: Deps, actor: Principal, callId: string, input: z.output<typeof replaceCriteriaBody>): Promise<CallView> {
  const bundle = await loadCall(deps, callId);
  assertEditableSetup(bundle.call, 'criteria');
  const current = bundle.versions.find((v) => v.version === bundle.call.criteriaVersion)!;
  const nextVersion: CriteriaVersion = { ...current, criteria: input.criteria, createdAt: deps.now().toISOString(), createdBy: actor.userId };
  const nextCall: Call = { ...bundle.call, version: input.expectedVersion + 1, updatedAt: deps.now().toISOString() };
  await commit(
    deps.db,
    actor,
    [updateCallWrite(deps.db, nextCall, input.expectedVersion, 'draft'), putCriteriaWrite(deps.db, nextVersion, true)],
    [{ action: 'call.criteria-replaced', entityType: 'call', entityId: callId, changes: { version: current.version, criterionIds: input.criteria.map((c) => c.criterionId) } }],
    deps.now(),
  );
  return callView({ ...bundle, call: nextCall, versions: bundle.versions.map((v) => (v.version === current.version ? nextVersion : v)) }, deps.now());
}

/**
 * Changes frozen criteria by creating a new version. Drafts move to it at their next save; submitted
 * applications keep the version they were checked against.
 */
export async function createCriteriaVersion(deps: Deps, actor: Principal, callId: string, input: z.output<typeof newCriteriaVersionBody>): Promise<CallView> {
  const bundle = await loadCall(deps, callId);
  assertCanVersionCriteria(bundle.call);
  const version: CriteriaVersion = {
    callId,
    version: bundle.call.criteriaVersion + 1,
    criteria: input.criteria,
    reason: input.reason,
    createdAt: deps.now().toISOString(),
    createdBy: actor.userId,
  };
  const uncovered = bundle.call.hypotheses.filter((h) => !input.criteria.some((c) => c.hypothesis === h));
  if (uncovered.length > 0) {
    throw unprocessable('CRITERIA_MISSING', `No criterion for hypothesis ${uncovered.join(', ')}`, [{ path: 'body.criteria', message: 'Each accepted hypothesis needs a criterion' }]);
  }
  const nextCall: Call = { ...bundle.call, criteriaVersion: version.version, version: input.expectedVersion + 1, updatedAt: deps.now().toISOString() };
  await commit(
    deps.db,
    actor,
    [updateCallWrite(deps.db, nextCall, input.expectedVersion), putCriteriaWrite(deps.db, version, false)],
    [{ action: 'call.criteria-version-created', entityType: 'call', entityId: callId, changes: { version: version.version, reason: input.reason, criterionIds: input.criteria.map((c) => c.criterionId) } }],
    deps.now(),
  );
  return callView({ ...bundle, call: nextCall, versions: [...bundle.versions, version] }, deps.now());
}

export async function listCriteriaVersions(deps: Deps, principal: Principal, callId: string): Promise<CriteriaVersionsView> {
  const bundle = await loadCall(deps, callId, principal);
  return { currentVersion: bundle.call.criteriaVersion, versions: bundle.versions.map(({ createdBy: _createdBy, ...version }) => version) };
}

export async function openCall(deps: Deps, actor: Principal, callId: string): Promise<CallView> {
  const bundle = await loadCall(deps, callId);
  const refusal = openingRefusal(bundle.call, criteriaOf(bundle), deps.now());
  if (refusal) throw refusal;
  const now = deps.now().toISOString();
  const next: Call = { ...bundle.call, status: 'open', openedAt: now, version: bundle.call.version + 1, updatedAt: now };
  await commit(deps.db, actor, [updateCallWrite(deps.db, next, bundle.call.version, 'draft')], [
    { action: 'call.opened', entityType: 'call', entityId: callId, changes: { status: 'open', criteriaVersion: next.criteriaVersion } },
  ], deps.now());
  return callView({ ...bundle, call: next }, deps.now());
}

export async function closeCall(deps: Deps, actor: Principal, callId: string): Promise<CallView> {
  const bundle = await loadCall(deps, callId);
  if (bundle.call.status !== 'open') {
    throw conflict(bundle.call.status === 'draft' ? 'CALL_NOT_OPEN' : 'CALL_ALREADY_CLOSED', `The call is ${bundle.call.status}`);
  }
  const now = deps.now().toISOString();
  const next: Call = { ...bundle.call, status: 'closed', closedAt: now, version: bundle.call.version + 1, updatedAt: now };
  await commit(deps.db, actor, [updateCallWrite(deps.db, next, bundle.call.version, 'open')], [
    { action: 'call.closed', entityType: 'call', entityId: callId, changes: { status: 'closed' } },
  ], deps.now());
  return callView({ ...bundle, call: next }, deps.now());
}

/** Live eligibility before (or without) saving: the same rules as a saved application, nothing written. */
export async function previewEligibility(deps: Deps, principal: Principal, callId: string, input: z.output<typeof eligibilityPreviewBody>): Promise<EligibilityResult> {
  const bundle = await loadCall(deps, callId, principal);
  assertHypothesisAccepted(bundle.call, input.hypothesis);
  return evaluateEligibility({ criteria: criteriaOf(bundle), hypothesis: input.hypothesis, answers: input.answers, today: today(deps.now()) });
}

