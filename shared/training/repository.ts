import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryAll, queryPage, type Page, type PageQuery } from '../db/pagination';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import type { AttendanceCounts } from './rules';
import type { AttendanceRecord, Cohort, Deliverable, EssaimeProgress, Session, TrainingModule } from './schemas';

/**
 * Training keys (see docs/data-model.md, "Training").
 * - The cohort partition holds the cohort, its modules and its sessions: one Query gives the whole programme
 *   of a season (bounded: a handful of modules, a few dozen sessions).
 * - Each essaimé has a training partition: its progress item (attendance summary, deliverables submitted),
 *   its attendance records and its deliverables. Attendance of an essaimé is a Query on that partition, and
 *   of an essaimé in one module a Query on `begins_with(sk, ATT#<moduleId>#)`.
 * - gsi1: cohorts; a cohort's sessions by start; a cohort's progress items by structure name; a session's
 *   attendance. gsi2: a module's sessions by start; a module's attendance over every essaimé.
 */
export const trainingKeys = {
  cohort: (cohortId: string) => ({ pk: `COHORT#${cohortId}`, sk: 'COHORT' }),
  cohortOfSeason: (seasonId: string) => ({ pk: `COHORTSEASON#${seasonId}`, sk: 'UNIQUE' }),
  module: (cohortId: string, moduleId: string) => ({ pk: `COHORT#${cohortId}`, sk: `MODULE#${moduleId}` }),
  session: (cohortId: string, sessionId: string) => ({ pk: `COHORT#${cohortId}`, sk: `SESSION#${sessionId}` }),
  progress: (essaimeId: string) => ({ pk: `TRAINING#${essaimeId}`, sk: 'PROGRESS' }),
  attendance: (essaimeId: string, moduleId: string, sessionId: string, participantId: string) => ({
    pk: `TRAINING#${essaimeId}`,
    sk: `ATT#${moduleId}#${sessionId}#${participantId}`,
  }),
  deliverable: (essaimeId: string, moduleId: string) => ({ pk: `TRAINING#${essaimeId}`, sk: `DELIVERABLE#${moduleId}` }),
  cohortsIndex: 'COHORTS',
  sessionsOfCohort: (cohortId: string) => `COHORT#${cohortId}#SESSIONS`,
  progressOfCohort: (cohortId: string) => `COHORT#${cohortId}#PROGRESS`,
  sessionsOfModule: (moduleId: string) => `MODULE#${moduleId}#SESSIONS`,
  attendanceOfSession: (sessionId: string) => `SESSION#${sessionId}#ATT`,
  attendanceOfModule: (moduleId: string) => `MODULE#${moduleId}#ATT`,
};

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'type'];
function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.includes(k)) out[k] = v;
  return out as T;
}

export const toCohort = (item: Record<string, unknown>) => strip<Cohort>(item);
export const toModule = (item: Record<string, unknown>) => strip<TrainingModule>(item);
export const toSession = (item: Record<string, unknown>) => strip<Session>(item);
export const toAttendance = (item: Record<string, unknown>) => strip<AttendanceRecord>(item);
export const toDeliverable = (item: Record<string, unknown>) => strip<Deliverable>(item);
export function toProgress(item: Record<string, unknown>): EssaimeProgress {
  const progress = strip<EssaimeProgress & { inactiveParticipantIds?: Set<string> | string[] }>(item);
  return { ...progress, inactiveParticipantIds: [...(progress.inactiveParticipantIds ?? [])].sort() };
}

// ---------------------------------------------------------------- items

export function cohortItem(cohort: Cohort) {
  return {
    ...trainingKeys.cohort(cohort.cohortId),
    gsi1pk: trainingKeys.cohortsIndex,
    gsi1sk: `${cohort.startDate}#${cohort.cohortId}`,
    type: 'Cohort',
    ...cohort,
  };
}

export function moduleItem(module: TrainingModule) {
  return { ...trainingKeys.module(module.cohortId, module.moduleId), type: 'TrainingModule', ...module };
}

function sessionIndexKeys(session: Pick<Session, 'cohortId' | 'moduleId' | 'sessionId' | 'startsAt'>) {
  return {
    gsi1pk: trainingKeys.sessionsOfCohort(session.cohortId),
    gsi1sk: `${session.startsAt}#${session.sessionId}`,
    gsi2pk: trainingKeys.sessionsOfModule(session.moduleId),
    gsi2sk: `${session.startsAt}#${session.sessionId}`,
  };
}

export function sessionItem(session: Session) {
  return { ...trainingKeys.session(session.cohortId, session.sessionId), ...sessionIndexKeys(session), type: 'Session', ...session };
}

export function progressItem(progress: EssaimeProgress) {
  const { inactiveParticipantIds, ...rest } = progress;
  return {
    ...trainingKeys.progress(progress.essaimeId),
    gsi1pk: trainingKeys.progressOfCohort(progress.cohortId),
    gsi1sk: `${progress.structureName.toLowerCase()}#${progress.essaimeId}`,
    type: 'EssaimeProgress',
    ...rest,
    // DynamoDB has no empty sets: the attribute appears with the first participant who leaves.
    ...(inactiveParticipantIds.length > 0 ? { inactiveParticipantIds: new Set(inactiveParticipantIds) } : {}),
  };
}

export function attendanceItem(record: AttendanceRecord) {
  return {
    ...trainingKeys.attendance(record.essaimeId, record.moduleId, record.sessionId, record.participantId),
    gsi1pk: trainingKeys.attendanceOfSession(record.sessionId),
    gsi1sk: `${record.essaimeId}#${record.participantId}`,
    gsi2pk: trainingKeys.attendanceOfModule(record.moduleId),
    gsi2sk: `${record.essaimeId}#${record.sessionId}#${record.participantId}`,
    type: 'Attendance',
    ...record,
  };
}

export function deliverableItem(deliverable: Deliverable) {
  return { ...trainingKeys.deliverable(deliverable.essaimeId, deliverable.moduleId), type: 'Deliverable', ...deliverable };
}

// ---------------------------------------------------------------- writes

const put = (db: Db, Item: Record<string, unknown>, ConditionExpression = 'attribute_not_exists(pk)'): Write => ({
  item: { Put: { TableName: db.tableName, Item, ConditionExpression } },
});

/** The season's cohort: reserving the season makes a second cohort of the same season impossible. */
export function createCohortWrites(db: Db, cohort: Cohort, modules: TrainingModule[]): Write[] {
  return [
    {
      ...put(db, { ...trainingKeys.cohortOfSeason(cohort.seasonId), type: 'CohortOfSeason', cohortId: cohort.cohortId }),
      onConditionFailed: conflict('COHORT_EXISTS', 'This season already has its cohort'),
    },
    put(db, cohortItem(cohort)),
    ...modules.map((m) => put(db, moduleItem(m))),
  ];
}

export const createSessionWrite = (db: Db, session: Session): Write => put(db, sessionItem(session));

export const createProgressWrite = (db: Db, progress: EssaimeProgress): Write => ({
  ...put(db, progressItem(progress)),
  onConditionFailed: conflict('ESSAIME_ALREADY_IN_COHORT', 'This essaimé already follows the training'),
});

const staleModule = () => conflict('STALE_VERSION', 'The module was changed by someone else; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]);
const staleSession = () => conflict('STALE_VERSION', 'The session was changed by someone else; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]);

export function updateModuleWrite(db: Db, next: TrainingModule, expectedVersion: number): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: trainingKeys.module(next.cohortId, next.moduleId),
        UpdateExpression: 'SET title = :t, objectives = :o, expertUserIds = :e, version = :next, updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':t': next.title, ':o': next.objectives, ':e': next.expertUserIds, ':next': next.version, ':at': next.updatedAt, ':expected': expectedVersion },
      },
    },
    onConditionFailed: staleModule(),
  };
}

/** Moving or cancelling: a full put of the session guarded by its version (recording attendance bumps it too). */
export function saveSessionWrite(db: Db, next: Session, expectedVersion: number): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: sessionItem(next),
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    },
    onConditionFailed: staleSession(),
  };
}

const attendanceChanged = () =>
  conflict('ATTENDANCE_CHANGED', 'Attendance of this session was changed meanwhile; reload it and retry');

/** A record lands only if it is still what was read: absent when new, or with its previous status. */
export function putAttendanceWrite(db: Db, record: AttendanceRecord, previous: AttendanceRecord['status'] | undefined): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: attendanceItem(record),
        ConditionExpression: previous ? '#status = :previous' : 'attribute_not_exists(pk)',
        ...(previous ? { ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':previous': previous } } : {}),
      },
    },
    onConditionFailed: attendanceChanged(),
  };
}

/** The essaimé's recomputed summary, guarded by the version of the progress item the summary was computed from. */
export function saveSummaryWrite(db: Db, essaimeId: string, summary: EssaimeProgress['summary'], expectedVersion: number, at: string): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: trainingKeys.progress(essaimeId),
        UpdateExpression: 'SET summary = :s, version = :next, updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':s': summary, ':next': expectedVersion + 1, ':at': at, ':expected': expectedVersion },
      },
    },
    onConditionFailed: attendanceChanged(),
  };
}

/** Adds attendance deltas to a session; fails if the session was cancelled meanwhile. Bumps its version. */
export function sessionCountersWrite(db: Db, cohortId: string, sessionId: string, delta: AttendanceCounts, at: string): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: trainingKeys.session(cohortId, sessionId),
        UpdateExpression: 'ADD presentCount :p, excusedCount :e, absentCount :a, version :one SET updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND #status = :scheduled',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':p': delta.present, ':e': delta.excused, ':a': delta.absent, ':one': 1, ':at': at, ':scheduled': 'scheduled' },
      },
    },
    onConditionFailed: conflict('SESSION_CANCELLED', 'The session was cancelled meanwhile'),
  };
}

/** Adds attendance deltas to a module's cohort-wide counters. */
export function moduleCountersWrite(db: Db, cohortId: string, moduleId: string, delta: AttendanceCounts): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: trainingKeys.module(cohortId, moduleId),
        UpdateExpression: 'ADD presentCount :p, excusedCount :e, absentCount :a',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':p': delta.present, ':e': delta.excused, ':a': delta.absent },
      },
    },
  };
}

/** First submission (must not exist) or a replacement (must be at the expected version). */
export function putDeliverableWrite(db: Db, deliverable: Deliverable, expectedVersion: number | undefined): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: deliverableItem(deliverable),
        ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'attribute_exists(pk) AND version = :expected',
        ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
      },
    },
    onConditionFailed:
      expectedVersion === undefined
        ? conflict('DELIVERABLE_EXISTS', 'A deliverable was already submitted for this module; send expectedVersion to replace it')
        : conflict('STALE_VERSION', 'The deliverable was changed meanwhile; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]),
  };
}

/** Marks the module's deliverable as submitted on the progress item (the map exists from enrolment). */
export function markDeliverableWrite(db: Db, essaimeId: string, moduleId: string, at: string): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: trainingKeys.progress(essaimeId),
        UpdateExpression: 'SET deliverables.#m = :at, updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#m': moduleId },
        ExpressionAttributeValues: { ':at': at },
      },
    },
  };
}

/** A participant who leaves (replaced, withdrawn) stops raising warnings; used by the participants' use cases. */
export function markParticipantInactiveWrite(db: Db, essaimeId: string, participantId: string): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: trainingKeys.progress(essaimeId),
        UpdateExpression: 'ADD inactiveParticipantIds :ids',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':ids': new Set([participantId]) },
      },
    },
  };
}

// ---------------------------------------------------------------- reads

async function getItem(db: Db, key: Record<string, string>): Promise<Record<string, unknown> | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }));
  return out.Item;
}

export async function getCohort(db: Db, cohortId: string): Promise<Cohort | undefined> {
  const item = await getItem(db, trainingKeys.cohort(cohortId));
  return item ? toCohort(item) : undefined;
}

export async function getCohortIdOfSeason(db: Db, seasonId: string): Promise<string | undefined> {
  const item = await getItem(db, trainingKeys.cohortOfSeason(seasonId));
  return item?.cohortId as string | undefined;
}

export async function getModule(db: Db, cohortId: string, moduleId: string): Promise<TrainingModule | undefined> {
  const item = await getItem(db, trainingKeys.module(cohortId, moduleId));
  return item ? toModule(item) : undefined;
}

export async function getSession(db: Db, cohortId: string, sessionId: string): Promise<Session | undefined> {
  const item = await getItem(db, trainingKeys.session(cohortId, sessionId));
  return item ? toSession(item) : undefined;
}

export async function getProgress(db: Db, essaimeId: string): Promise<EssaimeProgress | undefined> {
  const item = await getItem(db, trainingKeys.progress(essaimeId));
  return item ? toProgress(item) : undefined;
}

/** The cohort, its modules (in order) and its sessions (chronological): one Query on the cohort partition. */
export async function getCohortProgramme(db: Db, cohortId: string): Promise<{ cohort?: Cohort; modules: TrainingModule[]; sessions: Session[] }> {
  const items = await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `COHORT#${cohortId}` } });
  const head = items.find((i) => i.sk === 'COHORT');
  return {
    cohort: head ? toCohort(head) : undefined,
    modules: items.filter((i) => i.type === 'TrainingModule').map(toModule).sort((a, b) => a.order - b.order),
    sessions: items
      .filter((i) => i.type === 'Session')
      .map(toSession)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.sessionId.localeCompare(b.sessionId)),
  };
}

/** An essaimé's training partition: progress, every attendance record, deliverables. One Query. */
export async function getEssaimeTraining(db: Db, essaimeId: string): Promise<{ progress?: EssaimeProgress; attendance: AttendanceRecord[]; deliverables: Deliverable[] }> {
  const items = await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `TRAINING#${essaimeId}` } });
  const head = items.find((i) => i.sk === 'PROGRESS');
  return {
    progress: head ? toProgress(head) : undefined,
    attendance: items.filter((i) => i.type === 'Attendance').map(toAttendance),
    deliverables: items.filter((i) => i.type === 'Deliverable').map(toDeliverable),
  };
}

/** Attendance of one essaimé in one module: a Query on the essaimé's partition by sort-key prefix. */
export async function listEssaimeModuleAttendance(db: Db, essaimeId: string, moduleId: string): Promise<AttendanceRecord[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `TRAINING#${essaimeId}`, ':prefix': `ATT#${moduleId}#` },
  });
  return items.map(toAttendance);
}

/** Progress items of some essaimés at once (BatchGet, ≤ 100 keys a call). */
export async function getProgressMany(db: Db, essaimeIds: string[]): Promise<EssaimeProgress[]> {
  const out: EssaimeProgress[] = [];
  for (let i = 0; i < essaimeIds.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = essaimeIds.slice(i, i + 100).map((id) => trainingKeys.progress(id));
    while (keys && keys.length > 0) {
      const res = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: keys } } }));
      out.push(...(res.Responses?.[db.tableName] ?? []).map(toProgress));
      keys = res.UnprocessedKeys?.[db.tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return out;
}

export function listCohorts(db: Db, page: PageQuery): Promise<Page<Cohort>> {
  return queryPage(
    db,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': trainingKeys.cohortsIndex }, ScanIndexForward: false },
    page,
    toCohort,
  );
}

/** A cohort's sessions (or one module's), chronological. */
export function listSessions(db: Db, cohortId: string, moduleId: string | undefined, page: PageQuery): Promise<Page<Session>> {
  return queryPage(
    db,
    moduleId
      ? { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': trainingKeys.sessionsOfModule(moduleId) } }
      : { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': trainingKeys.sessionsOfCohort(cohortId) } },
    page,
    toSession,
  );
}

export function listSessionAttendance(db: Db, sessionId: string, page: PageQuery): Promise<Page<AttendanceRecord>> {
  return queryPage(
    db,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': trainingKeys.attendanceOfSession(sessionId) } },
    page,
    toAttendance,
  );
}

export function listModuleAttendance(db: Db, moduleId: string, page: PageQuery): Promise<Page<AttendanceRecord>> {
  return queryPage(
    db,
    { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': trainingKeys.attendanceOfModule(moduleId) } },
    page,
    toAttendance,
  );
}

/** A page of the cohort's progress items, by structure name. */
export function listProgress(db: Db, cohortId: string, page: PageQuery): Promise<Page<EssaimeProgress>> {
  return queryPage(
    db,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': trainingKeys.progressOfCohort(cohortId) } },
    page,
    toProgress,
  );
}

/** Every progress item of a cohort (one per essaimé of the season: bounded), e.g. to notify the referents. */
export async function listAllProgress(db: Db, cohortId: string): Promise<EssaimeProgress[]> {
  const items = await queryAll(db, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': trainingKeys.progressOfCohort(cohortId) } });
  return items.map(toProgress);
}
