import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryAll, queryPage, type Page, type PageQuery } from '../db/pagination';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import type { QuestionnaireResponse, Report, ReportStatus, Stage, Template } from './schemas';

/**
 * Keys of the staged evaluation. A stage's partition holds the stage, its template versions, its reports
 * (one per essaimé) and the questionnaire answers, so "a stage with its reports" is one Query.
 */
export const evaluationKeys = {
  stagePk: (stageId: string) => `EVSTAGE#${stageId}`,
  stage: (stageId: string) => ({ pk: `EVSTAGE#${stageId}`, sk: 'STAGE' }),
  template: (stageId: string, version: number) => ({ pk: `EVSTAGE#${stageId}`, sk: `TEMPLATE#v${String(version).padStart(4, '0')}` }),
  report: (stageId: string, essaimeId: string) => ({ pk: `EVSTAGE#${stageId}`, sk: `REPORT#${essaimeId}` }),
  questionnaire: (stageId: string, essaimeId: string, createdAt: string, responseId: string) => ({
    pk: `EVSTAGE#${stageId}`,
    sk: `QUESTIONNAIRE#${essaimeId}#${createdAt}#${responseId}`,
  }),
  stagesOfSeason: (seasonId: string) => `SEASON#${seasonId}#EVSTAGES`,
  /** Every stage by due date: the reminder job reads a window of it. */
  stagesByDue: 'EVSTAGESDUE',
  reportsOfEssaime: (essaimeId: string) => `ESSAIME#${essaimeId}#EVREPORTS`,
  reportsOfSeasonByStatus: (seasonId: string, status: ReportStatus) => `SEASON#${seasonId}#EVREPORTS#${status}`,
};

const keyAttrs = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'type'];
function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!keyAttrs.includes(k)) out[k] = v;
  return out as T;
}

// ---------------------------------------------------------------- stages and templates

function stageItem(stage: Stage): Record<string, unknown> {
  return {
    ...evaluationKeys.stage(stage.stageId),
    gsi1pk: evaluationKeys.stagesOfSeason(stage.seasonId),
    gsi1sk: `${stage.order}#${stage.opensOn}#${stage.stageId}`,
    gsi2pk: evaluationKeys.stagesByDue,
    gsi2sk: `${stage.dueOn}#${stage.stageId}`,
    type: 'EvaluationStage',
    ...stage,
  };
}

function templateItem(template: Template): Record<string, unknown> {
  return { ...evaluationKeys.template(template.stageId, template.templateVersion), type: 'ReportTemplate', ...template };
}

export function createStageWrites(db: Db, stage: Stage, template: Template): Write[] {
  return [
    { item: { Put: { TableName: db.tableName, Item: stageItem(stage), ConditionExpression: 'attribute_not_exists(pk)' } } },
    { item: { Put: { TableName: db.tableName, Item: templateItem(template), ConditionExpression: 'attribute_not_exists(pk)' } } },
  ];
}

/**
 * Optimistic locking on the stage. `notOpenOn` adds the condition that the stage (as stored) has not opened
 * on that day: templates and opening dates change only before a stage opens.
 */
export function updateStageWrite(db: Db, next: Stage, expectedVersion: number, notOpenOn?: string): Write {
  const condition = notOpenOn ? 'version = :expected AND opensOn > :today' : 'version = :expected';
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: stageItem(next),
        ConditionExpression: `attribute_exists(pk) AND ${condition}`,
        ExpressionAttributeValues: { ':expected': expectedVersion, ...(notOpenOn ? { ':today': notOpenOn } : {}) },
      },
    },
    onConditionFailed: conflict('STALE_VERSION', 'The stage was changed by someone else (or has opened); reload it and retry', [
      { path: 'body.expectedVersion', message: 'Not the current version' },
    ]),
  };
}

export function putTemplateWrite(db: Db, template: Template): Write {
  return {
    item: { Put: { TableName: db.tableName, Item: templateItem(template), ConditionExpression: 'attribute_not_exists(pk)' } },
    onConditionFailed: conflict('STALE_VERSION', 'Another template version was saved meanwhile; reload and retry'),
  };
}

export async function getStage(db: Db, stageId: string): Promise<Stage | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: evaluationKeys.stage(stageId) }));
  return out.Item ? strip<Stage>(out.Item) : undefined;
}

export async function getTemplate(db: Db, stageId: string, version: number): Promise<Template | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: evaluationKeys.template(stageId, version) }));
  return out.Item ? strip<Template>(out.Item) : undefined;
}

/** The stages of a season in order (a handful: bounded). */
export async function listStagesOfSeason(db: Db, seasonId: string): Promise<Stage[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': evaluationKeys.stagesOfSeason(seasonId) },
  });
  return items.map((i) => strip<Stage>(i));
}

/** Stages whose due date falls between two days (inclusive), for the reminder job. */
export async function listStagesDueBetween(db: Db, from: string, to: string): Promise<Stage[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': evaluationKeys.stagesByDue, ':from': `${from}#`, ':to': `${to}#~` },
  });
  return items.map((i) => strip<Stage>(i));
}

// ---------------------------------------------------------------- reports

function reportItem(report: Report): Record<string, unknown> {
  return {
    ...evaluationKeys.report(report.stageId, report.essaimeId),
    gsi1pk: evaluationKeys.reportsOfEssaime(report.essaimeId),
    gsi1sk: `${report.stageId}`,
    gsi2pk: evaluationKeys.reportsOfSeasonByStatus(report.seasonId, report.status),
    gsi2sk: `${report.updatedAt}#${report.reportId}`,
    type: 'EvaluationReport',
    ...report,
  };
}

const staleReport = () =>
  conflict('STALE_VERSION', 'The report was saved by someone else meanwhile; reload it, merge your changes and retry', [
    { path: 'body.expectedVersion', message: 'Not the current version' },
  ]);

/** A new draft: only if no report exists yet for this essaimé and stage. */
export function createReportWrite(db: Db, report: Report): Write {
  return {
    item: { Put: { TableName: db.tableName, Item: reportItem(report), ConditionExpression: 'attribute_not_exists(pk)' } },
    onConditionFailed: staleReport(),
  };
}

/**
 * Replaces a report if nobody saved since `expectedVersion` and it is still in one of `fromStatuses`
 * (the use case checks both first; the condition closes the race).
 */
export function updateReportWrite(db: Db, next: Report, expectedVersion: number, fromStatuses: readonly ReportStatus[]): Write {
  const statusValues = Object.fromEntries(fromStatuses.map((s, i) => [`:s${i}`, s]));
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: reportItem(next),
        ConditionExpression: `attribute_exists(pk) AND version = :expected AND #status IN (${Object.keys(statusValues).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':expected': expectedVersion, ...statusValues },
      },
    },
    onConditionFailed: staleReport(),
  };
}

export async function getReport(db: Db, stageId: string, essaimeId: string): Promise<Report | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: evaluationKeys.report(stageId, essaimeId) }));
  return out.Item ? strip<Report>(out.Item) : undefined;
}

/** The reports of one stage (one per essaimé of the season: bounded). */
export async function listReportsOfStage(db: Db, stageId: string): Promise<Report[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': evaluationKeys.stagePk(stageId), ':prefix': 'REPORT#' },
  });
  return items.map((i) => strip<Report>(i));
}

/** The reports of one essaimé, one per stage. */
export async function listReportsOfEssaime(db: Db, essaimeId: string): Promise<Report[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': evaluationKeys.reportsOfEssaime(essaimeId) },
  });
  return items.map((i) => strip<Report>(i));
}

/** Reports of a season in one status (staff's review queue: status "submitted"), oldest change first. */
export function listReportsOfSeasonByStatus(db: Db, seasonId: string, status: ReportStatus, page: PageQuery): Promise<Page<Report>> {
  return queryPage(
    db,
    { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': evaluationKeys.reportsOfSeasonByStatus(seasonId, status) } },
    page,
    (i) => strip<Report>(i),
  );
}

// ---------------------------------------------------------------- questionnaire answers

export function putQuestionnaireWrite(db: Db, response: QuestionnaireResponse): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: {
          ...evaluationKeys.questionnaire(response.stageId, response.essaimeId, response.createdAt, response.responseId),
          type: 'QuestionnaireResponse',
          ...response,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

/** A structure's questionnaire answers on a stage (at most MAX_QUESTIONNAIRES_PER_STRUCTURE). */
export async function listQuestionnaires(db: Db, stageId: string, essaimeId?: string): Promise<QuestionnaireResponse[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': evaluationKeys.stagePk(stageId), ':prefix': essaimeId ? `QUESTIONNAIRE#${essaimeId}#` : 'QUESTIONNAIRE#' },
  });
  return items.map((i) => strip<QuestionnaireResponse>(i));
}
