import type { z } from 'zod';
import type { Principal } from '../access/principal';
import { commit } from '../db/transact';
import { conflict } from '../errors';
import type { Essaime } from '../essaimes/schemas';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { aggregateWrites } from './aggregates';
import { assertCanDo, dimensionsOf, loadContext, requireReport } from './context';
import { listReportsOfEssaime, updateReportWrite } from './repository';
import { allowedFrom, canDo } from './rules';
import type { Report, ReportStatus, Review, reopenBody, requestChangesBody } from './schemas';

/** Staff's review of a submitted report: accept (counted in the aggregates), request changes, reopen. */

function referentMessage(report: Report, essaime: Essaime, kind: string, subject: string, body: string, now: Date) {
  return newMessage(
    {
      dedupeKey: `report#${report.reportId}#v${report.version}#${kind}`,
      kind: `report-${kind}`,
      recipientUserId: essaime.referentUserId,
      subject,
      body,
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
  const message = referentMessage(next, ctx.essaime, 'accepted', `Rapport accepté : ${ctx.stage.name}`,
    `Bonjour,\n\nLe rapport « ${ctx.stage.name} » de ${ctx.essaime.structureName} a été accepté par l'équipe Ansa. Il est désormais verrouillé.\n\nMerci pour votre contribution à l'évaluation de l'essaimage.`, now);
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
  const lines = input.comments.map((c) => `- ${c.path ? `${c.path} : ` : ''}${c.comment}`).join('\n');
  const message = referentMessage(next, ctx.essaime, 'changes-requested', `Modifications demandées : ${ctx.stage.name}`,
    `Bonjour,\n\nL'équipe Ansa demande des modifications au rapport « ${ctx.stage.name} » de ${ctx.essaime.structureName} :\n${lines}\n\nLe rapport est rouvert : vous pouvez le corriger puis le soumettre à nouveau.`, now);
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
  const message = referentMessage(next, ctx.essaime, 'reopened', `Rapport rouvert : ${ctx.stage.name}`,
    `Bonjour,\n\nL'équipe Ansa a rouvert le rapport « ${ctx.stage.name} » de ${ctx.essaime.structureName} :\n${input.reason}\n\nVous pouvez le corriger puis le soumettre à nouveau.`, now);
  await commit(deps.db, principal, [
    updateReportWrite(deps.db, next, input.expectedVersion, allowedFrom.reopen),
    ...aggregateWrites(deps.db, current, -1),
    outboxWrite(deps.db, message),
  ], [{ action: 'report.reopened', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version } }], now);
  return next;
}
