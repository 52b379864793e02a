import { applicationsApi } from '../../shared/applications/api';
import { recuse } from '../../shared/applications/review';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.recuse, async ({ params, body, principal, deps }) => ({
  body: await recuse(deps, principal, params.applicationId, body.reason),
}));
