import { httpHandler } from '../../shared/http/handler';
import { threadsApi } from '../../shared/threads/api';
import { markThreadRead } from '../../shared/threads/use-cases';

export const handler = httpHandler(threadsApi.read, async ({ params, principal, deps }) => ({ body: await markThreadRead(deps, principal, params.threadId) }));
