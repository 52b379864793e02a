import { itemType } from '../entity';

/**
 * Item types of shared/threads: the message threads between a structure and Ansa. A thread is named by the
 * record it belongs to (an application, or an essaimé that came from no application), shares its partition
 * with its messages and the per-user read markers, and is listed by last activity: all of them for staff
 * (gsi1), a structure's (gsi2), an applicant's before they are a member of the structure (gsi3, sparse).
 */
export const thread = itemType({
  type: 'Thread',
  pk: 'THREAD#{threadId}',
  sk: 'THREAD',
  indexes: {
    gsi1: { pk: 'THREADS', sk: '{lastMessageAt}#{threadId}' },
    gsi2: { pk: 'STRUCTURE#{structureId}#THREADS', sk: '{lastMessageAt}#{threadId}' },
    gsi3: [{ pk: 'APPTHREADS#{applicantUserId}', sk: '{lastMessageAt}#{threadId}' }],
  },
  personal: false,
  description:
    'A message thread between a structure and Ansa (messageCount kept by each message transaction); all threads by last activity on gsi1, a structure’s on gsi2, an applicant’s on gsi3 (only threads of an application)',
});

export const threadMessage = itemType({
  type: 'ThreadMessage',
  pk: 'THREAD#{threadId}',
  sk: 'MSG#{messageId}',
  personal: true,
  description: 'A message of a structure–Ansa thread (free text, its author); message ids begin with their time, so the partition sorts them by time and one message is read by its id',
});

export const threadReader = itemType({
  type: 'ThreadReader',
  pk: 'THREAD#{threadId}',
  sk: 'READER#{userId}',
  personal: false,
  description: "How many of a thread's messages one user has read (their own count as read): unread = thread's messageCount − readCount",
});

export const threadsItemTypes = [thread, threadMessage, threadReader];
