import type { Db } from '../db/client';
import type { Page, PageQuery } from '../db/pagination';
import { deleteOne, getOne, putItem, putNew, queryAllMixed, queryAllOf, queryFilteredPageOf, queryPageOf, valuesOf } from '../db/store';
import type { IndexName } from '../db/table';
import type { Write } from '../db/transact';
import { conflict, type DomainError } from '../errors';
import { applicationEntity, applicationUniqueEntity, reviewEntity, staffNoteEntity, uniquenessHolder } from './entities';
import { rankKeyRange } from './rules';
import type { Application, ApplicationStatus, ListApplicationsQuery, Review, StaffNote } from './schemas';

/**
 * Applications in the single table (keys in shared/db/entities/applications.ts). An application, its
 * reviews and staff's private notes share a partition: the staff view of an application is one Query.
 * Uniqueness items keep one application per applicant and per structure in a call.
 */

/** The ranked list of a call filters on this top-level copy of the eligibility status. */
const filterCopies = (app: Application) => ({ eligibilityStatus: app.eligibility.status });

export function createApplicationWrites(db: Db, app: Application): Write[] {
  return [
    putNew(
      db,
      applicationUniqueEntity,
      { applicationId: app.applicationId, callId: app.callId, holder: uniquenessHolder.applicant(app.applicantUserId) },
      conflict('APPLICATION_EXISTS', 'You already have an application to this call'),
    ),
    putNew(
      db,
      applicationUniqueEntity,
      { applicationId: app.applicationId, callId: app.callId, holder: uniquenessHolder.structure(app.structureId) },
      conflict('APPLICATION_EXISTS', 'This structure already has an application to this call'),
    ),
    putNew(db, applicationEntity, app, undefined, filterCopies(app)),
  ];
}

/** Applicant edits carry the version they read: a stale one is refused, never silently overwritten. */
export const staleApplication = () =>
  conflict('STALE_VERSION', 'The application was changed meanwhile; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]);

/** Staff actions re-read and retry on this one (see retryChanged in use-cases). */
export const changedMeanwhile = () => conflict('APPLICATION_CHANGED', 'The application changed meanwhile; retry');

/** Saves the whole application under optimistic locking (the stored version must be `expectedVersion`). */
export function saveApplicationWrite(db: Db, next: Application, expectedVersion: number, onConditionFailed: DomainError = changedMeanwhile()): Write {
  return putItem(
    db,
    applicationEntity,
    next,
    { expression: 'attribute_exists(pk) AND version = :expected', values: { ':expected': expectedVersion }, onFailed: onConditionFailed },
    filterCopies(next),
  );
}

/** Withdrawal frees the uniqueness items: the applicant may apply again. */
export function releaseUniquenessWrites(db: Db, app: Application): Write[] {
  return [uniquenessHolder.applicant(app.applicantUserId), uniquenessHolder.structure(app.structureId)].map((holder) =>
    deleteOne(db, applicationUniqueEntity, { callId: app.callId, holder }),
  );
}

export function putReviewWrite(db: Db, review: Review, condition?: { mustNotExist?: boolean }): Write {
  if (!condition?.mustNotExist) return putItem(db, reviewEntity, review);
  return putNew(db, reviewEntity, review, conflict('REVIEWER_ALREADY_ASSIGNED', 'This reviewer is already assigned'));
}

export function putNoteWrite(db: Db, note: StaffNote): Write {
  return putNew(db, staffNoteEntity, note);
}

export function getApplication(db: Db, applicationId: string, consistent = false): Promise<Application | undefined> {
  return getOne(db, applicationEntity, { applicationId }, consistent);
}

/** The application with its reviews and private notes: one Query on its partition. */
export async function getApplicationDetail(db: Db, applicationId: string): Promise<{ application?: Application; reviews: Review[]; notes: StaffNote[] }> {
  const found = await queryAllMixed(db, [applicationEntity, reviewEntity, staffNoteEntity], {
    pk: applicationEntity.partition('table', { applicationId }),
  });
  return { application: valuesOf(found, applicationEntity)[0], reviews: valuesOf(found, reviewEntity), notes: valuesOf(found, staffNoteEntity) };
}

export function getReview(db: Db, applicationId: string, reviewerUserId: string): Promise<Review | undefined> {
  return getOne(db, reviewEntity, { applicationId, reviewerUserId });
}

/**
 * The ranked list of a call, best score first. The status filter picks the partition (gsi2), the score
 * filter is a range on the sort key; the other filters (hypothesis, région, département, setting,
 * eligibility) are filter expressions over that one call's partition, which is bounded (one call: tens to
 * about a thousand applications). Pages are filled up to `limit` by reading on, and the cursor is the key
 * of the last item returned, so no item is skipped or repeated between pages.
 */
export function listApplicationsOfCall(db: Db, callId: string, query: ListApplicationsQuery): Promise<Page<Application>> {
  const index: IndexName = query.status ? 'gsi2' : 'gsi1';
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const filters: string[] = [];
  const eq = (path: string[], placeholder: string, value: unknown) => {
    const expr = path.map((name) => `#${name}`).join('.');
    for (const name of path) names[`#${name}`] = name;
    filters.push(`${expr} = ${placeholder}`);
    values[placeholder] = value;
  };
  if (query.hypothesis) eq(['hypothesis'], ':hyp', query.hypothesis);
  if (query.eligibility) eq(['eligibilityStatus'], ':elig', query.eligibility);
  if (query.region) eq(['territory', 'region'], ':region', query.region);
  if (query.departementCode) eq(['territory', 'departementCode'], ':dep', query.departementCode);
  if (query.setting) eq(['territory', 'setting'], ':setting', query.setting);
  const scores = query.minScore === undefined ? undefined : rankKeyRange(query.minScore);
  return queryFilteredPageOf(
    db,
    applicationEntity,
    {
      index,
      pk: applicationEntity.partition(index, { callId, status: query.status ?? '' }),
      ...(scores ? { skBetween: [scores.from, scores.to] as [string, string] } : {}),
      descending: true,
      ...(filters.length ? { filter: { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values } } : {}),
    },
    query,
  );
}

/** Every application of a call (a call is bounded: tens to about a thousand), ranked. For exports. */
export function listAllApplicationsOfCall(db: Db, callId: string): Promise<Application[]> {
  return queryAllOf(db, applicationEntity, { index: 'gsi1', pk: applicationEntity.partition('gsi1', { callId }), descending: true });
}

/** The applications of a call in one status (bounded by the call), ranked. */
export function listApplicationsInStatus(db: Db, callId: string, status: ApplicationStatus): Promise<Application[]> {
  return queryAllOf(db, applicationEntity, { index: 'gsi2', pk: applicationEntity.partition('gsi2', { callId, status }), descending: true });
}

/** An applicant's own applications, newest first. */
export function listApplicationsOfApplicant(db: Db, userId: string, page: PageQuery): Promise<Page<Application>> {
  return queryPageOf(db, applicationEntity, { index: 'gsi3', pk: applicationEntity.partition('gsi3', { applicantUserId: userId }), descending: true }, page);
}

/** Every application of an applicant, any call (bounded: a person applies a few times). */
export function listAllApplicationsOfApplicant(db: Db, userId: string): Promise<Application[]> {
  return queryAllOf(db, applicationEntity, { index: 'gsi3', pk: applicationEntity.partition('gsi3', { applicantUserId: userId }) });
}

/** An application's records (application, reviews, staff notes): the personal-data export reads them as stored. */
export const applicationPartition = (applicationId: string): string => applicationEntity.partition('table', { applicationId });
