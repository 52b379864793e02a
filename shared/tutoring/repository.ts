import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryAll, queryPage, type Page, type PageQuery } from '../db/pagination';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { essaimeKeys } from '../essaimes/repository';
import type { Need } from '../essaimes/schemas';
import { axes } from '../programme/axes';
import { requestState, urgencyRank } from './rules';
import {
  DEFAULT_RESPONSE_TARGET_WORKING_DAYS,
  type AssignmentEvent,
  type CurrentAssignment,
  type GuideEntry,
  type GuideStatus,
  type Tutor,
  type TutoringMessage,
  type TutoringRequest,
  type TutoringSettings,
} from './schemas';

/**
 * Keys and data access of tutoring. See docs/data-model.md ("Tutoring") for every entity and access pattern.
 *
 * - Tutor directory entry and response-time counters share the tutor's partition `TUTOR#<userId>`.
 * - The current assignment of an essaimé and its history share `TUTORASSIGN#<essaimeId>`; the current one is
 *   indexed by tutor (gsi1) for "the essaimés assigned to me".
 * - A request and its thread share `TREQ#<requestId>`. The head item is indexed three ways: the tutor's list
 *   (gsi1, most urgent then newest first, open and closed apart), awaiting a first answer by due date (gsi2,
 *   sparse; overdue = due before now) then, once answered, by response time per tutor (gsi2, worst first),
 *   and the structure's list (gsi3, newest first).
 * - Guide entries are indexed by season and status (gsi1), sorted by axis, so the export reads one partition
 *   already grouped in the programme's axis order.
 */
export const tutoringKeys = {
  tutor: (userId: string) => ({ pk: `TUTOR#${userId}`, sk: 'DIRECTORY' }),
  tutorStats: (userId: string) => ({ pk: `TUTOR#${userId}`, sk: 'STATS' }),
  tutorsIndex: 'TUTORS',
  currentAssignment: (essaimeId: string) => ({ pk: `TUTORASSIGN#${essaimeId}`, sk: 'CURRENT' }),
  assignmentEvent: (essaimeId: string, at: string, assignmentId: string) => ({ pk: `TUTORASSIGN#${essaimeId}`, sk: `HIST#${at}#${assignmentId}` }),
  assignmentsOfTutor: (userId: string) => `TUTOR#${userId}#ASSIGNMENTS`,
  request: (requestId: string) => ({ pk: `TREQ#${requestId}`, sk: 'REQUEST' }),
  message: (requestId: string, at: string, messageId: string) => ({ pk: `TREQ#${requestId}`, sk: `MSG#${at}#${messageId}` }),
  requestsOfTutor: (userId: string, state: 'open' | 'closed') => `TUTOR#${userId}#TREQ#${state}`,
  awaitingAnswer: 'TREQ#AWAITING',
  responseTimesOfTutor: (userId: string) => `TUTORRT#${userId}`,
  requestsOfStructure: (structureId: string) => `STRUCTURE#${structureId}#TREQ`,
  guideEntry: (guideEntryId: string) => ({ pk: `GUIDE#${guideEntryId}`, sk: 'ENTRY' }),
  guideOfSeason: (seasonId: string, status: GuideStatus) => `GUIDE#${seasonId}#${status}`,
  settings: { pk: 'TUTORING#SETTINGS', sk: 'SETTINGS' },
};

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'type'];
function strip<T>(item: Record<string, unknown>, hidden: string[] = []): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (!KEY_ATTRIBUTES.includes(key) && !hidden.includes(key)) out[key] = value;
  return out as T;
}

async function getItem(db: Db, key: Record<string, string>): Promise<Record<string, unknown> | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }));
  return out.Item;
}

// ---------------------------------------------------------------------------------------------------------
// Tutor directory

function tutorItem(tutor: Tutor): Record<string, unknown> {
  return {
    ...tutoringKeys.tutor(tutor.userId),
    gsi1pk: tutoringKeys.tutorsIndex,
    gsi1sk: `${tutor.displayName.toLowerCase()}#${tutor.userId}`,
    type: 'Tutor',
    ...tutor,
  };
}

export const toTutor = (item: Record<string, unknown>) => strip<Tutor>(item);

export function createTutorWrite(db: Db, tutor: Tutor): Write {
  return {
    item: { Put: { TableName: db.tableName, Item: tutorItem(tutor), ConditionExpression: 'attribute_not_exists(pk)' } },
    onConditionFailed: conflict('TUTOR_EXISTS', 'This user is already in the tutor directory'),
  };
}

/**
 * Staff edits (expertise, capacity, availability) under optimistic locking. The load is not written here (the
 * assignment transactions own it), and a capacity below the current load is refused atomically.
 */
export function updateTutorWrite(
  db: Db,
  userId: string,
  changes: Partial<Pick<Tutor, 'expertise' | 'capacity' | 'available' | 'availabilityNote'>>,
  expectedVersion: number,
  updatedAt: string,
): Write {
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':expected': expectedVersion, ':next': expectedVersion + 1, ':updatedAt': updatedAt };
  const sets = ['#version = :next', '#updatedAt = :updatedAt'];
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    names[`#${key}`] = key;
    values[`:${key}`] = value;
    sets.push(`#${key} = :${key}`);
  }
  let condition = 'attribute_exists(pk) AND #version = :expected';
  if (changes.capacity !== undefined) {
    names['#load'] = 'load';
    condition += ' AND #load <= :capacity';
  }
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: tutoringKeys.tutor(userId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    onConditionFailed: conflict('STALE_VERSION', 'The tutor was changed meanwhile (details or load); reload and retry', [
      { path: 'body.expectedVersion', message: 'Not the current version' },
    ]),
  };
}

/** One more essaimé for the tutor, only if available and below capacity: the capacity invariant, atomically. */
export function incrementLoadWrite(db: Db, userId: string): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: tutoringKeys.tutor(userId),
        UpdateExpression: 'SET #load = #load + :one',
        ConditionExpression: 'attribute_exists(pk) AND #available = :true AND #load < #capacity',
        ExpressionAttributeNames: { '#load': 'load', '#capacity': 'capacity', '#available': 'available' },
        ExpressionAttributeValues: { ':one': 1, ':true': true },
      },
    },
    onConditionFailed: conflict('TUTOR_AT_CAPACITY', 'The tutor has no capacity left (or is no longer available)', [
      { path: 'body.tutorUserId', message: 'At capacity or unavailable' },
    ]),
  };
}

export function decrementLoadWrite(db: Db, userId: string): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: tutoringKeys.tutor(userId),
        UpdateExpression: 'SET #load = #load - :one',
        ConditionExpression: 'attribute_exists(pk) AND #load > :zero',
        ExpressionAttributeNames: { '#load': 'load' },
        ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
      },
    },
    onConditionFailed: conflict('TUTOR_LOAD_CHANGED', "The previous tutor's load changed meanwhile; retry"),
  };
}

export async function getTutor(db: Db, userId: string): Promise<Tutor | undefined> {
  const item = await getItem(db, tutoringKeys.tutor(userId));
  return item ? toTutor(item) : undefined;
}

/** The directory, by name. */
export function listTutors(db: Db, page: PageQuery): Promise<Page<Tutor>> {
  return queryPage(db, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': tutoringKeys.tutorsIndex } }, page, toTutor);
}

/** The whole directory (A.CO.R. has a few dozen experts: bounded), for matching and response-time figures. */
export async function listAllTutors(db: Db): Promise<Tutor[]> {
  const items = await queryAll(db, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': tutoringKeys.tutorsIndex } });
  return items.map(toTutor);
}

// ---------------------------------------------------------------------------------------------------------
// Essaimé fields owned by tutoring: declared needs, tutor

export function essaimeNeedsWrite(db: Db, essaimeId: string, needs: Need[], expectedVersion: number): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: essaimeKeys.essaime(essaimeId),
        UpdateExpression: 'SET needs = :needs, #version = :next',
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':needs': needs, ':next': expectedVersion + 1, ':expected': expectedVersion },
      },
    },
    onConditionFailed: conflict('STALE_VERSION', 'The essaimé was changed by someone else; reload it and retry', [
      { path: 'body.expectedVersion', message: 'Not the current version' },
    ]),
  };
}

/** Sets the essaimé's tutor only if it is still the one read (null = none): two staff cannot both assign. */
export function essaimeTutorWrite(db: Db, essaimeId: string, from: string | null, to: string | null): Write {
  const condition = from === null
    ? 'attribute_exists(pk) AND (attribute_not_exists(tutorUserId) OR attribute_type(tutorUserId, :nullType))'
    : 'attribute_exists(pk) AND tutorUserId = :from';
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: essaimeKeys.essaime(essaimeId),
        UpdateExpression: 'SET tutorUserId = :to, #version = #version + :one',
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':to': to, ':one': 1, ...(from === null ? { ':nullType': 'NULL' } : { ':from': from }) },
      },
    },
    onConditionFailed: conflict('ESSAIME_TUTOR_CHANGED', "The essaimé's tutor was changed meanwhile; reload and retry"),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Assignments

function currentAssignmentItem(a: CurrentAssignment) {
  return {
    ...tutoringKeys.currentAssignment(a.essaimeId),
    gsi1pk: tutoringKeys.assignmentsOfTutor(a.tutorUserId),
    gsi1sk: `${a.since}#${a.essaimeId}`,
    type: 'TutorAssignment',
    ...a,
  };
}

/** Replaces the current assignment only if it is still the one read (none, or the same assignment id). */
export function putCurrentAssignmentWrite(db: Db, next: CurrentAssignment, previousAssignmentId: string | null): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: currentAssignmentItem(next),
        ...(previousAssignmentId === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'assignmentId = :prev', ExpressionAttributeValues: { ':prev': previousAssignmentId } }),
      },
    },
    onConditionFailed: conflict('ESSAIME_TUTOR_CHANGED', "The essaimé's tutor was changed meanwhile; reload and retry"),
  };
}

export function deleteCurrentAssignmentWrite(db: Db, essaimeId: string, assignmentId: string): Write {
  return {
    item: {
      Delete: {
        TableName: db.tableName,
        Key: tutoringKeys.currentAssignment(essaimeId),
        ConditionExpression: 'assignmentId = :id',
        ExpressionAttributeValues: { ':id': assignmentId },
      },
    },
    onConditionFailed: conflict('ESSAIME_TUTOR_CHANGED', "The essaimé's tutor was changed meanwhile; reload and retry"),
  };
}

export function assignmentEventWrite(db: Db, event: AssignmentEvent): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: { ...tutoringKeys.assignmentEvent(event.essaimeId, event.at, event.assignmentId), type: 'TutorAssignmentEvent', ...event },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

export async function getCurrentAssignment(db: Db, essaimeId: string): Promise<CurrentAssignment | undefined> {
  const item = await getItem(db, tutoringKeys.currentAssignment(essaimeId));
  return item ? strip<CurrentAssignment>(item) : undefined;
}

/** The essaimés assigned to a tutor, most recent first. */
export function listAssignmentsOfTutor(db: Db, tutorUserId: string, page: PageQuery): Promise<Page<CurrentAssignment>> {
  return queryPage(
    db,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': tutoringKeys.assignmentsOfTutor(tutorUserId) }, ScanIndexForward: false },
    page,
    (item) => strip<CurrentAssignment>(item),
  );
}

/** All of a tutor's current assignments (at most their capacity: bounded). */
export async function listAllAssignmentsOfTutor(db: Db, tutorUserId: string): Promise<CurrentAssignment[]> {
  const items = await queryAll(db, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': tutoringKeys.assignmentsOfTutor(tutorUserId) } });
  return items.map((item) => strip<CurrentAssignment>(item));
}

/** Assignment history of an essaimé, newest first. */
export function listAssignmentHistory(db: Db, essaimeId: string, page: PageQuery): Promise<Page<AssignmentEvent>> {
  return queryPage(
    db,
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :hist)',
      ExpressionAttributeValues: { ':pk': tutoringKeys.currentAssignment(essaimeId).pk, ':hist': 'HIST#' },
      ScanIndexForward: false,
    },
    page,
    (item) => strip<AssignmentEvent>(item),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Requests and their threads

const padMinutes = (minutes: number) => String(Math.max(0, minutes)).padStart(10, '0');

export function requestItem(request: TutoringRequest): Record<string, unknown> {
  const index2 =
    request.status === 'awaiting-answer'
      ? { gsi2pk: tutoringKeys.awaitingAnswer, gsi2sk: `${request.dueAt}#${request.requestId}` }
      : request.responseWorkingMinutes !== null
        ? { gsi2pk: tutoringKeys.responseTimesOfTutor(request.tutorUserId), gsi2sk: `${padMinutes(request.responseWorkingMinutes)}#${request.requestId}` }
        : {};
  return {
    ...tutoringKeys.request(request.requestId),
    gsi1pk: tutoringKeys.requestsOfTutor(request.tutorUserId, requestState(request.status)),
    gsi1sk: `${urgencyRank[request.urgency]}#${request.createdAt}#${request.requestId}`,
    ...index2,
    gsi3pk: tutoringKeys.requestsOfStructure(request.structureId),
    gsi3sk: `${request.createdAt}#${request.requestId}`,
    type: 'TutoringRequest',
    ...request,
  };
}

export const toRequest = (item: Record<string, unknown>) => strip<TutoringRequest>(item);

/** Writes the request head; after creation, only over the version read (optimistic locking). */
export function putRequestWrite(db: Db, request: TutoringRequest, expectedVersion: number | null): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: requestItem(request),
        ...(expectedVersion === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'attribute_exists(pk) AND #version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
      },
    },
    onConditionFailed: conflict('STALE_VERSION', 'The request changed meanwhile; reload it and retry'),
  };
}

export function messageWrite(db: Db, message: TutoringMessage): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: { ...tutoringKeys.message(message.requestId, message.createdAt, message.messageId), type: 'TutoringMessage', ...message },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

export async function getRequest(db: Db, requestId: string): Promise<TutoringRequest | undefined> {
  const item = await getItem(db, tutoringKeys.request(requestId));
  return item ? toRequest(item) : undefined;
}

/** A tutor's open (or closed) requests: most urgent first, then newest first (gsi1, descending). */
export function listRequestsOfTutor(db: Db, tutorUserId: string, state: 'open' | 'closed', page: PageQuery): Promise<Page<TutoringRequest>> {
  return queryPage(
    db,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': tutoringKeys.requestsOfTutor(tutorUserId, state) }, ScanIndexForward: false },
    page,
    toRequest,
  );
}

/** A structure's requests, newest first (gsi3). */
export function listRequestsOfStructure(db: Db, structureId: string, page: PageQuery): Promise<Page<TutoringRequest>> {
  return queryPage(
    db,
    { IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': tutoringKeys.requestsOfStructure(structureId) }, ScanIndexForward: false },
    page,
    toRequest,
  );
}

/** Requests awaiting a first answer whose target passed before `now`, most overdue first (gsi2). */
export function listOverdueRequests(db: Db, now: Date, page: PageQuery): Promise<Page<TutoringRequest>> {
  return queryPage(
    db,
    {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :now',
      ExpressionAttributeValues: { ':pk': tutoringKeys.awaitingAnswer, ':now': now.toISOString() },
    },
    page,
    toRequest,
  );
}

/** All overdue requests (the reminder job walks them; few by construction, since they get answered). */
export async function listAllOverdueRequests(db: Db, now: Date): Promise<TutoringRequest[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :now',
    ExpressionAttributeValues: { ':pk': tutoringKeys.awaitingAnswer, ':now': now.toISOString() },
  });
  return items.map(toRequest);
}

/** The thread of a request, oldest message first. */
export function listMessages(db: Db, requestId: string, page: PageQuery): Promise<Page<TutoringMessage>> {
  return queryPage(
    db,
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :msg)',
      ExpressionAttributeValues: { ':pk': tutoringKeys.request(requestId).pk, ':msg': 'MSG#' },
    },
    page,
    (item) => strip<TutoringMessage>(item),
  );
}

/** Every message of a thread (bounded by the conversation; used to compute review hints for the guide). */
export async function listAllMessages(db: Db, requestId: string): Promise<TutoringMessage[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :msg)',
    ExpressionAttributeValues: { ':pk': tutoringKeys.request(requestId).pk, ':msg': 'MSG#' },
  });
  return items.map((item) => strip<TutoringMessage>(item));
}

/** Open requests of one essaimé (for the cohort progress view): the structure's requests, filtered. */
export async function countOpenRequestsOfEssaime(db: Db, structureId: string, essaimeId: string): Promise<number> {
  const items = await queryAll(db, {
    IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk',
    FilterExpression: 'essaimeId = :e AND #status <> :closed',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': tutoringKeys.requestsOfStructure(structureId), ':e': essaimeId, ':closed': 'closed' },
  });
  return items.length;
}

// ---------------------------------------------------------------------------------------------------------
// Response-time and usefulness counters per tutor

export interface TutorStats {
  answeredCount: number;
  responseMinutesTotal: number;
  onTargetCount: number;
  ratingCount: number;
  ratingTotal: number;
}

export function statsAnsweredWrite(db: Db, tutorUserId: string, minutes: number, onTarget: boolean): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: tutoringKeys.tutorStats(tutorUserId),
        UpdateExpression: 'SET #type = :type, tutorUserId = :t ADD answeredCount :one, responseMinutesTotal :m, onTargetCount :on',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'TutorStats', ':t': tutorUserId, ':one': 1, ':m': minutes, ':on': onTarget ? 1 : 0 },
      },
    },
  };
}

export function statsRatedWrite(db: Db, tutorUserId: string, rating: number): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: tutoringKeys.tutorStats(tutorUserId),
        UpdateExpression: 'SET #type = :type, tutorUserId = :t ADD ratingCount :one, ratingTotal :r',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'TutorStats', ':t': tutorUserId, ':one': 1, ':r': rating },
      },
    },
  };
}

export async function getTutorStats(db: Db, tutorUserId: string): Promise<TutorStats> {
  const item = await getItem(db, tutoringKeys.tutorStats(tutorUserId));
  return {
    answeredCount: Number(item?.answeredCount ?? 0),
    responseMinutesTotal: Number(item?.responseMinutesTotal ?? 0),
    onTargetCount: Number(item?.onTargetCount ?? 0),
    ratingCount: Number(item?.ratingCount ?? 0),
    ratingTotal: Number(item?.ratingTotal ?? 0),
  };
}

/** The slowest first answer of a tutor: the top of their response-time index (gsi2, descending, one item). */
export async function getWorstResponse(db: Db, tutorUserId: string): Promise<TutoringRequest | undefined> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': tutoringKeys.responseTimesOfTutor(tutorUserId) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const item = out.Items?.[0];
  return item ? toRequest(item) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Guide entries

/** Internal attributes of a guide entry: the names it must not contain, and hints for the reviewer. */
export interface GuideEntryRecord extends GuideEntry {
  sensitiveTerms: string[];
  reviewHints: string[];
}

function guideEntryItem(entry: GuideEntryRecord) {
  return {
    ...tutoringKeys.guideEntry(entry.guideEntryId),
    gsi1pk: tutoringKeys.guideOfSeason(entry.seasonId, entry.status),
    gsi1sk: `${axes.indexOf(entry.axis)}#${entry.createdAt}#${entry.guideEntryId}`,
    type: 'GuideEntry',
    ...entry,
  };
}

const toGuideRecord = (item: Record<string, unknown>) => strip<GuideEntryRecord>(item);

export function putGuideEntryWrite(db: Db, entry: GuideEntryRecord, expectedVersion: number | null): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: guideEntryItem(entry),
        ...(expectedVersion === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'attribute_exists(pk) AND #version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
      },
    },
    onConditionFailed: conflict('STALE_VERSION', 'The guide entry was changed by someone else; reload it and retry', [
      { path: 'body.expectedVersion', message: 'Not the current version' },
    ]),
  };
}

export async function getGuideEntry(db: Db, guideEntryId: string): Promise<GuideEntryRecord | undefined> {
  const item = await getItem(db, tutoringKeys.guideEntry(guideEntryId));
  return item ? toGuideRecord(item) : undefined;
}

/** A season's guide entries in one status, grouped by axis (programme order), oldest first within an axis. */
export function listGuideEntries(db: Db, seasonId: string, status: GuideStatus, page: PageQuery): Promise<Page<GuideEntryRecord>> {
  return queryPage(
    db,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': tutoringKeys.guideOfSeason(seasonId, status) } },
    page,
    toGuideRecord,
  );
}

/** Every reviewed entry of a season, for the export (a season's guide holds tens to a few hundred entries). */
export async function listAllReviewedGuideEntries(db: Db, seasonId: string): Promise<GuideEntryRecord[]> {
  const items = await queryAll(db, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': tutoringKeys.guideOfSeason(seasonId, 'reviewed') } });
  return items.map(toGuideRecord);
}

// ---------------------------------------------------------------------------------------------------------
// Settings

export async function getTutoringSettings(db: Db): Promise<TutoringSettings> {
  const item = await getItem(db, tutoringKeys.settings);
  if (!item) return { responseTargetWorkingDays: DEFAULT_RESPONSE_TARGET_WORKING_DAYS, version: 0, updatedAt: null };
  return { responseTargetWorkingDays: Number(item.responseTargetWorkingDays), version: Number(item.version), updatedAt: (item.updatedAt as string) ?? null };
}

export function putTutoringSettingsWrite(db: Db, settings: TutoringSettings, expectedVersion: number): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: { ...tutoringKeys.settings, type: 'TutoringSettings', ...settings },
        ...(expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
      },
    },
    onConditionFailed: conflict('STALE_VERSION', 'The settings were changed by someone else; reload and retry', [
      { path: 'body.expectedVersion', message: 'Not the current version' },
    ]),
  };
}
