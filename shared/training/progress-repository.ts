import type { Db } from '../db/client';
import { fill } from '../db/entity';
import type { Page, PageQuery } from '../db/pagination';
import { getOne, putItem, putNew, queryAllMixed, queryAllOf, queryPageOf, updateOne, valuesOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { attendanceEntity, deliverableEntity, enrolmentEntity, progressEntity } from './entities';
import type { AttendanceRecord, Deliverable, EssaimeProgress } from './schemas';

/**
 * The essaimés' side of the training: each essaimé has a training partition holding its progress item
 * (attendance summary, deliverables submitted), its attendance records and its deliverables. Attendance of
 * an essaimé is a Query on that partition; a session's and a module's attendance go through gsi1 and gsi2.
 */

const attendanceChanged = () => conflict('ATTENDANCE_CHANGED', 'Attendance of this session was changed meanwhile; reload it and retry');

/** Enrols an essaimé in a cohort: its progress item, refused if it already follows a training. */
export function createProgressWrite(db: Db, progress: EssaimeProgress): Write {
  const { inactiveParticipantIds: _none, ...enrolment } = progress;
  return putNew(db, enrolmentEntity, enrolment, conflict('ESSAIME_ALREADY_IN_COHORT', 'This essaimé already follows the training'));
}

/** A record lands only if it is still what was read: absent when new, or with its previous status. */
export function putAttendanceWrite(db: Db, record: AttendanceRecord, previous: AttendanceRecord['status'] | undefined): Write {
  return putItem(
    db,
    attendanceEntity,
    record,
    previous
      ? { expression: '#status = :previous', names: { '#status': 'status' }, values: { ':previous': previous }, onFailed: attendanceChanged() }
      : { expression: 'attribute_not_exists(pk)', onFailed: attendanceChanged() },
  );
}

/** The essaimé's recomputed summary, guarded by the version of the progress item the summary was computed from. */
export function saveSummaryWrite(db: Db, essaimeId: string, summary: EssaimeProgress['summary'], expectedVersion: number, at: string): Write {
  return updateOne(db, progressEntity, { essaimeId }, {
    expression: 'SET summary = :s, version = :next, updatedAt = :at',
    condition: 'attribute_exists(pk) AND version = :expected',
    values: { ':s': summary, ':next': expectedVersion + 1, ':at': at, ':expected': expectedVersion },
    onFailed: attendanceChanged(),
  });
}

/** First submission (must not exist) or a replacement (must be at the expected version). */
export function putDeliverableWrite(db: Db, deliverable: Deliverable, expectedVersion: number | undefined): Write {
  return expectedVersion === undefined
    ? putNew(db, deliverableEntity, deliverable, conflict('DELIVERABLE_EXISTS', 'A deliverable was already submitted for this module; send expectedVersion to replace it'))
    : putItem(db, deliverableEntity, deliverable, {
        expression: 'attribute_exists(pk) AND version = :expected',
        values: { ':expected': expectedVersion },
        onFailed: conflict('STALE_VERSION', 'The deliverable was changed meanwhile; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]),
      });
}

/** Marks the module's deliverable as submitted on the progress item (the map exists from enrolment). */
export function markDeliverableWrite(db: Db, essaimeId: string, moduleId: string, at: string): Write {
  return updateOne(db, progressEntity, { essaimeId }, {
    expression: 'SET deliverables.#m = :at, updatedAt = :at',
    condition: 'attribute_exists(pk)',
    names: { '#m': moduleId },
    values: { ':at': at },
  });
}

/** A participant who leaves (replaced, withdrawn) stops raising warnings. */
export function markParticipantInactiveWrite(db: Db, essaimeId: string, participantId: string): Write {
  return updateOne(db, progressEntity, { essaimeId }, {
    expression: 'ADD inactiveParticipantIds :ids',
    condition: 'attribute_exists(pk)',
    values: { ':ids': new Set([participantId]) },
  });
}

export function getProgress(db: Db, essaimeId: string): Promise<EssaimeProgress | undefined> {
  return getOne(db, progressEntity, { essaimeId });
}

/** An essaimé's training partition: progress, every attendance record, deliverables. One Query. */
export async function getEssaimeTraining(db: Db, essaimeId: string): Promise<{ progress?: EssaimeProgress; attendance: AttendanceRecord[]; deliverables: Deliverable[] }> {
  const found = await queryAllMixed(db, [progressEntity, attendanceEntity, deliverableEntity], { pk: progressEntity.partition('table', { essaimeId }) });
  return {
    progress: valuesOf(found, progressEntity)[0],
    attendance: valuesOf(found, attendanceEntity),
    deliverables: valuesOf(found, deliverableEntity),
  };
}

/** Attendance of one essaimé in one module: a Query on the essaimé's partition by sort-key prefix. */
export function listEssaimeModuleAttendance(db: Db, essaimeId: string, moduleId: string): Promise<AttendanceRecord[]> {
  const sk = attendanceEntity.itemType.sk;
  const skPrefix = fill(sk.slice(0, sk.indexOf('{sessionId}')), { moduleId });
  return queryAllOf(db, attendanceEntity, { pk: attendanceEntity.partition('table', { essaimeId }), skPrefix });
}

export function listSessionAttendance(db: Db, sessionId: string, page: PageQuery): Promise<Page<AttendanceRecord>> {
  return queryPageOf(db, attendanceEntity, { index: 'gsi1', pk: attendanceEntity.partition('gsi1', { sessionId }) }, page);
}

export function listModuleAttendance(db: Db, moduleId: string, page: PageQuery): Promise<Page<AttendanceRecord>> {
  return queryPageOf(db, attendanceEntity, { index: 'gsi2', pk: attendanceEntity.partition('gsi2', { moduleId }) }, page);
}

/** A page of the cohort's progress items, by structure name. */
export function listProgress(db: Db, cohortId: string, page: PageQuery): Promise<Page<EssaimeProgress>> {
  return queryPageOf(db, progressEntity, { index: 'gsi1', pk: progressEntity.partition('gsi1', { cohortId }) }, page);
}

/** Every progress item of a cohort (one per essaimé of the season: bounded), e.g. to notify the referents. */
export function listAllProgress(db: Db, cohortId: string): Promise<EssaimeProgress[]> {
  return queryAllOf(db, progressEntity, { index: 'gsi1', pk: progressEntity.partition('gsi1', { cohortId }) });
}
