import type { Db } from '../../db/client';
import { staticPrefix } from '../../db/entity';
import type { Page, PageQuery } from '../../db/pagination';
import { getManyOf } from '../../db/batch';
import { getOne, putNew, putVersioned, queryAllOf, queryPageOf, updateOne, type Range } from '../../db/store';
import type { Write } from '../../db/transact';
import { conflict } from '../../errors';
import { essaimeEntity } from '../../essaimes/entities';
import { awaitingAnswerPartition, essaimeOpenRequestsEntity, responseTimesPartition, tutoringMessageEntity, tutoringRequestEntity } from '../entities';
import type { TutoringMessage, TutoringRequest } from '../schemas';

/**
 * A request and its thread share `TREQ#<requestId>`. The head item is indexed three ways: the tutor's list
 * (gsi1, most urgent then newest first, open and closed apart), awaiting a first answer by due date (gsi2,
 * sparse; overdue = due before now) then, once answered, by response time per tutor (gsi2, worst first), and
 * the structure's list (gsi3, newest first).
 */

const stale = () => conflict('STALE_VERSION', 'The request changed meanwhile; reload it and retry');

/** Writes the request head; after creation, only over the version read (optimistic locking). */
export function putRequestWrite(db: Db, request: TutoringRequest, expectedVersion: number | null): Write {
  return expectedVersion === null
    ? putNew(db, tutoringRequestEntity, request, stale())
    : putVersioned(db, tutoringRequestEntity, request, expectedVersion, stale());
}

export function messageWrite(db: Db, message: TutoringMessage): Write {
  return putNew(db, tutoringMessageEntity, message, conflict('TRANSACTION_CONFLICT', 'Another change touched the same records; retry'));
}

export function getRequest(db: Db, requestId: string): Promise<TutoringRequest | undefined> {
  return getOne(db, tutoringRequestEntity, { requestId }, true);
}

/**
 * The essaimé's current tutor, read strongly: access to requests follows it (not the tutor a request was
 * first addressed to), so a tutor released a moment ago is refused at once.
 */
export async function currentTutorOf(db: Db, essaimeId: string): Promise<string | null> {
  return (await getOne(db, essaimeEntity, { essaimeId }, true))?.tutorUserId ?? null;
}

/** A request is addressed to the essaimé's tutor as read: a reassignment committed meanwhile cancels the creation. */
export function essaimeTutorUnchangedCheck(db: Db, essaimeId: string, tutorUserId: string): Write {
  return {
    item: {
      ConditionCheck: {
        TableName: db.tableName,
        Key: essaimeEntity.key({ essaimeId }),
        ConditionExpression: 'tutorUserId = :tutor',
        ExpressionAttributeValues: { ':tutor': tutorUserId },
      },
    },
    onConditionFailed: conflict('ESSAIME_TUTOR_CHANGED', "The essaimé's tutor was changed meanwhile; reload and retry"),
  };
}

/** The key of a request head and of a message: what the person-ref registry points at. */
export const requestKey = (requestId: string) => tutoringRequestEntity.key({ requestId });

/** The partition of a tutor's open (or closed) requests on gsi1 (the bench reads it raw). */
export const requestsOfTutorPartition = (tutorUserId: string, state: 'open' | 'closed') =>
  tutoringRequestEntity.partition('gsi1', { tutorUserId, state });

/** A tutor's open (or closed) requests: most urgent first, then newest first (gsi1, descending). */
export function listRequestsOfTutor(db: Db, tutorUserId: string, state: 'open' | 'closed', page: PageQuery): Promise<Page<TutoringRequest>> {
  return queryPageOf(db, tutoringRequestEntity, { index: 'gsi1', pk: requestsOfTutorPartition(tutorUserId, state), descending: true }, page);
}

const ofStructure = (structureId: string): Range => ({ index: 'gsi3', pk: tutoringRequestEntity.partition('gsi3', { structureId }) });

/** A structure's requests, newest first (gsi3). */
export function listRequestsOfStructure(db: Db, structureId: string, page: PageQuery): Promise<Page<TutoringRequest>> {
  return queryPageOf(db, tutoringRequestEntity, { ...ofStructure(structureId), descending: true }, page);
}

/** Awaiting a first answer with a due date before `now` (gsi2 sort keys start with the ISO due date; '0' sorts before any). */
const overdue = (now: Date): Range => ({ index: 'gsi2', pk: awaitingAnswerPartition(), skBetween: ['0', now.toISOString()] });

/** Requests awaiting a first answer whose target passed before `now`, most overdue first (gsi2). */
export function listOverdueRequests(db: Db, now: Date, page: PageQuery): Promise<Page<TutoringRequest>> {
  return queryPageOf(db, tutoringRequestEntity, overdue(now), page);
}

/** All overdue requests (the reminder job walks them; few by construction, since they get answered). */
export function listAllOverdueRequests(db: Db, now: Date): Promise<TutoringRequest[]> {
  return queryAllOf(db, tutoringRequestEntity, overdue(now));
}

const thread = (requestId: string): Range => ({
  pk: tutoringMessageEntity.partition('table', { requestId }),
  skPrefix: staticPrefix(tutoringMessageEntity.itemType.sk),
});

/** The thread of a request, oldest message first. */
export function listMessages(db: Db, requestId: string, page: PageQuery): Promise<Page<TutoringMessage>> {
  return queryPageOf(db, tutoringMessageEntity, thread(requestId), page);
}

/** Every message of a thread (bounded by the conversation; used to compute review hints for the guide). */
export function listAllMessages(db: Db, requestId: string): Promise<TutoringMessage[]> {
  return queryAllOf(db, tutoringMessageEntity, thread(requestId));
}

export const messageKey = (message: Pick<TutoringMessage, 'requestId' | 'createdAt' | 'messageId'>) => tutoringMessageEntity.key(message);

/** Open requests of one essaimé: the structure's requests, filtered (gsi3; the reassignment re-addresses them). */
export function listOpenRequestsOfEssaime(db: Db, structureId: string, essaimeId: string): Promise<TutoringRequest[]> {
  return queryAllOf(db, tutoringRequestEntity, {
    ...ofStructure(structureId),
    filter: {
      FilterExpression: 'essaimeId = :e AND #status <> :closed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':e': essaimeId, ':closed': 'closed' },
    },
  });
}

/** Moves an essaimé's open-requests counter (+1 in the request's creation, -1 in its closing transaction). */
export function openRequestsCountWrite(db: Db, essaimeId: string, delta: 1 | -1): Write {
  return updateOne(db, essaimeOpenRequestsEntity, { essaimeId }, {
    expression: 'SET #type = :type, essaimeId = :e ADD openCount :d',
    names: { '#type': 'type' },
    values: { ':type': essaimeOpenRequestsEntity.itemType.type, ':e': essaimeId, ':d': delta },
  });
}

/** The open-requests counters of several essaimés in one BatchGetItem (0 for an essaimé that never had one). */
export async function openRequestCounts(db: Db, essaimeIds: readonly string[]): Promise<Record<string, number>> {
  const counters = essaimeIds.length ? await getManyOf(db, essaimeOpenRequestsEntity, essaimeIds.map((essaimeId) => ({ essaimeId }))) : [];
  const byId = new Map(counters.map((c) => [c.essaimeId, c.openCount]));
  return Object.fromEntries(essaimeIds.map((id) => [id, byId.get(id) ?? 0]));
}

/** The slowest first answer of a tutor: the top of their response-time index (gsi2, descending, one item). */
export async function getWorstResponse(db: Db, tutorUserId: string): Promise<TutoringRequest | undefined> {
  const page = await queryPageOf(db, tutoringRequestEntity, { index: 'gsi2', pk: responseTimesPartition(tutorUserId), descending: true }, { limit: 1 });
  return page.items[0];
}
