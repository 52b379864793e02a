import { callsApi } from '../../shared/calls/api';
import { openCall } from '../../shared/calls/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.open, async ({ params, principal, deps }) => ({ body: await openCall(deps, principal, params.callId) }));
