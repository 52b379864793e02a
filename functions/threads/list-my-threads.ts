import { httpHandler } from '../../shared/http/handler';
import { threadsApi } from '../../shared/threads/api';
import { listMyThreads } from '../../shared/threads/use-cases';

export const handler = httpHandler(threadsApi.mine, async ({ query, principal, deps }) => ({ body: await listMyThreads(deps, principal, query) }));
