import { callsApi } from '../../shared/calls/api';
import { closeCall } from '../../shared/calls/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.close, async ({ params, principal, deps }) => ({ body: await closeCall(deps, principal, params.callId) }));
