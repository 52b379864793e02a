import { httpHandler } from '../../shared/http/handler';
import { threadsApi } from '../../shared/threads/api';
import { postThreadMessage } from '../../shared/threads/use-cases';

export const handler = httpHandler(threadsApi.post, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await postThreadMessage(deps, principal, params.threadId, body),
}));
