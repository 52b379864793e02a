import { callsApi } from '../../shared/calls/api';
import { listCriteriaVersions } from '../../shared/calls/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.listCriteriaVersions, async ({ params, principal, deps }) => ({
  body: await listCriteriaVersions(deps, principal, params.callId),
}));
