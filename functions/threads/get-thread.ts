import { httpHandler } from '../../shared/http/handler';
import { threadsApi } from '../../shared/threads/api';
import { readThread } from '../../shared/threads/use-cases';

export const handler = httpHandler(threadsApi.get, async ({ params, principal, deps }) => ({ body: await readThread(deps, principal, params.threadId) }));
