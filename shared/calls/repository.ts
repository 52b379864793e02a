import type { Db } from '../db/client';
import type { Page, PageQuery } from '../db/pagination';
import { putItem, putNew, putVersioned, queryAllMixed, queryPageOf, updateOne, valuesOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { callCounterEntity, callEntity, criteriaVersionEntity } from './entities';
import type { Call, CriteriaVersion } from './schemas';

/**
 * Calls in the single table (keys in shared/db/entities/calls.ts). A call, its selection counter and its
 * criteria versions share one partition, so "the call with everything it needs" is one Query.
 */

const staleCall = () =>
  conflict('STALE_VERSION', 'The call was changed by someone else; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]);

/** A new call: the call, its first criteria version and its selection counter (0 of max). */
export function createCallWrites(db: Db, call: Call, criteria: CriteriaVersion): Write[] {
  return [
    putNew(db, callEntity, call),
    putNew(db, criteriaVersionEntity, criteria),
    putNew(db, callCounterEntity, { callId: call.callId, selected: 0, max: call.capacity.max }),
  ];
}

/**
 * Saves a call under optimistic locking; `requireStatus` adds a condition on the stored status (opening and
 * closing cannot race each other or an edit).
 */
export function updateCallWrite(db: Db, next: Call, expectedVersion: number, requireStatus?: Call['status']): Write {
  if (!requireStatus) return putVersioned(db, callEntity, next, expectedVersion, staleCall());
  return putItem(db, callEntity, next, {
    expression: 'attribute_exists(pk) AND version = :expected AND #status = :status',
    names: { '#status': 'status' },
    values: { ':expected': expectedVersion, ':status': requireStatus },
    onFailed: staleCall(),
  });
}

/** Writes a criteria version: a new one, or the current one replaced (draft call only; the call write guards the status). */
export function putCriteriaWrite(db: Db, version: CriteriaVersion, mustExist: boolean): Write {
  return putItem(db, criteriaVersionEntity, version, {
    expression: mustExist ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)',
    onFailed: conflict('CRITERIA_VERSION_TAKEN', 'Another criteria version was created meanwhile; reload and retry'),
  });
}

/** Moves the cap; never below the applications already selected. */
export function setCapacityWrite(db: Db, callId: string, max: number): Write {
  return updateOne(db, callCounterEntity, { callId }, {
    expression: 'SET #max = :max',
    condition: 'attribute_exists(pk) AND selected <= :max',
    names: { '#max': 'max' },
    values: { ':max': max },
    onFailed: conflict('CAPACITY_BELOW_SELECTED', 'More applications are already selected than this maximum', [
      { path: 'body.capacity.max', message: 'Below the number already selected' },
    ]),
  });
}

/**
 * The cap, enforced by DynamoDB: +1 only lands while `selected < max`, in the same transaction as the
 * decision. Concurrent selections cannot overshoot, whatever the number of staff deciding at once.
 */
export function counterWrite(db: Db, callId: string, delta: 1 | -1, max: number): Write {
  if (delta === 1) {
    return updateOne(db, callCounterEntity, { callId }, {
      expression: 'SET selected = selected + :one',
      condition: 'selected < #max',
      names: { '#max': 'max' },
      values: { ':one': 1 },
      onFailed: conflict('CALL_FULL', `The call already has its maximum of ${max} selected applications`),
    });
  }
  return updateOne(db, callCounterEntity, { callId }, {
    expression: 'SET selected = selected - :one',
    condition: 'selected > :zero',
    values: { ':one': 1, ':zero': 0 },
    onFailed: conflict('COUNTER_INCONSISTENT', 'The selection counter is already at zero'),
  });
}

export interface CallBundle {
  call: Call;
  selectedCount: number;
  max: number;
  versions: CriteriaVersion[];
}

/**
 * The call, its counter and all its criteria versions (a handful): one Query on the call's partition,
 * strongly consistent when the caller reads after a write of its own.
 */
export async function getCallBundle(db: Db, callId: string, consistent = false): Promise<CallBundle | undefined> {
  const found = await queryAllMixed(db, [callEntity, callCounterEntity, criteriaVersionEntity], { pk: callEntity.partition('table', { callId }), consistent });
  const [call] = valuesOf(found, callEntity);
  const [counter] = valuesOf(found, callCounterEntity);
  const versions = valuesOf(found, criteriaVersionEntity);
  if (!call) return undefined;
  return {
    call,
    selectedCount: counter?.selected ?? 0,
    max: counter?.max ?? 0,
    versions: [...versions].sort((a, b) => a.version - b.version),
  };
}

/** All calls (or a season's), latest opening first; drafts only for staff. */
export function listCalls(db: Db, page: PageQuery, options: { seasonId?: string; includeDrafts: boolean }): Promise<Page<Call>> {
  const range = options.seasonId
    ? { index: 'gsi2' as const, pk: callEntity.partition('gsi2', { seasonId: options.seasonId }) }
    : { index: 'gsi1' as const, pk: callEntity.partition('gsi1', {}) };
  return queryPageOf(
    db,
    callEntity,
    {
      ...range,
      descending: true,
      ...(options.includeDrafts
        ? {}
        : { filter: { FilterExpression: '#status <> :draft', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':draft': 'draft' } } }),
    },
    page,
  );
}
