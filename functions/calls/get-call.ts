import { callsApi } from '../../shared/calls/api';
import { readCall } from '../../shared/calls/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.get, async ({ params, principal, deps }) => ({ body: await readCall(deps, principal, params.callId) }));
