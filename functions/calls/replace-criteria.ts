import { callsApi } from '../../shared/calls/api';
import { replaceCriteria } from '../../shared/calls/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.replaceCriteria, async ({ params, body, principal, deps }) => ({
  body: await replaceCriteria(deps, principal, params.callId, body),
}));
