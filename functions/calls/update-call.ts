import { callsApi } from '../../shared/calls/api';
import { updateCall } from '../../shared/calls/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.update, async ({ params, body, principal, deps }) => ({ body: await updateCall(deps, principal, params.callId, body) }));
