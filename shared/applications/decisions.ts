import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { assertRole } from '../access/policy';
import { counterWrite, updateCallWrite } from '../calls/repository';
import { isPastClosing } from '../calls/rules';
import type { Call, PublicationReport } from '../calls/schemas';
import { loadCall } from '../calls/use-cases';
import { commit, type AuditEntry, type Write } from '../db/transact';
import { conflict, DomainError, forbidden, notFound } from '../errors';
import { createEssaimeWrites, listEssaimesOfStructure } from '../essaimes/repository';
import type { Essaime, Participant } from '../essaimes/schemas';
import { newId } from '../ids';
import { logger } from '../logger';
import { displayNameOf } from '../notifications/letter';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { decisionMessage } from './messages';
import { getApplication, listApplicationsInStatus, saveApplicationWrite } from './repository';
import { assertSelectable, decidedStatuses, planDecision } from './rules';
import type { Application, ApplicationStatus, decisionBody, DecisionOutcome } from './schemas';
import { retryChanged } from './use-cases';

/**
 * Decisions and their publication.
 *
 * Deciding writes, in ONE transaction, the application (under its version) and — when a place is taken or
 * freed — the call's counter item, whose update is conditional on `selected < max`. However many staff
 * decide at once, DynamoDB lets at most `max` selections land; the others fail with CALL_FULL (a transaction
 * that merely collided with another is retried after re-reading).
 *
 * The essaimé is created at PUBLICATION, not at selection, in the same transaction as the published
 * decision and its outbox message: decisions stay revisable (selected ↔ waitlisted) until published
 * without creating and deleting essaimés, participants and memberships, and the applicant gets the referent
 * role on the structure exactly when told — never before the decision is official.
 */
export async function decide(deps: Deps, actor: Principal, applicationId: string, input: z.output<typeof decisionBody>): Promise<Application> {
  assertRole(actor, ['staff']);
  return retryChanged(async () => {
    const app = await getApplication(deps.db, applicationId, true);
    if (!app) throw notFound('Application');
    if (app.recusedUserIds.includes(actor.userId)) throw forbidden('RECUSED_FROM_APPLICATION', 'You declared a conflict of interest on this application');
    const plan = planDecision(app, input.outcome);
    const bundle = await loadCall(deps, app.callId);
    if (input.outcome === 'selected') {
      assertSelectable(app.eligibility);
      const essaimes = await listEssaimesOfStructure(deps.db, app.structureId);
      if (essaimes.some((e) => e.seasonId === app.seasonId)) throw conflict('ESSAIME_EXISTS', 'This structure is already an essaimé of the season');
    }
    const now = deps.now();
    const next: Application = {
      ...app,
      status: input.outcome,
      decision: { outcome: input.outcome, rationale: input.rationale, decidedBy: actor.userId, decidedAt: now.toISOString() },
      decisionPublishedAt: null,
      version: app.version + 1,
      updatedAt: now.toISOString(),
    };
    const writes: Write[] = [saveApplicationWrite(deps.db, next, app.version)];
    if (plan.counterDelta !== 0) writes.push(counterWrite(deps.db, app.callId, plan.counterDelta, bundle.max));
    await commit(deps.db, actor, writes, [
      {
        action: 'application.decided',
        entityType: 'application',
        entityId: applicationId,
        changes: { from: app.status, to: input.outcome, rationale: input.rationale, counterDelta: plan.counterDelta, revisesPublished: plan.republish },
      },
    ], now);
    return next;
  });
}

function essaimeFrom(app: Application, essaimeId: string, at: string): { essaime: Essaime; participants: Participant[] } {
  if (!app.territory || !app.hypothesis || !app.structure.legalForm) throw new Error(`Submitted application ${app.applicationId} lacks its territory, hypothesis or legal form`);
  const essaime: Essaime = {
    essaimeId,
    seasonId: app.seasonId,
    callId: app.callId,
    applicationId: app.applicationId,
    structureId: app.structureId,
    structureName: app.structure.name,
    legalForm: app.structure.legalForm,
    territory: app.territory,
    hypothesis: app.hypothesis,
    referentUserId: app.applicantUserId,
    needs: app.needs,
    activeParticipantCount: app.people.length,
    tutorUserId: null,
    createdAt: at,
    version: 1,
  };
  const participants: Participant[] = app.people.map((p) => ({
    ...p,
    participantId: newId('participant'),
    essaimeId,
    structureId: app.structureId,
    active: true,
    since: at,
    until: null,
    replacedBy: null,
  }));
  return { essaime, participants };
}

/** Publishes one decided application: the decision, its message and, for a selection, the essaimé — one transaction. */
async function publishOne(deps: Deps, actor: Principal, call: Call, applicationId: string): Promise<{ outcome: DecisionOutcome; essaimeId: string | null } | null> {
  const app = await getApplication(deps.db, applicationId, true);
  if (!app?.decision || app.decisionPublishedAt || !decidedStatuses.includes(app.status)) return null;
  const now = deps.now();
  const at = now.toISOString();
  const outcome = app.decision.outcome;
  const essaimeId = outcome === 'selected' ? newId('essaime') : null;
  const next: Application = { ...app, decisionPublishedAt: at, essaimeId: essaimeId ?? app.essaimeId, version: app.version + 1, updatedAt: at };
  const text = decisionMessage(call, app, outcome, app.decision.rationale, await displayNameOf(deps.db, app.applicantUserId));
  const message = newMessage(
    {
      dedupeKey: `application-decision#${applicationId}#${outcome}`,
      kind: `application.${outcome}`,
      recipientUserId: app.applicantUserId,
      subject: text.subject,
      body: text.body,
      related: { entityType: 'application', entityId: applicationId },
    },
    now,
  );
  const writes: Write[] = [saveApplicationWrite(deps.db, next, app.version), outboxWrite(deps.db, message)];
  const audit: AuditEntry[] = [
    { action: 'application.decision-published', entityType: 'application', entityId: applicationId, changes: { outcome, messageId: message.messageId, essaimeId } },
  ];
  if (essaimeId) {
    const { essaime, participants } = essaimeFrom(app, essaimeId, at);
    writes.push(...createEssaimeWrites(deps.db, essaime, participants, at));
    audit.push({
      action: 'essaime.created',
      entityType: 'essaime',
      entityId: essaimeId,
      changes: { structureId: app.structureId, seasonId: app.seasonId, callId: app.callId, applicationId, referentUserId: app.applicantUserId, participants: participants.length },
    });
  }
  await commit(deps.db, actor, writes, audit, now);
  return { outcome, essaimeId };
}

/** Submitted applications still waiting for a decision. */
const undecidedStatuses: readonly ApplicationStatus[] = ['submitted', 'under_review'];

/**
 * Publishes every decided, unpublished application of a closed call. Idempotent: each application is
 * published at most once (version condition, outbox dedupe key, one essaimé per structure and season), so a
 * run interrupted halfway is finished by running it again.
 */
export async function publishDecisions(deps: Deps, actor: Principal, callId: string, options: { waitlistUndecided?: boolean } = {}): Promise<PublicationReport> {
  assertRole(actor, ['staff']);
  const bundle = await loadCall(deps, callId);
  if (!isPastClosing(bundle.call, deps.now())) throw conflict('CALL_STILL_OPEN', 'Decisions are published once the call is closed');
  const undecided = (await Promise.all(undecidedStatuses.map((status) => listApplicationsInStatus(deps.db, callId, status)))).flat();
  if (undecided.length > 0 && !options.waitlistUndecided) {
    // Publishing notifies every applicant: one left without a decision would be forgotten, so staff decide it or say so.
    throw conflict(
      'DECISIONS_PENDING',
      `${undecided.length} submitted application(s) have no decision; decide them or publish with waitlistUndecided`,
      undecided.map((a) => ({ path: `applications.${a.applicationId}`, message: 'No decision yet', code: a.status })),
    );
  }
  const failures: PublicationReport['failures'] = [];
  for (const app of undecided) {
    try {
      await decide(deps, actor, app.applicationId, { outcome: 'waitlisted', rationale: 'Sans décision à la publication : placée en liste d’attente par l’équipe.' });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      failures.push({ applicationId: app.applicationId, code: error.code });
    }
  }
  const report: PublicationReport = {
    published: { selected: 0, waitlisted: 0, rejected: 0 },
    essaimeIds: [],
    failures,
    selectedCount: 0,
    capacity: bundle.call.capacity,
    belowMinimum: false,
  };
  for (const status of decidedStatuses) {
    const pending = (await listApplicationsInStatus(deps.db, callId, status)).filter((a) => !a.decisionPublishedAt);
    for (const app of pending) {
      try {
        const done = await retryChanged(() => publishOne(deps, actor, bundle.call, app.applicationId));
        if (!done) continue;
        report.published[done.outcome] += 1;
        if (done.essaimeId) report.essaimeIds.push(done.essaimeId);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        logger.warn('Decision not published', { code: error.code });
        report.failures.push({ applicationId: app.applicationId, code: error.code });
      }
    }
  }
  const total = report.published.selected + report.published.waitlisted + report.published.rejected;
  await retryChanged(async () => {
    const fresh = await loadCall(deps, callId, undefined, true);
    report.selectedCount = fresh.selectedCount;
    report.belowMinimum = fresh.selectedCount < fresh.call.capacity.min;
    if (total === 0) return;
    const at = deps.now().toISOString();
    const next: Call = { ...fresh.call, decisionsPublishedAt: at, version: fresh.call.version + 1, updatedAt: at };
    await commit(deps.db, actor, [{ ...updateCallWrite(deps.db, next, fresh.call.version), onConditionFailed: conflict('TRANSACTION_CONFLICT', 'Call changed meanwhile') }], [
      {
        action: 'call.decisions-published',
        entityType: 'call',
        entityId: callId,
        changes: { ...report.published, essaimeIds: report.essaimeIds, failures: report.failures.length, selectedCount: fresh.selectedCount, belowMinimum: report.belowMinimum },
      },
    ], deps.now());
  });
  return report;
}
