import type { Principal } from '../access/principal';
import { assertRole, assertThreadParticipant, isStaff } from '../access/policy';
import { getApplication } from '../applications/repository';
import type { Page, PageQuery } from '../db/pagination';
import { withRetry } from '../db/retry';
import { commit, type Write } from '../db/transact';
import { DomainError, notFound } from '../errors';
import { getEssaime } from '../essaimes/repository';
import { listStructureMembers } from '../identity/repository';
import { displayNamesOf } from '../notifications/letter';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { newMessageEmail } from './messages';
import {
  getMessage,
  getProfileOf,
  getReader,
  getThread,
  listAllThreads,
  listMessages,
  listStaffProfiles,
  listThreadsOfReferent,
  putMessageWrite,
  readCountsOf,
  readerWrite,
  saveThreadWrite,
} from './repository';
import { newThreadMessageId, recipientsOf, sideOf, staffWritersAfter } from './rules';
import type { MyThreadsQuery, PostThreadMessageInput, Thread, ThreadMessage } from './schemas';
import { threadView, type PostedThreadMessage, type ThreadView } from './views';

/** What a thread belongs to, known before its first message (a thread item is written with the first one). */
type ThreadOrigin = Pick<Thread, 'threadId' | 'structureId' | 'structureName' | 'seasonId' | 'applicationId' | 'essaimeId' | 'applicantUserId'>;

/**
 * The thread named by `threadId` (an application's id, or an essaimé's), if the caller takes part in it. An
 * essaimé created from an application answers that application's thread: one conversation from the first
 * question while applying to the follow-up after selection, with one history and one unread count.
 */
async function originFor(deps: Deps, principal: Principal, threadId: string): Promise<{ origin: ThreadOrigin; stored?: Thread }> {
  assertRole(principal, ['staff', 'referent']);
  let origin: ThreadOrigin | undefined;
  if (threadId.startsWith('ess_')) {
    const essaime = await getEssaime(deps.db, threadId);
    if (essaime?.applicationId) return originFor(deps, principal, essaime.applicationId);
    if (essaime) {
      origin = { threadId, structureId: essaime.structureId, structureName: essaime.structureName, seasonId: essaime.seasonId, applicationId: null, essaimeId: threadId, applicantUserId: null };
    }
  } else {
    const app = await getApplication(deps.db, threadId);
    if (app) {
      origin = { threadId, structureId: app.structureId, structureName: app.structure.name, seasonId: app.seasonId, applicationId: app.applicationId, essaimeId: app.essaimeId, applicantUserId: app.applicantUserId };
    }
  }
  if (!origin) throw notFound('Thread');
  assertThreadParticipant(principal, origin);
  // The record is read each time: the thread follows it (the essaimé once the decision is published, a renamed structure).
  return { origin, stored: await getThread(deps.db, origin.threadId, true) };
}

export async function readThread(deps: Deps, principal: Principal, threadId: string): Promise<ThreadView> {
  const { origin, stored } = await originFor(deps, principal, threadId);
  const reader = stored ? await getReader(deps.db, origin.threadId, principal.userId) : undefined;
  return threadView({ ...stored, ...origin }, reader?.readCount);
}

export async function listThreadMessages(deps: Deps, principal: Principal, threadId: string, page: PageQuery): Promise<Page<ThreadMessage>> {
  const { origin } = await originFor(deps, principal, threadId);
  return listMessages(deps.db, origin.threadId, page);
}

/** Who on the structure's side hears of a staff message: the applicant and the structure's referents and delegate. */
async function structureSide(deps: Deps, origin: ThreadOrigin): Promise<string[]> {
  const members = await listStructureMembers(deps.db, origin.structureId);
  return [...(origin.applicantUserId ? [origin.applicantUserId] : []), ...members.filter((m) => m.relation !== 'tutor').map((m) => m.userId)];
}

/**
 * A message in the thread, by staff or by someone of the structure. One transaction holds the message, the
 * thread with its count one higher (conditional on the count read: concurrent posts retry), the author's
 * read marker, an e-mail to each person of the other side (outbox) and the audit entry.
 */
export async function postThreadMessage(deps: Deps, actor: Principal, threadId: string, input: PostThreadMessageInput): Promise<PostedThreadMessage> {
  const side = sideOf(actor.role);
  const [profile, { origin }] = await Promise.all([getProfileOf(deps.db, actor.userId), originFor(deps, actor, threadId)]);
  const authorName = profile?.displayName ?? (side === 'staff' ? 'Équipe Ansa' : origin.structureName);
  const others =
    side === 'staff' ? { structureSide: await structureSide(deps, origin), allStaff: [] } : { structureSide: [], allStaff: (await listStaffProfiles(deps.db)).filter((p) => !p.deactivatedAt && !p.erasedAt).map((p) => p.userId) };
  return withRetry(async () => {
    const stored = await getThread(deps.db, origin.threadId, true);
    const now = deps.now();
    const at = now.toISOString();
    const message: ThreadMessage = { messageId: newThreadMessageId(now), threadId: origin.threadId, authorUserId: actor.userId, authorName, side, text: input.text, createdAt: at };
    const next: Thread = {
      ...origin,
      messageCount: (stored?.messageCount ?? 0) + 1,
      lastMessageAt: at,
      lastMessageBy: side,
      staffUserIds: staffWritersAfter(stored?.staffUserIds ?? [], side, actor.userId),
      createdAt: stored?.createdAt ?? at,
    };
    const recipients = recipientsOf({ side, authorUserId: actor.userId, staffWriters: stored?.staffUserIds ?? [], ...others });
    const names = await displayNamesOf(deps.db, recipients);
    const writes: Write[] = [
      saveThreadWrite(deps.db, next, stored ? stored.messageCount : null),
      putMessageWrite(deps.db, message),
      readerWrite(deps.db, { threadId: next.threadId, userId: actor.userId, readCount: next.messageCount }),
      ...recipients.map((recipientUserId) =>
        outboxWrite(
          deps.db,
          newMessage(
            {
              dedupeKey: `thread-message:${message.messageId}:${recipientUserId}`,
              kind: side === 'staff' ? 'thread.staff-message' : 'thread.structure-message',
              recipientUserId,
              ...newMessageEmail(next, side, authorName, names.get(recipientUserId)),
              related: { entityType: 'thread', entityId: next.threadId },
            },
            now,
          ),
        ),
      ),
    ];
    await commit(deps.db, actor, writes, [
      { action: 'thread.message-posted', entityType: 'thread', entityId: next.threadId, changes: { messageId: message.messageId, side, notified: recipients.length } },
    ], now);
    return { message, thread: threadView(next, next.messageCount) };
  });
}

/** The caller has read the thread up to now: their marker moves to the thread's message count. */
export async function markThreadRead(deps: Deps, actor: Principal, threadId: string): Promise<ThreadView> {
  const { origin, stored } = await originFor(deps, actor, threadId);
  const reader = stored ? await getReader(deps.db, origin.threadId, actor.userId, true) : undefined;
  if (!stored || (reader?.readCount ?? 0) >= stored.messageCount) return threadView({ ...stored, ...origin }, reader?.readCount);
  try {
    await commit(deps.db, actor, [readerWrite(deps.db, { threadId: origin.threadId, userId: actor.userId, readCount: stored.messageCount })], [
      { action: 'thread.read', entityType: 'thread', entityId: origin.threadId, changes: { readCount: stored.messageCount } },
    ], deps.now());
  } catch (error) {
    // The same user marked it read at once from another tab: their marker is already there.
    if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
  }
  return threadView({ ...stored, ...origin }, stored.messageCount);
}

/** Staff: every thread; a referent: their structures' and their applications'. Latest activity first, with unread counts. */
export async function listMyThreads(deps: Deps, principal: Principal, query: MyThreadsQuery): Promise<Page<ThreadView>> {
  assertRole(principal, ['staff', 'referent']);
  const page = { limit: query.limit, cursor: query.cursor };
  let threads: Page<Thread>;
  if (isStaff(principal)) threads = await listAllThreads(deps.db, page);
  else threads = await listThreadsOfReferent(deps.db, principal.userId, principal.structureIds, page);
  const reads = await readCountsOf(deps.db, threads.items.map((t) => t.threadId), principal.userId);
  return { items: threads.items.map((t) => threadView(t, reads.get(t.threadId))), nextCursor: threads.nextCursor };
}

/**
 * Documents attached to a message (shared/attachments): whoever takes part in the thread reads them; only
 * the message's author attaches to it. The thread is named by its own id here (not an essaimé's alias).
 */
export async function messageForAttachments(deps: Deps, principal: Principal, threadId: string, messageId: string, mode: 'read' | 'write'): Promise<{ structureId: string }> {
  const { origin } = await originFor(deps, principal, threadId);
  const message = origin.threadId === threadId ? await getMessage(deps.db, threadId, messageId) : undefined;
  if (!message || (mode === 'write' && message.authorUserId !== principal.userId)) throw notFound('Message');
  return { structureId: origin.structureId };
}
