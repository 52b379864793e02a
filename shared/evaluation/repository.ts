import type { Db } from '../db/client';
import { fill, staticPrefix } from '../db/entity';
import type { Page, PageQuery } from '../db/pagination';
import { getOne, putItem, putNew, putVersioned, queryAllOf, queryPageOf, updateOne } from '../db/store';
import type { Write } from '../db/transact';
import { conflict, type DomainError } from '../errors';
import { paddedVersion, questionnaireCountEntity, questionnaireEntity, reportEntity, stageEntity, templateEntity } from './entities';
import type { QuestionnaireResponse, Report, ReportStatus, Stage, Template } from './schemas';

/** Stages, template versions, reports and questionnaire answers of the staged evaluation. */

// ---------------------------------------------------------------- stages and templates

export function createStageWrites(db: Db, stage: Stage, template: Template): Write[] {
  return [putNew(db, stageEntity, stage), putNew(db, templateEntity, template)];
}

const staleStage = () =>
  conflict('STALE_VERSION', 'The stage was changed by someone else (or has opened); reload it and retry', [
    { path: 'body.expectedVersion', message: 'Not the current version' },
  ]);

/**
 * Optimistic locking on the stage. `notOpenOn` adds the condition that the stage (as stored) has not opened
 * on that day: templates and opening dates change only before a stage opens.
 */
export function updateStageWrite(db: Db, next: Stage, expectedVersion: number, notOpenOn?: string): Write {
  if (!notOpenOn) return putVersioned(db, stageEntity, next, expectedVersion, staleStage());
  return putItem(db, stageEntity, next, {
    expression: 'attribute_exists(pk) AND version = :expected AND opensOn > :today',
    values: { ':expected': expectedVersion, ':today': notOpenOn },
    onFailed: staleStage(),
  });
}

export function putTemplateWrite(db: Db, template: Template): Write {
  return putNew(db, templateEntity, template, conflict('STALE_VERSION', 'Another template version was saved meanwhile; reload and retry'));
}

export function getStage(db: Db, stageId: string): Promise<Stage | undefined> {
  return getOne(db, stageEntity, { stageId });
}

export function getTemplate(db: Db, stageId: string, version: number): Promise<Template | undefined> {
  return getOne(db, templateEntity, { stageId, paddedVersion: paddedVersion(version) });
}

/** The stages of a season in order (a handful: bounded). */
export function listStagesOfSeason(db: Db, seasonId: string): Promise<Stage[]> {
  return queryAllOf(db, stageEntity, { index: 'gsi1', pk: stageEntity.partition('gsi1', { seasonId }) });
}

/** Stages whose due date falls between two days (inclusive), for the reminder job. */
export function listStagesDueBetween(db: Db, from: string, to: string): Promise<Stage[]> {
  // Sort keys are "{dueOn}#{stageId}": "#" and "~" bracket every stage id of the two days.
  return queryAllOf(db, stageEntity, { index: 'gsi2', pk: stageEntity.partition('gsi2', {}), skBetween: [`${from}#`, `${to}#~`] });
}

// ---------------------------------------------------------------- reports

const staleReport = () =>
  conflict('STALE_VERSION', 'The report was saved by someone else meanwhile; reload it, merge your changes and retry', [
    { path: 'body.expectedVersion', message: 'Not the current version' },
  ]);

/** A new draft: only if no report exists yet for this essaimé and stage. */
export function createReportWrite(db: Db, report: Report): Write {
  return putNew(db, reportEntity, report, staleReport());
}

/**
 * Replaces a report if nobody saved since `expectedVersion` and it is still in one of `fromStatuses`
 * (the use case checks both first; the condition closes the race).
 */
export function updateReportWrite(db: Db, next: Report, expectedVersion: number, fromStatuses: readonly ReportStatus[]): Write {
  const statusValues = Object.fromEntries(fromStatuses.map((s, i) => [`:s${i}`, s]));
  return putItem(db, reportEntity, next, {
    expression: `attribute_exists(pk) AND version = :expected AND #status IN (${Object.keys(statusValues).join(', ')})`,
    names: { '#status': 'status' },
    values: { ':expected': expectedVersion, ...statusValues },
    onFailed: staleReport(),
  });
}

export function getReport(db: Db, stageId: string, essaimeId: string): Promise<Report | undefined> {
  return getOne(db, reportEntity, { stageId, essaimeId });
}

/** The reports of one stage (one per essaimé of the season: bounded). */
export function listReportsOfStage(db: Db, stageId: string): Promise<Report[]> {
  return queryAllOf(db, reportEntity, { pk: reportEntity.partition('table', { stageId }), skPrefix: staticPrefix(reportEntity.itemType.sk) });
}

/** The reports of one essaimé, one per stage. */
export function listReportsOfEssaime(db: Db, essaimeId: string): Promise<Report[]> {
  return queryAllOf(db, reportEntity, { index: 'gsi1', pk: reportEntity.partition('gsi1', { essaimeId }) });
}

/** Reports of a season in one status (staff's review queue: status "submitted"), oldest change first. */
export function listReportsOfSeasonByStatus(db: Db, seasonId: string, status: ReportStatus, page: PageQuery): Promise<Page<Report>> {
  return queryPageOf(db, reportEntity, { index: 'gsi2', pk: reportEntity.partition('gsi2', { seasonId, status }) }, page);
}

// ---------------------------------------------------------------- questionnaire answers

export function putQuestionnaireWrite(db: Db, response: QuestionnaireResponse): Write {
  return putNew(db, questionnaireEntity, response);
}

/** How many answers the structure has on the stage by its counter; undefined before its first counted answer. */
export async function getQuestionnaireCount(db: Db, stageId: string, essaimeId: string): Promise<number | undefined> {
  return (await getOne(db, questionnaireCountEntity, { stageId, essaimeId }, true))?.count;
}

/**
 * One more answer on the structure's counter, refused with `onFull` once it holds `max`: the cap is a
 * condition of the answer's own transaction, so parallel answers cannot pass it together. `initial` is the
 * count of answers stored before the counter existed (its first write only).
 */
export function countQuestionnaireWrite(db: Db, stageId: string, essaimeId: string, initial: number, max: number, onFull: DomainError): Write {
  return updateOne(db, questionnaireCountEntity, { stageId, essaimeId }, {
    expression: 'SET #count = if_not_exists(#count, :initial) + :one, #type = :type, stageId = :stageId, essaimeId = :essaimeId',
    condition: 'attribute_not_exists(pk) OR #count < :max',
    names: { '#count': 'count', '#type': 'type' },
    values: { ':initial': initial, ':one': 1, ':max': max, ':type': questionnaireCountEntity.itemType.type, ':stageId': stageId, ':essaimeId': essaimeId },
    onFailed: onFull,
  });
}

/** A stage's questionnaire answers, or one structure's (at most MAX_QUESTIONNAIRES_PER_STRUCTURE). */
export function listQuestionnaires(db: Db, stageId: string, essaimeId?: string): Promise<QuestionnaireResponse[]> {
  const sk = questionnaireEntity.itemType.sk;
  // The sort key up to the essaimé: "QUESTIONNAIRE#{essaimeId}#".
  const skPrefix = essaimeId ? fill(sk.slice(0, sk.indexOf('{createdAt}')), { essaimeId }) : staticPrefix(sk);
  return queryAllOf(db, questionnaireEntity, { pk: questionnaireEntity.partition('table', { stageId }), skPrefix });
}
