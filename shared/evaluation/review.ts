import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { commit } from '../db/transact';
import { conflict } from '../errors';
import type { Essaime } from '../essaimes/schemas';
import { displayNameOf, type Letter } from '../notifications/letter';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { aggregateWrites } from './aggregates';
import { assertCanDo, dimensionsOf, loadContext, requireReport } from './context';
import { reportAcceptedLetter, reportChangesLetter, reportReopenedLetter } from './messages';
import { listReportsOfEssaime, updateReportWrite } from './repository';
import { allowedFrom, canDo } from './rules';
import type { Report, ReportStatus, Review, reopenBody, requestChangesBody } from './schemas';

/** Staff's review of a submitted report: accept (counted in the aggregates), request changes, reopen. */

function referentMessage(report: Report, essaime: Essaime, kind: string, letter: Letter, now: Date) {
  return newMessage(
    {
      dedupeKey: `report#${report.reportId}#v${report.version}#${kind}`,
      kind: `report-${kind}`,
      recipientUserId: essaime.referentUserId,
      ...letter,
      related: { entityType: 'report', entityId: report.reportId },
    },
    now,
  );
}

/** The fields every review step changes: new status and version, who and when, and the review appended. */
function reviewed(current: Report, principal: Principal, now: Date, status: ReportStatus, action: Review['action'], comments: Review['comments']): Report {
  const at = now.toISOString();
  return {
    ...current,
    status,
    version: current.version + 1,
    updatedAt: at,
    updatedBy: principal.userId,
    reviews: [...current.reviews, { at, by: principal.userId, action, comments }],
  };
}

/** The structure's start: the earliest period it reported on this season (this report included). */
export async function structureStart(deps: Deps, report: Report): Promise<string | null> {
  const reports = await listReportsOfEssaime(deps.db, report.essaimeId);
  const starts = [report, ...reports.filter((r) => r.seasonId === report.seasonId)].flatMap((r) => (r.period ? [r.period.start] : []));
  return starts.sort()[0] ?? null;
}

/**
 * Staff accept a submitted report: it is locked, and its figures are added to the pre-computed aggregates in
 * the same transaction (so the dashboards never miss nor double-count a report).
 */
export async function acceptReport(deps: Deps, principal: Principal, stageId: string, essaimeId: string, expectedVersion: number): Promise<Report> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const current = requireReport(ctx);
  assertCanDo('accept', current, expectedVersion);
  const now = deps.now();
  const next: Report = {
    ...reviewed(current, principal, now, 'accepted', 'accepted', []),
    // Counted where the essaimé stands now; a reopen takes it back from these same items.
    dimensions: { ...dimensionsOf(ctx.essaime), startedOn: await structureStart(deps, current) },
    acceptedAt: now.toISOString(),
    acceptedBy: principal.userId,
  };
  const letter = reportAcceptedLetter(ctx.stage.name, ctx.essaime.structureName, await displayNameOf(deps.db, ctx.essaime.referentUserId));
  const message = referentMessage(next, ctx.essaime, 'accepted', letter, now);
  await commit(deps.db, principal, [
    updateReportWrite(deps.db, next, expectedVersion, allowedFrom.accept),
    ...aggregateWrites(deps.db, next, 1),
    outboxWrite(deps.db, message),
  ], [{ action: 'report.accepted', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version } }], now);
  return next;
}

/** Staff send a submitted report back with comments; the referent can edit and submit it again. */
export async function requestChanges(deps: Deps, principal: Principal, stageId: string, essaimeId: string, input: z.output<typeof requestChangesBody>): Promise<Report> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const current = requireReport(ctx);
  assertCanDo('request-changes', current, input.expectedVersion);
  const now = deps.now();
  const next = reviewed(current, principal, now, 'changes-requested', 'changes-requested', input.comments);
  const letter = reportChangesLetter(ctx.stage.name, ctx.essaime.structureName, input.comments, await displayNameOf(deps.db, ctx.essaime.referentUserId));
  const message = referentMessage(next, ctx.essaime, 'changes-requested', letter, now);
  await commit(deps.db, principal, [updateReportWrite(deps.db, next, input.expectedVersion, allowedFrom['request-changes']), outboxWrite(deps.db, message)], [
    { action: 'report.changes-requested', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version, comments: input.comments.length } },
  ], now);
  return next;
}

/**
 * The only way out of "accepted": staff reopen a report (a figure found wrong after acceptance), with a
 * reason. Its contribution is taken back from the aggregates in the same transaction, from the very items
 * it was added to; accepting it again adds the corrected figures.
 */
export async function reopenReport(deps: Deps, principal: Principal, stageId: string, essaimeId: string, input: z.output<typeof reopenBody>): Promise<Report> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const current = requireReport(ctx);
  if (!canDo('reopen', current.status)) throw conflict('REPORT_NOT_ACCEPTED', 'Only an accepted report can be reopened', [{ path: 'status', message: current.status }]);
  assertCanDo('reopen', current, input.expectedVersion);
  const now = deps.now();
  const next: Report = {
    ...reviewed(current, principal, now, 'changes-requested', 'reopened', [{ comment: input.reason }]),
    acceptedAt: null,
    acceptedBy: null,
  };
  const letter = reportReopenedLetter(ctx.stage.name, ctx.essaime.structureName, input.reason, await displayNameOf(deps.db, ctx.essaime.referentUserId));
  const message = referentMessage(next, ctx.essaime, 'reopened', letter, now);
  await commit(deps.db, principal, [
    updateReportWrite(deps.db, next, input.expectedVersion, allowedFrom.reopen),
    ...aggregateWrites(deps.db, current, -1),
    outboxWrite(deps.db, message),
  ], [{ action: 'report.reopened', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version } }], now);
  return next;
}
