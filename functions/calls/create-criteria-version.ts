import { callsApi } from '../../shared/calls/api';
import { createCriteriaVersion } from '../../shared/calls/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.createCriteriaVersion, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await createCriteriaVersion(deps, principal, params.callId, body),
}));
