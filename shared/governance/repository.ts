import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryAll, queryPage, type Page, type PageQuery } from '../db/pagination';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import type { FidelityAssessment, LabelDecision, Meeting } from './schemas';

/**
 * An essaimé's fidelity assessments (one per stage) and label decisions (a history) share a partition;
 * meetings have their own, listed per season through gsi1.
 */
export const governanceKeys = {
  essaimePk: (essaimeId: string) => `EVESSAIME#${essaimeId}`,
  fidelity: (essaimeId: string, stageId: string) => ({ pk: `EVESSAIME#${essaimeId}`, sk: `FIDELITY#${stageId}` }),
  label: (essaimeId: string, decidedAt: string, id: string) => ({ pk: `EVESSAIME#${essaimeId}`, sk: `LABEL#${decidedAt}#${id}` }),
  meeting: (meetingId: string) => ({ pk: `MEETING#${meetingId}`, sk: 'MEETING' }),
  meetingsOfSeason: (seasonId: string) => `SEASON#${seasonId}#MEETINGS`,
};

const keyAttrs = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'type']);
const strip = <T>(item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([k]) => !keyAttrs.has(k))) as T;

export function putFidelityWrite(db: Db, assessment: FidelityAssessment, expectedVersion: number): Write {
  const Item = { ...governanceKeys.fidelity(assessment.essaimeId, assessment.stageId), type: 'FidelityAssessment', ...assessment };
  const stale = conflict('STALE_VERSION', 'The assessment was saved by someone else meanwhile; reload it and retry', [
    { path: 'body.expectedVersion', message: 'Not the current version' },
  ]);
  return expectedVersion === 0
    ? { item: { Put: { TableName: db.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } }, onConditionFailed: stale }
    : {
        item: { Put: { TableName: db.tableName, Item, ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } } },
        onConditionFailed: stale,
      };
}

export function putLabelDecisionWrite(db: Db, decision: LabelDecision): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: { ...governanceKeys.label(decision.essaimeId, decision.decidedAt, decision.labelDecisionId), type: 'LabelDecision', ...decision },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

export async function getFidelity(db: Db, essaimeId: string, stageId: string): Promise<FidelityAssessment | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: governanceKeys.fidelity(essaimeId, stageId) }));
  return out.Item ? strip<FidelityAssessment>(out.Item) : undefined;
}

/** Assessments (one per stage) and label decisions (oldest first) of one essaimé: bounded. */
export async function listEssaimeGovernance(db: Db, essaimeId: string): Promise<{ assessments: FidelityAssessment[]; labelDecisions: LabelDecision[] }> {
  const items = await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': governanceKeys.essaimePk(essaimeId) } });
  return {
    assessments: items.filter((i) => i.type === 'FidelityAssessment').map((i) => strip<FidelityAssessment>(i)),
    labelDecisions: items.filter((i) => i.type === 'LabelDecision').map((i) => strip<LabelDecision>(i)),
  };
}

export function meetingItem(meeting: Meeting): Record<string, unknown> {
  return {
    ...governanceKeys.meeting(meeting.meetingId),
    gsi1pk: governanceKeys.meetingsOfSeason(meeting.seasonId),
    gsi1sk: `${meeting.date}#${meeting.meetingId}`,
    type: 'SteeringMeeting',
    ...meeting,
  };
}

export function putMeetingWrite(db: Db, meeting: Meeting): Write {
  return { item: { Put: { TableName: db.tableName, Item: meetingItem(meeting), ConditionExpression: 'attribute_not_exists(pk)' } } };
}

/** Meetings of a season, most recent first. */
export function listMeetingsOfSeason(db: Db, seasonId: string, page: PageQuery): Promise<Page<Meeting>> {
  return queryPage(
    db,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': governanceKeys.meetingsOfSeason(seasonId) }, ScanIndexForward: false },
    page,
    (i) => strip<Meeting>(i),
  );
}
