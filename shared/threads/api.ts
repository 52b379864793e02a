import * as z from 'zod/mini';
import { pageOf } from '../db/pagination';
import { defineRoute } from '../http/route';
import { myThreadsQuery, postThreadMessageBody, threadIdSchema, threadMessageSchema, threadMessagesQuery } from './schemas';
import { postedThreadMessageSchema, threadViewSchema } from './views';

const threadParams = z.strictObject({ threadId: threadIdSchema });
const TAG = 'threads';

/**
 * Message threads between a structure and Ansa: staff and the structure's side (the applicant, its
 * referents and delegates) read and write; tutors have their own request threads and no access here.
 */
export const threadsApi = {
  mine: defineRoute({
    operationId: 'listMyThreads',
    method: 'GET',
    path: '/me/threads',
    summary: "The caller's threads, latest activity first, with their unread counts (staff: every thread)",
    tag: TAG,
    access: ['staff', 'referent'],
    query: myThreadsQuery,
    response: { status: 200, description: 'A page of threads', schema: pageOf(threadViewSchema) },
    errors: [],
  }),
  get: defineRoute({
    operationId: 'getThread',
    method: 'GET',
    path: '/threads/{threadId}',
    summary: "The thread of an application or essaimé, with the caller's unread count (no message yet: a count of 0)",
    tag: TAG,
    access: ['staff', 'referent'],
    params: threadParams,
    response: { status: 200, description: 'The thread', schema: threadViewSchema },
    errors: ['NOT_FOUND'],
  }),
  messages: defineRoute({
    operationId: 'listThreadMessages',
    method: 'GET',
    path: '/threads/{threadId}/messages',
    summary: 'Messages of a thread, newest first',
    tag: TAG,
    access: ['staff', 'referent'],
    params: threadParams,
    query: threadMessagesQuery,
    response: { status: 200, description: 'A page of messages', schema: pageOf(threadMessageSchema) },
    errors: ['NOT_FOUND'],
  }),
  post: defineRoute({
    operationId: 'postThreadMessage',
    method: 'POST',
    idempotent: true,
    path: '/threads/{threadId}/messages',
    summary: 'Write in the thread; the other side is e-mailed (outbox)',
    tag: TAG,
    access: ['staff', 'referent'],
    params: threadParams,
    body: postThreadMessageBody,
    response: { status: 201, description: 'The message and the thread after it', schema: postedThreadMessageSchema },
    errors: ['NOT_FOUND'],
  }),
  read: defineRoute({
    operationId: 'markThreadRead',
    method: 'POST',
    path: '/threads/{threadId}/read',
    summary: 'Mark every message of the thread as read by the caller',
    tag: TAG,
    access: ['staff', 'referent'],
    params: threadParams,
    response: { status: 200, description: 'The thread, with its unread count at 0', schema: threadViewSchema },
    errors: ['NOT_FOUND'],
  }),
};
