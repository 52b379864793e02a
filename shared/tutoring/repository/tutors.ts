import type { Db } from '../../db/client';
import type { Page, PageQuery } from '../../db/pagination';
import { getOne, putNew, queryAllOf, queryPageOf, updateOne } from '../../db/store';
import type { Write } from '../../db/transact';
import { conflict } from '../../errors';
import { tutorEntity, tutorStatsEntity } from '../entities';
import type { Tutor, TutorStats } from '../schemas';

/** The tutor directory (`TUTOR#<userId>`, by name on gsi1) and the counters kept beside each entry. */

const directory = () => ({ index: 'gsi1' as const, pk: tutorEntity.partition('gsi1', {}) });

export function createTutorWrite(db: Db, tutor: Tutor): Write {
  return putNew(db, tutorEntity, tutor, conflict('TUTOR_EXISTS', 'This user is already in the tutor directory'));
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
  return updateOne(db, tutorEntity, { userId }, {
    expression: `SET ${sets.join(', ')}`,
    condition,
    names,
    values,
    onFailed: conflict('STALE_VERSION', 'The tutor was changed meanwhile (details or load); reload and retry', [
      { path: 'body.expectedVersion', message: 'Not the current version' },
    ]),
  });
}

/** One more essaimé for the tutor, only if available and below capacity: the capacity invariant, atomically. */
export function incrementLoadWrite(db: Db, userId: string): Write {
  return updateOne(db, tutorEntity, { userId }, {
    expression: 'SET #load = #load + :one',
    condition: 'attribute_exists(pk) AND #available = :true AND #load < #capacity',
    names: { '#load': 'load', '#capacity': 'capacity', '#available': 'available' },
    values: { ':one': 1, ':true': true },
    onFailed: conflict('TUTOR_AT_CAPACITY', 'The tutor has no capacity left (or is no longer available)', [
      { path: 'body.tutorUserId', message: 'At capacity or unavailable' },
    ]),
  });
}

export function decrementLoadWrite(db: Db, userId: string): Write {
  return updateOne(db, tutorEntity, { userId }, {
    expression: 'SET #load = #load - :one',
    condition: 'attribute_exists(pk) AND #load > :zero',
    names: { '#load': 'load' },
    values: { ':one': 1, ':zero': 0 },
    onFailed: conflict('TUTOR_LOAD_CHANGED', "The previous tutor's load changed meanwhile; retry"),
  });
}

export function getTutor(db: Db, userId: string): Promise<Tutor | undefined> {
  return getOne(db, tutorEntity, { userId }, true);
}

/** The directory, by name. */
export function listTutors(db: Db, page: PageQuery): Promise<Page<Tutor>> {
  return queryPageOf(db, tutorEntity, directory(), page);
}

/** The whole directory (A.CO.R. has a few dozen experts: bounded), for matching and response-time figures. */
export function listAllTutors(db: Db): Promise<Tutor[]> {
  return queryAllOf(db, tutorEntity, directory());
}

/** The tutor's directory entry copies their name and organisation: what personal-data export and erasure look at. */
export function tutorEntryKey(userId: string): { pk: string; sk: string } {
  return tutorEntity.key({ userId });
}

// Response-time and usefulness counters (created by the first ADD).

export function statsAnsweredWrite(db: Db, tutorUserId: string, minutes: number, onTarget: boolean): Write {
  return updateOne(db, tutorStatsEntity, { tutorUserId }, {
    expression: 'SET #type = :type, tutorUserId = :t ADD answeredCount :one, responseMinutesTotal :m, onTargetCount :on',
    names: { '#type': 'type' },
    values: { ':type': tutorStatsEntity.itemType.type, ':t': tutorUserId, ':one': 1, ':m': minutes, ':on': onTarget ? 1 : 0 },
  });
}

export function statsRatedWrite(db: Db, tutorUserId: string, rating: number): Write {
  return updateOne(db, tutorStatsEntity, { tutorUserId }, {
    expression: 'SET #type = :type, tutorUserId = :t ADD ratingCount :one, ratingTotal :r',
    names: { '#type': 'type' },
    values: { ':type': tutorStatsEntity.itemType.type, ':t': tutorUserId, ':one': 1, ':r': rating },
  });
}

export async function getTutorStats(db: Db, tutorUserId: string): Promise<TutorStats> {
  return (await getOne(db, tutorStatsEntity, { tutorUserId }, true)) ?? tutorStatsEntity.schema.parse({ tutorUserId });
}
