import type { Db } from '../db/client';
import type { Page, PageQuery } from '../db/pagination';
import { getOne, putNew, putVersioned, queryAllMixed, queryPageOf, valuesOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { fidelityEntity, labelDecisionEntity, meetingEntity } from './entities';
import type { FidelityAssessment, LabelDecision, Meeting } from './schemas';

/** Fidelity assessments and label decisions of an essaimé (one partition), and steering meetings. */

/** The first assessment of a stage (expectedVersion 0) or a revision of the version read. */
export function putFidelityWrite(db: Db, assessment: FidelityAssessment, expectedVersion: number): Write {
  const stale = conflict('STALE_VERSION', 'The assessment was saved by someone else meanwhile; reload it and retry', [
    { path: 'body.expectedVersion', message: 'Not the current version' },
  ]);
  return expectedVersion === 0 ? putNew(db, fidelityEntity, assessment, stale) : putVersioned(db, fidelityEntity, assessment, expectedVersion, stale);
}

export function putLabelDecisionWrite(db: Db, decision: LabelDecision): Write {
  return putNew(db, labelDecisionEntity, decision);
}

export function getFidelity(db: Db, essaimeId: string, stageId: string): Promise<FidelityAssessment | undefined> {
  return getOne(db, fidelityEntity, { essaimeId, stageId });
}

/** Assessments (one per stage) and label decisions (oldest first) of one essaimé: bounded. */
export async function listEssaimeGovernance(db: Db, essaimeId: string): Promise<{ assessments: FidelityAssessment[]; labelDecisions: LabelDecision[] }> {
  const items = await queryAllMixed(db, [fidelityEntity, labelDecisionEntity], { pk: fidelityEntity.partition('table', { essaimeId }) });
  return {
    assessments: valuesOf(items, fidelityEntity),
    labelDecisions: valuesOf(items, labelDecisionEntity),
  };
}

export function putMeetingWrite(db: Db, meeting: Meeting): Write {
  return putNew(db, meetingEntity, meeting);
}

/** Meetings of a season, most recent first. */
export function listMeetingsOfSeason(db: Db, seasonId: string, page: PageQuery): Promise<Page<Meeting>> {
  return queryPageOf(db, meetingEntity, { index: 'gsi1', pk: meetingEntity.partition('gsi1', { seasonId }), descending: true }, page);
}
