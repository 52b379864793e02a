import { applicationsApi } from '../../shared/applications/api';
import { listCallApplications } from '../../shared/applications/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.listOfCall, async ({ params, query, principal, deps }) => ({
  body: await listCallApplications(deps, principal, params.callId, query),
}));
