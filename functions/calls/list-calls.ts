import { callsApi } from '../../shared/calls/api';
import { listVisibleCalls } from '../../shared/calls/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.list, async ({ query, principal, deps }) => ({ body: await listVisibleCalls(deps, principal, query) }));
