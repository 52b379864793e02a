import type { Db } from '../db/client';
import { queryAll, queryPage, type Page, type PageQuery } from '../db/pagination';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import type { Call, CriteriaVersion } from './schemas';

/**
 * Call keys. A call, its selection counter and its criteria versions share one partition, so "the call
 * with everything it needs" is one Query. Lists: all calls (gsi1) and a season's calls (gsi2).
 */
export const callKeys = {
  call: (callId: string) => ({ pk: `CALL#${callId}`, sk: 'CALL' }),
  /** How many applications are selected; the cap is a condition on this item. */
  counter: (callId: string) => ({ pk: `CALL#${callId}`, sk: 'COUNTER#SELECTED' }),
  criteria: (callId: string, version: number) => ({ pk: `CALL#${callId}`, sk: `CRITERIA#${String(version).padStart(4, '0')}` }),
  all: 'CALLS',
  bySeason: (seasonId: string) => `SEASON#${seasonId}#CALLS`,
};

const strip = ({ pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, type: _g, ...rest }: Record<string, unknown>) => rest;
export const toCall = (item: Record<string, unknown>) => strip(item) as unknown as Call;
const toCriteriaVersion = (item: Record<string, unknown>) => strip(item) as unknown as CriteriaVersion;

function callItem(call: Call): Record<string, unknown> {
  return {
    ...callKeys.call(call.callId),
    gsi1pk: callKeys.all,
    gsi1sk: `${call.opensAt}#${call.callId}`,
    gsi2pk: callKeys.bySeason(call.seasonId),
    gsi2sk: `${call.opensAt}#${call.callId}`,
    type: 'Call',
    ...call,
  };
}

function criteriaItem(version: CriteriaVersion): Record<string, unknown> {
  return { ...callKeys.criteria(version.callId, version.version), type: 'CriteriaVersion', ...version };
}

const staleCall = () =>
  conflict('STALE_VERSION', 'The call was changed by someone else; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]);

/** A new call: the call, its first criteria version and its selection counter (0 of max). */
export function createCallWrites(db: Db, call: Call, criteria: CriteriaVersion): Write[] {
  return [
    { item: { Put: { TableName: db.tableName, Item: callItem(call), ConditionExpression: 'attribute_not_exists(pk)' } } },
    { item: { Put: { TableName: db.tableName, Item: criteriaItem(criteria), ConditionExpression: 'attribute_not_exists(pk)' } } },
    {
      item: {
        Put: {
          TableName: db.tableName,
          Item: { ...callKeys.counter(call.callId), type: 'CallCounter', callId: call.callId, selected: 0, max: call.capacity.max },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
  ];
}

/**
 * Saves a call under optimistic locking; `requireStatus` adds a condition on the stored status (opening and
 * closing cannot race each other or an edit).
 */
export function updateCallWrite(db: Db, next: Call, expectedVersion: number, requireStatus?: Call['status']): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: callItem(next),
        ConditionExpression: `attribute_exists(pk) AND version = :expected${requireStatus ? ' AND #status = :status' : ''}`,
        ExpressionAttributeValues: { ':expected': expectedVersion, ...(requireStatus ? { ':status': requireStatus } : {}) },
        ...(requireStatus ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
      },
    },
    onConditionFailed: staleCall(),
  };
}

/** Replaces the criteria of an existing version (draft call only; the call write guards the status). */
export function putCriteriaWrite(db: Db, version: CriteriaVersion, mustExist: boolean): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: criteriaItem(version),
        ConditionExpression: mustExist ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: conflict('CRITERIA_VERSION_TAKEN', 'Another criteria version was created meanwhile; reload and retry'),
  };
}

/** Moves the cap; never below the applications already selected. */
export function setCapacityWrite(db: Db, callId: string, max: number): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: callKeys.counter(callId),
        UpdateExpression: 'SET #max = :max',
        ConditionExpression: 'attribute_exists(pk) AND selected <= :max',
        ExpressionAttributeNames: { '#max': 'max' },
        ExpressionAttributeValues: { ':max': max },
      },
    },
    onConditionFailed: conflict('CAPACITY_BELOW_SELECTED', 'More applications are already selected than this maximum', [
      { path: 'body.capacity.max', message: 'Below the number already selected' },
    ]),
  };
}

/**
 * The cap, enforced by DynamoDB: +1 only lands while `selected < max`, in the same transaction as the
 * decision. Concurrent selections cannot overshoot, whatever the number of staff deciding at once.
 */
export function counterWrite(db: Db, callId: string, delta: 1 | -1, max: number): Write {
  if (delta === 1) {
    return {
      item: {
        Update: {
          TableName: db.tableName,
          Key: callKeys.counter(callId),
          UpdateExpression: 'SET selected = selected + :one',
          ConditionExpression: 'selected < #max',
          ExpressionAttributeNames: { '#max': 'max' },
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      onConditionFailed: conflict('CALL_FULL', `The call already has its maximum of ${max} selected applications`),
    };
  }
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: callKeys.counter(callId),
        UpdateExpression: 'SET selected = selected - :one',
        ConditionExpression: 'selected > :zero',
        ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
      },
    },
    onConditionFailed: conflict('COUNTER_INCONSISTENT', 'The selection counter is already at zero'),
  };
}

export interface CallBundle {
  call: Call;
  selectedCount: number;
  max: number;
  versions: CriteriaVersion[];
}

/** The call, its counter and all its criteria versions (a handful): one Query on the call's partition. */
export async function getCallBundle(db: Db, callId: string, consistent = false): Promise<CallBundle | undefined> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': callKeys.call(callId).pk },
    ConsistentRead: consistent,
  });
  const head = items.find((i) => i.sk === 'CALL');
  if (!head) return undefined;
  const counter = items.find((i) => i.sk === 'COUNTER#SELECTED');
  return {
    call: toCall(head),
    selectedCount: Number(counter?.selected ?? 0),
    max: Number(counter?.max ?? 0),
    versions: items.filter((i) => i.type === 'CriteriaVersion').map(toCriteriaVersion).sort((a, b) => a.version - b.version),
  };
}

/** All calls, latest opening first. */
export function listCalls(db: Db, page: PageQuery, options: { seasonId?: string; includeDrafts: boolean }): Promise<Page<Call>> {
  const bySeason = options.seasonId !== undefined;
  return queryPage(
    db,
    {
      IndexName: bySeason ? 'gsi2' : 'gsi1',
      KeyConditionExpression: `${bySeason ? 'gsi2pk' : 'gsi1pk'} = :pk`,
      ExpressionAttributeValues: {
        ':pk': bySeason ? callKeys.bySeason(options.seasonId!) : callKeys.all,
        ...(options.includeDrafts ? {} : { ':draft': 'draft' }),
      },
      ...(options.includeDrafts ? {} : { FilterExpression: '#status <> :draft', ExpressionAttributeNames: { '#status': 'status' } }),
      ScanIndexForward: false,
    },
    page,
    toCall,
  );
}
