import type { Db } from '../db/client';
import type { Page, PageQuery } from '../db/pagination';
import { getOne, putNew, putVersioned, queryAllOf, queryPageOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import type { ActionPlan, SeasonGovernance } from './action-plan-schemas';
import { actionPlanEntity, meetingEntity, seasonGovernanceEntity } from './entities';
import type { Meeting } from './schemas';

/** Steering meetings, the season's governance decisions in force and the essaimés' yearly action plans (fidelity and label: ./fidelity-repository.ts). */

export function putMeetingWrite(db: Db, meeting: Meeting): Write {
  return putNew(db, meetingEntity, meeting);
}

/** Meetings of a season, most recent first. */
export function listMeetingsOfSeason(db: Db, seasonId: string, page: PageQuery): Promise<Page<Meeting>> {
  return queryPageOf(db, meetingEntity, { index: 'gsi1', pk: meetingEntity.partition('gsi1', { seasonId }), descending: true }, page);
}

/** Every meeting of a season (a handful a year: bounded), oldest first. */
export function listAllMeetingsOfSeason(db: Db, seasonId: string): Promise<Meeting[]> {
  return queryAllOf(db, meetingEntity, { index: 'gsi1', pk: meetingEntity.partition('gsi1', { seasonId }) });
}

export function getSeasonGovernance(db: Db, seasonId: string): Promise<SeasonGovernance | undefined> {
  return getOne(db, seasonGovernanceEntity, { seasonId }, true);
}

const changedMeanwhile = (what: string) => conflict('CONFLICT', `${what} changed meanwhile; reload and retry`);

/** The decisions in force, written with the meeting: refused if another meeting changed them since they were read. */
export function putSeasonGovernanceWrite(db: Db, next: SeasonGovernance, readVersion: number): Write {
  const stale = changedMeanwhile("The season's governance decisions");
  return readVersion === 0 ? putNew(db, seasonGovernanceEntity, next, stale) : putVersioned(db, seasonGovernanceEntity, next, readVersion, stale);
}

export function getActionPlan(db: Db, essaimeId: string, year: number): Promise<ActionPlan | undefined> {
  return getOne(db, actionPlanEntity, { essaimeId, year }, true);
}

/** The plan of a year: created (expectedVersion 0) or revised at the version read. */
export function putActionPlanWrite(db: Db, plan: ActionPlan, expectedVersion: number, onStale = conflict('STALE_VERSION', 'The action plan was changed by someone else; reload it and retry', [
  { path: 'body.expectedVersion', message: 'Not the current version' },
])): Write {
  return expectedVersion === 0 ? putNew(db, actionPlanEntity, plan, onStale) : putVersioned(db, actionPlanEntity, plan, expectedVersion, onStale);
}

/** A validation lands only on the version the meeting read. */
export function validateActionPlanWrite(db: Db, plan: ActionPlan, readVersion: number): Write {
  return putVersioned(db, actionPlanEntity, plan, readVersion, changedMeanwhile('The action plan'));
}

/** An essaimé's plans, latest year first. */
export function listActionPlansOfEssaime(db: Db, essaimeId: string, page: PageQuery): Promise<Page<ActionPlan>> {
  return queryPageOf(db, actionPlanEntity, { pk: actionPlanEntity.partition('table', { essaimeId }), descending: true }, page);
}

/** The plans of a season's essaimés for one year (one per essaimé: bounded by the cohort). */
export function listActionPlansOfSeasonYear(db: Db, seasonId: string, year: number): Promise<ActionPlan[]> {
  return queryAllOf(db, actionPlanEntity, { index: 'gsi1', pk: actionPlanEntity.partition('gsi1', { seasonId }), skPrefix: `${year}#` });
}
