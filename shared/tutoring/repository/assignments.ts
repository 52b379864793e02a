import type { Db } from '../../db/client';
import { staticPrefix } from '../../db/entity';
import type { Page, PageQuery } from '../../db/pagination';
import { deleteOne, getOne, putItem, putNew, queryAllOf, queryPageOf } from '../../db/store';
import type { Write } from '../../db/transact';
import { conflict } from '../../errors';
import { tutorAssignmentEntity, tutorAssignmentEventEntity } from '../entities';
import type { AssignmentEvent, CurrentAssignment } from '../schemas';

/**
 * The current assignment of an essaimé and its history share `TUTORASSIGN#<essaimeId>`; the current one is
 * indexed by tutor (gsi1) for "the essaimés assigned to me".
 */

const tutorChanged = () => conflict('ESSAIME_TUTOR_CHANGED', "The essaimé's tutor was changed meanwhile; reload and retry");

/** Replaces the current assignment only if it is still the one read (none, or the same assignment id). */
export function putCurrentAssignmentWrite(db: Db, next: CurrentAssignment, previousAssignmentId: string | null): Write {
  if (previousAssignmentId === null) return putNew(db, tutorAssignmentEntity, next, tutorChanged());
  return putItem(db, tutorAssignmentEntity, next, { expression: 'assignmentId = :prev', values: { ':prev': previousAssignmentId }, onFailed: tutorChanged() });
}

export function deleteCurrentAssignmentWrite(db: Db, essaimeId: string, assignmentId: string): Write {
  const write = deleteOne(db, tutorAssignmentEntity, { essaimeId }, { expression: 'assignmentId = :id', onFailed: tutorChanged() });
  const del = write.item.Delete!;
  return { ...write, item: { Delete: { ...del, ExpressionAttributeValues: { ':id': assignmentId } } } };
}

export function assignmentEventWrite(db: Db, event: AssignmentEvent): Write {
  return putNew(db, tutorAssignmentEventEntity, event, conflict('TRANSACTION_CONFLICT', 'Another change touched the same records; retry'));
}

export function getCurrentAssignment(db: Db, essaimeId: string): Promise<CurrentAssignment | undefined> {
  return getOne(db, tutorAssignmentEntity, { essaimeId }, true);
}

const ofTutor = (tutorUserId: string) => ({ index: 'gsi1' as const, pk: tutorAssignmentEntity.partition('gsi1', { tutorUserId }) });

/** The essaimés assigned to a tutor, most recent first. */
export function listAssignmentsOfTutor(db: Db, tutorUserId: string, page: PageQuery): Promise<Page<CurrentAssignment>> {
  return queryPageOf(db, tutorAssignmentEntity, { ...ofTutor(tutorUserId), descending: true }, page);
}

/** All of a tutor's current assignments (at most their capacity: bounded). */
export function listAllAssignmentsOfTutor(db: Db, tutorUserId: string): Promise<CurrentAssignment[]> {
  return queryAllOf(db, tutorAssignmentEntity, ofTutor(tutorUserId));
}

/** Assignment history of an essaimé, newest first. */
export function listAssignmentHistory(db: Db, essaimeId: string, page: PageQuery): Promise<Page<AssignmentEvent>> {
  const pk = tutorAssignmentEventEntity.partition('table', { essaimeId });
  return queryPageOf(db, tutorAssignmentEventEntity, { pk, skPrefix: staticPrefix(tutorAssignmentEventEntity.itemType.sk), descending: true }, page);
}
