import type { Db } from '../db/client';
import type { Page, PageQuery } from '../db/pagination';
import { getOne, putNew, putVersioned, queryAllMixed, queryPageOf, updateOne, valuesOf, type Range } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { cohortEntity, cohortOfSeasonEntity, moduleEntity, progressEntity, sessionEntity } from './entities';
import type { AttendanceCounts } from './rules';
import type { Cohort, Session, TrainingModule } from './schemas';

/**
 * The cohort's programme: cohort, modules and sessions share the cohort partition, so one Query gives the
 * whole programme of a season (bounded: a handful of modules, a few dozen sessions). Keys and indexes in
 * shared/db/entities/training.ts; the essaimés' side (progress, attendance, deliverables) in progress-repository.ts.
 */

/** An essaimé's training file (progress, attendance, deliverables): the personal-data export reads it as stored. */
export const trainingFilePartition = (essaimeId: string): string => progressEntity.partition('table', { essaimeId });

const stale = (what: string) =>
  conflict('STALE_VERSION', `The ${what} was changed by someone else; reload it and retry`, [{ path: 'body.expectedVersion', message: 'Not the current version' }]);

/** The season's cohort: reserving the season makes a second cohort of the same season impossible. */
export function createCohortWrites(db: Db, cohort: Cohort, modules: TrainingModule[]): Write[] {
  return [
    putNew(db, cohortOfSeasonEntity, { seasonId: cohort.seasonId, cohortId: cohort.cohortId }, conflict('COHORT_EXISTS', 'This season already has its cohort')),
    putNew(db, cohortEntity, cohort),
    ...modules.map((m) => putNew(db, moduleEntity, m)),
  ];
}

export const createSessionWrite = (db: Db, session: Session): Write => putNew(db, sessionEntity, session);

export function updateModuleWrite(db: Db, next: TrainingModule, expectedVersion: number): Write {
  return updateOne(db, moduleEntity, { cohortId: next.cohortId, moduleId: next.moduleId }, {
    expression: 'SET title = :t, objectives = :o, expertUserIds = :e, version = :next, updatedAt = :at',
    condition: 'attribute_exists(pk) AND version = :expected',
    values: { ':t': next.title, ':o': next.objectives, ':e': next.expertUserIds, ':next': next.version, ':at': next.updatedAt, ':expected': expectedVersion },
    onFailed: stale('module'),
  });
}

/** Moving or cancelling: a full put of the session guarded by its version (recording attendance bumps it too). */
export function saveSessionWrite(db: Db, next: Session, expectedVersion: number): Write {
  return putVersioned(db, sessionEntity, next, expectedVersion, stale('session'));
}

/** Adds attendance deltas to a session; fails if the session was cancelled meanwhile. Bumps its version. */
export function sessionCountersWrite(db: Db, cohortId: string, sessionId: string, delta: AttendanceCounts, at: string): Write {
  return updateOne(db, sessionEntity, { cohortId, sessionId }, {
    expression: 'ADD presentCount :p, excusedCount :e, absentCount :a, version :one SET updatedAt = :at',
    condition: 'attribute_exists(pk) AND #status = :scheduled',
    names: { '#status': 'status' },
    values: { ':p': delta.present, ':e': delta.excused, ':a': delta.absent, ':one': 1, ':at': at, ':scheduled': 'scheduled' },
    onFailed: conflict('SESSION_CANCELLED', 'The session was cancelled meanwhile'),
  });
}

/** Adds attendance deltas to a module's cohort-wide counters. */
export function moduleCountersWrite(db: Db, cohortId: string, moduleId: string, delta: AttendanceCounts): Write {
  return updateOne(db, moduleEntity, { cohortId, moduleId }, {
    expression: 'ADD presentCount :p, excusedCount :e, absentCount :a',
    condition: 'attribute_exists(pk)',
    values: { ':p': delta.present, ':e': delta.excused, ':a': delta.absent },
  });
}

export function getCohort(db: Db, cohortId: string): Promise<Cohort | undefined> {
  return getOne(db, cohortEntity, { cohortId });
}

export async function getCohortIdOfSeason(db: Db, seasonId: string): Promise<string | undefined> {
  return (await getOne(db, cohortOfSeasonEntity, { seasonId }))?.cohortId;
}

export function getModule(db: Db, cohortId: string, moduleId: string): Promise<TrainingModule | undefined> {
  return getOne(db, moduleEntity, { cohortId, moduleId });
}

export function getSession(db: Db, cohortId: string, sessionId: string): Promise<Session | undefined> {
  return getOne(db, sessionEntity, { cohortId, sessionId });
}

/** The cohort, its modules (in order) and its sessions (chronological): one Query on the cohort partition. */
export async function getCohortProgramme(db: Db, cohortId: string): Promise<{ cohort?: Cohort; modules: TrainingModule[]; sessions: Session[] }> {
  const found = await queryAllMixed(db, [cohortEntity, moduleEntity, sessionEntity], { pk: cohortEntity.partition('table', { cohortId }) });
  return {
    cohort: valuesOf(found, cohortEntity)[0],
    modules: valuesOf(found, moduleEntity).sort((a, b) => a.order - b.order),
    sessions: valuesOf(found, sessionEntity).sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.sessionId.localeCompare(b.sessionId)),
  };
}

export function listCohorts(db: Db, page: PageQuery): Promise<Page<Cohort>> {
  return queryPageOf(db, cohortEntity, { index: 'gsi1', pk: cohortEntity.partition('gsi1', {}), descending: true }, page);
}

/** A cohort's sessions (or one module's), chronological. */
export function listSessions(db: Db, cohortId: string, moduleId: string | undefined, page: PageQuery): Promise<Page<Session>> {
  const range: Range = moduleId
    ? { index: 'gsi2', pk: sessionEntity.partition('gsi2', { moduleId }) }
    : { index: 'gsi1', pk: sessionEntity.partition('gsi1', { cohortId }) };
  return queryPageOf(db, sessionEntity, range, page);
}
