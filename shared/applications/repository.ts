import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { decodeCursor, encodeCursor, queryAll, queryPage, type Page, type PageQuery } from '../db/pagination';
import type { Write } from '../db/transact';
import { badRequest, conflict, type DomainError } from '../errors';
import { rankKey, rankKeyRange } from './rules';
import type { Application, ApplicationStatus, ListApplicationsQuery, Review, StaffNote } from './schemas';

/**
 * Application keys. An application, its reviews and staff's private notes share a partition: the staff
 * view of an application is one Query. Indexes:
 * - gsi1 `CALL#<callId>#APPS`, sorted by rank key (score): the ranked list of a call;
 * - gsi2 `CALL#<callId>#STATUS#<status>`, same sort: the ranked list of one status (the common filter);
 * - gsi3 `APPLICANT#<userId>`: an applicant's own applications.
 * Uniqueness items keep one application per applicant and per structure in a call.
 */
export const applicationKeys = {
  application: (applicationId: string) => ({ pk: `APP#${applicationId}`, sk: 'APP' }),
  review: (applicationId: string, reviewerUserId: string) => ({ pk: `APP#${applicationId}`, sk: `REVIEW#${reviewerUserId}` }),
  note: (applicationId: string, createdAt: string, noteId: string) => ({ pk: `APP#${applicationId}`, sk: `NOTE#${createdAt}#${noteId}` }),
  byApplicant: (callId: string, userId: string) => ({ pk: `APPUNIQUE#${callId}#USER#${userId}`, sk: 'UNIQUE' }),
  byStructure: (callId: string, structureId: string) => ({ pk: `APPUNIQUE#${callId}#STR#${structureId}`, sk: 'UNIQUE' }),
  ofCall: (callId: string) => `CALL#${callId}#APPS`,
  ofCallStatus: (callId: string, status: ApplicationStatus) => `CALL#${callId}#STATUS#${status}`,
  ofApplicant: (userId: string) => `APPLICANT#${userId}`,
};

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'type', 'eligibilityStatus'];
function strip(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRS.includes(k)) out[k] = v;
  return out;
}
export const toApplication = (item: Record<string, unknown>) => strip(item) as unknown as Application;
const toReview = (item: Record<string, unknown>) => strip(item) as unknown as Review;
const toNote = (item: Record<string, unknown>) => strip(item) as unknown as StaffNote;

export function applicationItem(app: Application): Record<string, unknown> {
  const rank = rankKey(app.score, app.applicationId);
  return {
    ...applicationKeys.application(app.applicationId),
    gsi1pk: applicationKeys.ofCall(app.callId),
    gsi1sk: rank,
    gsi2pk: applicationKeys.ofCallStatus(app.callId, app.status),
    gsi2sk: rank,
    gsi3pk: applicationKeys.ofApplicant(app.applicantUserId),
    gsi3sk: `${app.createdAt}#${app.applicationId}`,
    type: 'Application',
    // Top-level copy for filter expressions on the ranked list.
    eligibilityStatus: app.eligibility.status,
    ...app,
  };
}

export function createApplicationWrites(db: Db, app: Application): Write[] {
  return [
    {
      item: { Put: { TableName: db.tableName, Item: { ...applicationKeys.byApplicant(app.callId, app.applicantUserId), type: 'ApplicationUnique', applicationId: app.applicationId }, ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: conflict('APPLICATION_EXISTS', 'You already have an application to this call'),
    },
    {
      item: { Put: { TableName: db.tableName, Item: { ...applicationKeys.byStructure(app.callId, app.structureId), type: 'ApplicationUnique', applicationId: app.applicationId }, ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: conflict('APPLICATION_EXISTS', 'This structure already has an application to this call'),
    },
    { item: { Put: { TableName: db.tableName, Item: applicationItem(app), ConditionExpression: 'attribute_not_exists(pk)' } } },
  ];
}

/** Applicant edits carry the version they read: a stale one is refused, never silently overwritten. */
export const staleApplication = () =>
  conflict('STALE_VERSION', 'The application was changed meanwhile; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]);

/** Staff actions re-read and retry on this one (see withRetry in use-cases). */
export const changedMeanwhile = () => conflict('APPLICATION_CHANGED', 'The application changed meanwhile; retry');

/** Saves the whole application under optimistic locking (the stored version must be `expectedVersion`). */
export function saveApplicationWrite(db: Db, next: Application, expectedVersion: number, onConditionFailed: DomainError = changedMeanwhile()): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: applicationItem(next),
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    },
    onConditionFailed,
  };
}

/** Withdrawal frees the uniqueness items: the applicant may apply again. */
export function releaseUniquenessWrites(db: Db, app: Application): Write[] {
  return [applicationKeys.byApplicant(app.callId, app.applicantUserId), applicationKeys.byStructure(app.callId, app.structureId)].map((Key) => ({
    item: { Delete: { TableName: db.tableName, Key } },
  }));
}

export function putReviewWrite(db: Db, review: Review, condition?: { mustNotExist?: boolean }): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: { ...applicationKeys.review(review.applicationId, review.reviewerUserId), type: 'Review', ...review },
        ...(condition?.mustNotExist ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
      },
    },
    onConditionFailed: conflict('REVIEWER_ALREADY_ASSIGNED', 'This reviewer is already assigned'),
  };
}

export function putNoteWrite(db: Db, note: StaffNote): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: { ...applicationKeys.note(note.applicationId, note.createdAt, note.noteId), type: 'StaffNote', ...note },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

export async function getApplication(db: Db, applicationId: string, consistent = false): Promise<Application | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: applicationKeys.application(applicationId), ConsistentRead: consistent }));
  return out.Item ? toApplication(out.Item) : undefined;
}

/** The application with its reviews and private notes: one Query on its partition. */
export async function getApplicationDetail(db: Db, applicationId: string): Promise<{ application?: Application; reviews: Review[]; notes: StaffNote[] }> {
  const items = await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': applicationKeys.application(applicationId).pk } });
  const head = items.find((i) => i.sk === 'APP');
  return {
    application: head ? toApplication(head) : undefined,
    reviews: items.filter((i) => i.type === 'Review').map(toReview),
    notes: items.filter((i) => i.type === 'StaffNote').map(toNote),
  };
}

export async function getReview(db: Db, applicationId: string, reviewerUserId: string): Promise<Review | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: applicationKeys.review(applicationId, reviewerUserId) }));
  return out.Item ? toReview(out.Item) : undefined;
}

/**
 * The ranked list of a call, best score first. The status filter picks the partition (gsi2), the score
 * filter is a range on the sort key; the other filters (hypothesis, région, département, setting,
 * eligibility) are filter expressions over that one call's partition, which is bounded (one call: tens to
 * about a thousand applications). Pages are filled up to `limit` by reading on, and the cursor is the key
 * of the last item returned, so no item is skipped or repeated between pages.
 */
export async function listApplicationsOfCall(db: Db, callId: string, query: ListApplicationsQuery): Promise<Page<Application>> {
  const index = query.status ? 'gsi2' : 'gsi1';
  const pkAttr = `${index}pk`;
  const skAttr = `${index}sk`;
  const pkValue = query.status ? applicationKeys.ofCallStatus(callId, query.status) : applicationKeys.ofCall(callId);

  const names: Record<string, string> = { '#pk': pkAttr };
  const values: Record<string, unknown> = { ':pk': pkValue };
  let keyCondition = '#pk = :pk';
  if (query.minScore !== undefined) {
    const range = rankKeyRange(query.minScore);
    names['#sk'] = skAttr;
    values[':from'] = range.from;
    values[':to'] = range.to;
    keyCondition += ' AND #sk BETWEEN :from AND :to';
  }
  const filters: string[] = [];
  const eq = (expr: string, placeholder: string, value: unknown) => {
    filters.push(`${expr} = ${placeholder}`);
    values[placeholder] = value;
  };
  if (query.hypothesis) {
    names['#hyp'] = 'hypothesis';
    eq('#hyp', ':hyp', query.hypothesis);
  }
  if (query.eligibility) {
    names['#elig'] = 'eligibilityStatus';
    eq('#elig', ':elig', query.eligibility);
  }
  if (query.region || query.departementCode || query.setting) names['#terr'] = 'territory';
  if (query.region) {
    names['#region'] = 'region';
    eq('#terr.#region', ':region', query.region);
  }
  if (query.departementCode) {
    names['#dep'] = 'departementCode';
    eq('#terr.#dep', ':dep', query.departementCode);
  }
  if (query.setting) {
    names['#setting'] = 'setting';
    eq('#terr.#setting', ':setting', query.setting);
  }

  const input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'> = {
    TableName: db.tableName,
    IndexName: index,
    KeyConditionExpression: keyCondition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
  };
  const start = decodeCursor(input, query.cursor);
  // Without a filter expression a page is one Query of `limit` items; with one, read in larger chunks.
  const chunk = filters.length ? 100 : query.limit;
  const items: Record<string, unknown>[] = [];
  let exclusiveStart: Record<string, unknown> | undefined = start;
  let more = true;
  while (items.length < query.limit && more) {
    const out = await db.doc.send(new QueryCommand({ ...input, Limit: chunk, ExclusiveStartKey: exclusiveStart }));
    const found = out.Items ?? [];
    const room = query.limit - items.length;
    items.push(...found.slice(0, room));
    if (found.length > room) {
      more = true;
      break;
    }
    exclusiveStart = out.LastEvaluatedKey;
    more = exclusiveStart !== undefined;
  }
  const last = items[items.length - 1];
  const nextKey = more && last ? { pk: last.pk, sk: last.sk, [pkAttr]: last[pkAttr], [skAttr]: last[skAttr] } : undefined;
  return { items: items.map(toApplication), nextCursor: encodeCursor(input, nextKey) };
}

/** Every application of a call (a call is bounded: tens to about a thousand), ranked. For exports. */
export async function listAllApplicationsOfCall(db: Db, callId: string): Promise<Application[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': applicationKeys.ofCall(callId) },
    ScanIndexForward: false,
  });
  return items.map(toApplication);
}

/** The applications of a call in one status (bounded by the call), ranked. */
export async function listApplicationsInStatus(db: Db, callId: string, status: ApplicationStatus): Promise<Application[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': applicationKeys.ofCallStatus(callId, status) },
    ScanIndexForward: false,
  });
  return items.map(toApplication);
}

/** An applicant's own applications, newest first. */
export function listApplicationsOfApplicant(db: Db, userId: string, page: PageQuery): Promise<Page<Application>> {
  return queryPage(
    db,
    { IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': applicationKeys.ofApplicant(userId) }, ScanIndexForward: false },
    page,
    toApplication,
  );
}
