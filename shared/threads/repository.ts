import type { Db } from '../db/client';
import { decodeCursor, encodeCursor, type Page, type PageQuery } from '../db/pagination';
import { getOne, putItem, queryAllOf, queryPageOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { userProfileEntity } from '../identity/entities';
import type { UserProfile } from '../identity/schemas';
import { applicantThreadsPartition, threadEntity, threadMessageEntity, threadReaderEntity } from './entities';
import type { Thread, ThreadMessage, ThreadReader } from './schemas';

/** Threads, their messages and read markers in one partition per thread (keys in shared/db/entities/threads.ts). */

export function getThread(db: Db, threadId: string, consistent = false): Promise<Thread | undefined> {
  return getOne(db, threadEntity, { threadId }, consistent);
}

export function getReader(db: Db, threadId: string, userId: string, consistent = false): Promise<ThreadReader | undefined> {
  return getOne(db, threadReaderEntity, { threadId, userId }, consistent);
}

/** The caller's read markers of a page of threads (one GetItem each: a page holds at most 100). */
export async function readCountsOf(db: Db, threadIds: string[], userId: string): Promise<Map<string, number>> {
  const readers = await Promise.all(threadIds.map((threadId) => getReader(db, threadId, userId)));
  return new Map(threadIds.map((threadId, i) => [threadId, readers[i]?.readCount ?? 0]));
}

const threadMoved = () => conflict('TRANSACTION_CONFLICT', 'Another message was posted meanwhile; retry');

/**
 * The thread after one more message: lands only if its message count is still the one read (or, for the
 * first message, if there is no thread yet), so the count is exact however many write at once.
 */
export function saveThreadWrite(db: Db, next: Thread, countRead: number | null): Write {
  if (countRead === null) return putItem(db, threadEntity, next, { expression: 'attribute_not_exists(pk)', onFailed: threadMoved() });
  return putItem(db, threadEntity, next, { expression: 'messageCount = :n', values: { ':n': countRead }, onFailed: threadMoved() });
}

export function putMessageWrite(db: Db, message: ThreadMessage): Write {
  return putItem(db, threadMessageEntity, message, { expression: 'attribute_not_exists(pk)', onFailed: conflict('CONFLICT', 'This message already exists') });
}

/** A read marker never goes back: it lands only if it moves forward. */
export function readerWrite(db: Db, reader: ThreadReader): Write {
  return putItem(db, threadReaderEntity, reader, {
    expression: 'attribute_not_exists(pk) OR readCount < :n',
    values: { ':n': reader.readCount },
    onFailed: conflict('CONFLICT', 'Already marked read further'),
  });
}

export function getMessage(db: Db, threadId: string, messageId: string): Promise<ThreadMessage | undefined> {
  return getOne(db, threadMessageEntity, { threadId, messageId });
}

/** A thread's messages, newest first. */
export function listMessages(db: Db, threadId: string, page: PageQuery): Promise<Page<ThreadMessage>> {
  return queryPageOf(db, threadMessageEntity, { pk: threadEntity.partition('table', { threadId }), skPrefix: 'MSG#', descending: true }, page);
}

/** Every thread, latest activity first (staff). */
export function listAllThreads(db: Db, page: PageQuery): Promise<Page<Thread>> {
  return queryPageOf(db, threadEntity, { index: 'gsi1', pk: threadEntity.partition('gsi1', {}), descending: true }, page);
}

/**
 * A referent's threads: those of their structures and of the applications they wrote (a person has a few:
 * one per application and per essaimé), merged and sorted by latest activity, then paged by position with a
 * cursor signed for this person's list.
 */
export async function listThreadsOfReferent(db: Db, userId: string, structureIds: string[], page: PageQuery): Promise<Page<Thread>> {
  const partitions = [
    ...structureIds.map((structureId) => ({ index: 'gsi2' as const, pk: threadEntity.partition('gsi2', { structureId }) })),
    { index: 'gsi3' as const, pk: applicantThreadsPartition(userId) },
  ];
  const found = (await Promise.all(partitions.map((range) => queryAllOf(db, threadEntity, range)))).flat();
  const unique = [...new Map(found.map((t) => [t.threadId, t])).values()].sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt) || b.threadId.localeCompare(a.threadId));
  const list = { KeyConditionExpression: 'referent-threads', ExpressionAttributeValues: { ':userId': userId, ':structures': structureIds.join(',') } };
  const start = Number(decodeCursor(list, page.cursor)?.offset ?? 0);
  const items = unique.slice(start, start + page.limit);
  const next = start + page.limit < unique.length ? { offset: start + page.limit } : undefined;
  return { items, nextCursor: encodeCursor(list, next) };
}

/** Ansa's staff (a handful of people): who hears of a structure's message while no staff member wrote in the thread. */
export function listStaffProfiles(db: Db): Promise<UserProfile[]> {
  return queryAllOf(db, userProfileEntity, { index: 'gsi1', pk: userProfileEntity.partition('gsi1', { role: 'staff' }) });
}

export function getProfileOf(db: Db, userId: string): Promise<UserProfile | undefined> {
  return getOne(db, userProfileEntity, { userId });
}
