import { randomUUID } from 'node:crypto';
import type { Role } from '../access/principal';
import type { ThreadSide } from './schemas';

/** Pure rules of the structure–Ansa threads. */

/** Staff write for Ansa; a referent (applicant, referent or delegate of the structure) for the structure. */
export const sideOf = (role: Role): ThreadSide => (role === 'staff' ? 'staff' : 'structure');

/** Unread = messages in the thread − messages the user has read (their own count as read). Never negative. */
export const unreadCount = (messageCount: number, readCount: number | undefined): number => Math.max(0, messageCount - (readCount ?? 0));

/**
 * Who is e-mailed about a new message: the other side, never its author. A structure's message goes to the
 * staff who already wrote in the thread, or, while none has, to every staff member; a staff message goes to
 * the applicant and the structure's referents.
 */
export function recipientsOf(input: {
  side: ThreadSide;
  authorUserId: string;
  staffWriters: readonly string[];
  allStaff: readonly string[];
  structureSide: readonly string[];
}): string[] {
  const others =
    input.side === 'structure' ? (input.staffWriters.length > 0 ? input.staffWriters : input.allStaff) : input.structureSide;
  return [...new Set(others)].filter((userId) => userId !== input.authorUserId);
}

/** The staff who wrote in a thread, with the author of a new staff message added once. */
export function staffWritersAfter(staffUserIds: readonly string[], side: ThreadSide, authorUserId: string): string[] {
  return side === 'staff' && !staffUserIds.includes(authorUserId) ? [...staffUserIds, authorUserId] : [...staffUserIds];
}

/**
 * A message id that begins with its time (thm_20261128T101500123Z-<uuid>): the thread's partition sorts
 * messages by time on the id alone, and a message is read by its id (attachments name it that way).
 */
export function newThreadMessageId(at: Date): string {
  return `thm_${at.toISOString().replace(/[-:.]/g, '')}-${randomUUID()}`;
}
