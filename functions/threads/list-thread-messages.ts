import { httpHandler } from '../../shared/http/handler';
import { threadsApi } from '../../shared/threads/api';
import { listThreadMessages } from '../../shared/threads/use-cases';

export const handler = httpHandler(threadsApi.messages, async ({ params, query, principal, deps }) => ({
  body: await listThreadMessages(deps, principal, params.threadId, query),
}));
