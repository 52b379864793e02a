import type { Principal } from '../access/principal';
import { assertAuthorOrStructureReader, assertReferentOf, assertRole, isStaff } from '../access/policy';
import { evaluateEligibility } from '../calls/eligibility';
import { criteriaOf, loadCall, today } from '../calls/use-cases';
import { applicationWindowRefusal, assertHypothesisAccepted } from '../calls/rules';
import type { Answers, Criterion } from '../calls/schemas';
import { counterWrite } from '../calls/repository';
import type { Page, PageQuery } from '../db/pagination';
import { commit, type Write } from '../db/transact';
import { withRetry } from '../db/retry';
import { dossierYearOf, lastDossierNumber, takeDossierNumberWrites } from './dossier-numbers';
import { notFound, unprocessable, type ErrorDetail } from '../errors';
import { displayNamesOf } from '../identity/repository';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import {
  createApplicationWrites,
  getApplication,
  getApplicationDetail,
  listApplicationsOfApplicant,
  listApplicationsOfCall,
  releaseUniquenessWrites,
  saveApplicationWrite,
  staleApplication,
} from './repository';
import { assertDraft, assertSubmittable, assertWithdrawable, correctionWindowOpen, statusOnSubmit } from './rules';
import type { Application, ApplicationEligibility, CreateApplicationInput, ListApplicationsQuery, UpdateApplicationInput } from './schemas';
import { applicantView, applicationSummary, peopleNamedIn, staffView, type ApplicantView, type ApplicationSummary, type StaffApplicationView } from './views';
import { reconcileStructureFacts } from './one-fact';

// ------------------------------------------------------------------------------------------------ helpers

/**
 * Staff actions read, decide and write under a version condition; when another writer got there first
 * (a concurrent decision on the same counter, a reviewer scoring at the same time) they re-read and retry.
 */
export const retryChanged = <T>(run: () => Promise<T>) => withRetry(run, { retryOn: ['TRANSACTION_CONFLICT', 'APPLICATION_CHANGED'] });

/** Reads an application for staff (any), its applicant, or (reading only) its structure's referents; else not found. */
export async function loadApplicationFor(deps: Deps, principal: Principal, applicationId: string, mode: 'read' | 'write', consistent = false): Promise<Application> {
  assertRole(principal, ['staff', 'referent']);
  const app = await getApplication(deps.db, applicationId, consistent);
  if (!app) throw notFound('Application');
  assertAuthorOrStructureReader(principal, { authorUserId: app.applicantUserId, structureId: app.structureId }, mode, 'Application');
  return app;
}

/** Answers must name criteria of the version in force and match their kind. */
function assertAnswersFit(criteria: readonly Criterion[], answers: Record<string, { kind: string } | null>): void {
  const details: ErrorDetail[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    if (answer === null) continue;
    const criterion = criteria.find((c) => c.criterionId === id);
    if (!criterion) details.push({ path: `body.answers.${id}`, message: 'Not a criterion of this call', code: 'UNKNOWN_CRITERION' });
    else if (answer.kind === 'alternative') {
      if (!criterion.alternativeEvidence) details.push({ path: `body.answers.${id}.kind`, message: 'This criterion accepts no equivalent evidence', code: 'ALTERNATIVE_NOT_ACCEPTED' });
    } else if (criterion.kind !== answer.kind) details.push({ path: `body.answers.${id}.kind`, message: `This criterion expects a ${criterion.kind} answer`, code: 'WRONG_ANSWER_KIND' });
  }
  if (details.length) throw unprocessable('INVALID_ANSWER', 'Some answers do not fit the criteria of the call', details);
}

export function eligibilityFor(app: Pick<Application, 'hypothesis' | 'answers' | 'verifications'>, criteria: readonly Criterion[], criteriaVersion: number, now: Date): ApplicationEligibility {
  return {
    ...evaluateEligibility({ criteria, hypothesis: app.hypothesis, answers: app.answers, verifications: app.verifications, today: today(now) }),
    checkedAt: now.toISOString(),
    criteriaVersion,
  };
}

/** A draft can be edited and submitted while the call takes applications, or in answer to a correction request. */
function assertCanWork(app: Application, call: Parameters<typeof applicationWindowRefusal>[0], now: Date): void {
  if (correctionWindowOpen(app, now)) return;
  const refusal = applicationWindowRefusal(call, now);
  if (refusal) throw refusal;
}

// ------------------------------------------------------------------------------------------- applicants

export async function createApplication(
  deps: Deps,
  actor: Principal,
  callId: string,
  input: CreateApplicationInput,
  options: { structureId?: string } = {},
): Promise<ApplicantView> {
  assertRole(actor, ['referent']);
  const bundle = await loadCall(deps, callId, actor);
  const now = deps.now();
  const refusal = applicationWindowRefusal(bundle.call, now);
  if (refusal) throw refusal;
  assertHypothesisAccepted(bundle.call, input.hypothesis);
  if (input.structureId) assertReferentOf(actor, input.structureId);
  const criteria = criteriaOf(bundle);
  assertAnswersFit(criteria, input.answers ?? {});
  const facts = reconcileStructureFacts(criteria, { structure: input.structure, answers: input.answers });
  const at = now.toISOString();
  const base = {
    hypothesis: input.hypothesis ?? null,
    answers: facts.answers as Answers,
    verifications: {},
  };
  const app: Application = {
    applicationId: newId('application'),
    callId,
    seasonId: bundle.call.seasonId,
    applicantUserId: actor.userId,
    // A new structure gets its id now; the seed passes the demo catalogue's ids.
    structureId: options.structureId ?? input.structureId ?? newId('structure'),
    status: 'draft',
    structure: { ...input.structure, ...facts.structure },
    territory: input.territory ?? null,
    ...base,
    prescriber: input.prescriber ?? null,
    people: input.people ?? [],
    referent: input.referent ?? null,
    needs: input.needs ?? [],
    criteriaVersion: bundle.call.criteriaVersion,
    eligibility: eligibilityFor(base, criteria, bundle.call.criteriaVersion, now),
    reviewerUserIds: [],
    recusedUserIds: [],
    reviewScores: {},
    score: null,
    correction: null,
    correctionRounds: 0,
    decision: null,
    decisionPublishedAt: null,
    essaimeId: null,
    dossierNumber: null,
    submittedAt: null,
    withdrawnAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await commit(deps.db, actor, createApplicationWrites(deps.db, app), [
    {
      action: 'application.created',
      entityType: 'application',
      entityId: app.applicationId,
      changes: { callId, structureId: app.structureId, status: 'draft', eligibility: app.eligibility.status },
    },
  ], now);
  return applicantView(app);
}

export async function updateApplication(deps: Deps, actor: Principal, applicationId: string, input: UpdateApplicationInput): Promise<ApplicantView> {
  assertRole(actor, ['referent']);
  const app = await loadApplicationFor(deps, actor, applicationId, 'write');
  assertDraft(app);
  const bundle = await loadCall(deps, app.callId);
  const now = deps.now();
  assertCanWork(app, bundle.call, now);
  const { expectedVersion, answers: answerChanges, ...sections } = input;
  if (sections.hypothesis !== undefined) assertHypothesisAccepted(bundle.call, sections.hypothesis);
  const criteria = criteriaOf(bundle);
  assertAnswersFit(criteria, answerChanges ?? {});
  const facts = reconcileStructureFacts(criteria, { structure: sections.structure, answers: answerChanges }, { structure: app.structure });
  if (facts.structure) sections.structure = { ...app.structure, ...facts.structure, name: facts.structure.name ?? app.structure.name };
  const answers: Answers = { ...app.answers };
  const verifications = { ...app.verifications };
  for (const [id, answer] of Object.entries(facts.answers)) {
    // A changed answer must be checked again by staff.
    if (JSON.stringify(answers[id]) !== JSON.stringify(answer ?? undefined)) delete verifications[id];
    if (answer === null) delete answers[id];
    else answers[id] = answer;
  }
  const merged: Application = { ...app, ...sections, answers, verifications };
  const next: Application = {
    ...merged,
    criteriaVersion: bundle.call.criteriaVersion,
    eligibility: eligibilityFor(merged, criteria, bundle.call.criteriaVersion, now),
    version: expectedVersion + 1,
    updatedAt: now.toISOString(),
  };
  await commit(deps.db, actor, [saveApplicationWrite(deps.db, next, expectedVersion, staleApplication())], [
    {
      action: 'application.updated',
      entityType: 'application',
      entityId: applicationId,
      changes: { sections: Object.keys(sections), answers: Object.keys(answerChanges ?? {}), eligibility: next.eligibility.status },
    },
  ], now);
  return applicantView(next);
}

/**
 * Submission: in the call's window (or a correction's), complete and eligible against the criteria in force.
 * The first submission gives the dossier its number in the same transaction (dossier-numbers.ts); a
 * submission that met another one taking the same number re-reads and takes the next.
 */
export async function submitApplication(deps: Deps, actor: Principal, applicationId: string): Promise<ApplicantView> {
  assertRole(actor, ['referent']);
  return withRetry(() => submitOnce(deps, actor, applicationId), { retryOn: ['TRANSACTION_CONFLICT'], attempts: 40 });
}

async function submitOnce(deps: Deps, actor: Principal, applicationId: string): Promise<ApplicantView> {
  const app = await loadApplicationFor(deps, actor, applicationId, 'write', true);
  assertDraft(app);
  const bundle = await loadCall(deps, app.callId);
  const now = deps.now();
  assertCanWork(app, bundle.call, now);
  const criteria = criteriaOf(bundle);
  const eligibility = eligibilityFor(app, criteria, bundle.call.criteriaVersion, now);
  assertSubmittable(app, eligibility);
  const writes: Write[] = [];
  let dossierNumber = app.dossierNumber;
  if (!dossierNumber) {
    const year = dossierYearOf(now);
    const taken = takeDossierNumberWrites(deps.db, year, await lastDossierNumber(deps.db, year), applicationId);
    dossierNumber = taken.dossierNumber;
    writes.push(...taken.writes);
  }
  const next: Application = {
    ...app,
    status: statusOnSubmit(app),
    criteriaVersion: bundle.call.criteriaVersion,
    eligibility,
    correction: null,
    dossierNumber,
    submittedAt: now.toISOString(),
    version: app.version + 1,
    updatedAt: now.toISOString(),
  };
  writes.push(saveApplicationWrite(deps.db, next, app.version, staleApplication()));
  await commit(deps.db, actor, writes, [
    {
      action: 'application.submitted',
      entityType: 'application',
      entityId: applicationId,
      changes: { from: app.status, to: next.status, criteriaVersion: next.criteriaVersion, correctionRound: app.correction?.round ?? null, dossierNumber },
    },
  ], now);
  return applicantView(next);
}

export async function withdrawApplication(deps: Deps, actor: Principal, applicationId: string): Promise<ApplicantView> {
  assertRole(actor, ['referent']);
  return retryChanged(async () => {
    const app = await loadApplicationFor(deps, actor, applicationId, 'write', true);
    assertWithdrawable(app);
    const now = deps.now();
    const writes: Write[] = [];
    if (app.status === 'selected') {
      const bundle = await loadCall(deps, app.callId);
      writes.push(counterWrite(deps.db, app.callId, -1, bundle.max));
    }
    const next: Application = { ...app, status: 'withdrawn', withdrawnAt: now.toISOString(), version: app.version + 1, updatedAt: now.toISOString() };
    writes.push(saveApplicationWrite(deps.db, next, app.version), ...releaseUniquenessWrites(deps.db, app));
    await commit(deps.db, actor, writes, [
      { action: 'application.withdrawn', entityType: 'application', entityId: applicationId, changes: { from: app.status, to: 'withdrawn' } },
    ], now);
    return applicantView(next);
  });
}

// ---------------------------------------------------------------------------------------------- reading

/** Staff get the whole record with reviews and private notes; the applicant gets the applicant's view. */
export async function readApplication(deps: Deps, principal: Principal, applicationId: string): Promise<StaffApplicationView | ApplicantView> {
  if (isStaff(principal)) {
    const { application, reviews, notes } = await getApplicationDetail(deps.db, applicationId);
    if (!application) throw notFound('Application');
    return staffView(principal, application, reviews, notes, await displayNamesOf(deps.db, peopleNamedIn(application, reviews, notes)));
  }
  return applicantView(await loadApplicationFor(deps, principal, applicationId, 'read'));
}

export async function readEligibility(deps: Deps, principal: Principal, applicationId: string): Promise<ApplicationEligibility> {
  const app = await loadApplicationFor(deps, principal, applicationId, 'read');
  return app.eligibility;
}

export async function listMyApplications(deps: Deps, principal: Principal, page: PageQuery): Promise<Page<ApplicantView>> {
  assertRole(principal, ['referent']);
  const result = await listApplicationsOfApplicant(deps.db, principal.userId, page);
  return { items: result.items.map(applicantView), nextCursor: result.nextCursor };
}

/** The staff's ranked, filtered, paginated list of a call's applications. */
export async function listCallApplications(deps: Deps, principal: Principal, callId: string, query: ListApplicationsQuery): Promise<Page<ApplicationSummary>> {
  assertRole(principal, ['staff']);
  return readCallApplications(deps, callId, query);
}

/** The ranked page of a call (404 when the call does not exist), call and page read at once: staff only, checked by the caller. */
export async function readCallApplications(deps: Deps, callId: string, query: ListApplicationsQuery): Promise<Page<ApplicationSummary>> {
  const [, page] = await Promise.all([loadCall(deps, callId), listApplicationsOfCall(deps.db, callId, query)]);
  return { items: page.items.map(applicationSummary), nextCursor: page.nextCursor };
}
