import * as z from 'zod/mini';
import { threadMessageSchema, threadSchema, threadSideSchema, type Thread } from './schemas';
import { unreadCount } from './rules';

/** A thread as its participants see it: what it belongs to, its activity and the caller's unread count. */
export const threadViewSchema = z.extend(z.pick(threadSchema, { threadId: true, structureId: true, structureName: true, seasonId: true, applicationId: true, essaimeId: true, messageCount: true }), {
    lastMessageAt: z.nullable(z.string()).check(z.describe('Null while nobody has written')),
    lastMessageBy: z.nullable(threadSideSchema),
    unreadCount: z.int().check(z.gte(0), z.describe('Messages the caller has not read yet (their own count as read)')),
  });
export type ThreadView = z.infer<typeof threadViewSchema>;

export function threadView(thread: Pick<Thread, 'threadId' | 'structureId' | 'structureName' | 'seasonId' | 'applicationId' | 'essaimeId'> & Partial<Thread>, readCount: number | undefined): ThreadView {
  const messageCount = thread.messageCount ?? 0;
  return {
    threadId: thread.threadId,
    structureId: thread.structureId,
    structureName: thread.structureName,
    seasonId: thread.seasonId,
    applicationId: thread.applicationId,
    essaimeId: thread.essaimeId,
    messageCount,
    lastMessageAt: thread.lastMessageAt ?? null,
    lastMessageBy: thread.lastMessageBy ?? null,
    unreadCount: unreadCount(messageCount, readCount),
  };
}

export const threadMessageViewSchema = threadMessageSchema;
export const postedThreadMessageSchema = z.object({ message: threadMessageSchema, thread: threadViewSchema });
export type PostedThreadMessage = z.infer<typeof postedThreadMessageSchema>;
