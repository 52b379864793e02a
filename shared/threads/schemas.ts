import * as z from 'zod/mini';
import { idSchema } from '../ids';

/**
 * Message threads between a structure and Ansa (issue 10, point 3). A thread is named by the record it
 * belongs to: an application's thread has the application's id; an essaimé created from an application
 * continues that application's thread (the conversation started while applying goes on after selection);
 * an essaimé that came from no application (an earlier season's) has a thread named by its own id.
 */
export const threadIdSchema = z.union([idSchema('application'), idSchema('essaime')]).check(z.describe("The id of the application or essaimé the thread belongs to (an essaimé from an application answers its application's thread)"));

/** Who writes on each side: the structure (its referents, delegates, the applicant) or Ansa's staff. */
export const threadSideSchema = z.enum(['structure', 'staff']);
export type ThreadSide = z.infer<typeof threadSideSchema>;

export const postThreadMessageBody = z.strictObject({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(8000)) });
export type PostThreadMessageInput = z.output<typeof postThreadMessageBody>;

export const threadMessagesQuery = z.strictObject({ limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20), cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))) });

export const myThreadsQuery = z.strictObject({
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  });
export type MyThreadsQuery = z.output<typeof myThreadsQuery>;

/** A thread as stored. */
export const threadSchema = z.object({
  threadId: z.string(),
  structureId: z.string(),
  structureName: z.string(),
  seasonId: z.string(),
  applicationId: z.nullable(z.string()),
  essaimeId: z.nullable(z.string()),
  applicantUserId: z.nullable(z.string()).check(z.describe('The applicant of the application, who writes here before being a member of the structure')),
  messageCount: z.int(),
  lastMessageAt: z.string(),
  lastMessageBy: threadSideSchema,
  staffUserIds: z.array(z.string()).check(z.describe('Staff who wrote in the thread: the structure’s messages are e-mailed to them')),
  createdAt: z.string(),
});
export type Thread = z.infer<typeof threadSchema>;

export const threadMessageSchema = z.object({
  messageId: z.string(),
  threadId: z.string(),
  authorUserId: z.string(),
  authorName: z.string(),
  side: threadSideSchema,
  text: z.string(),
  createdAt: z.string(),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

export const threadReaderSchema = z.object({ threadId: z.string(), userId: z.string(), readCount: z.int() });
export type ThreadReader = z.infer<typeof threadReaderSchema>;
