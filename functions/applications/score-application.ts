import { applicationsApi } from '../../shared/applications/api';
import { scoreApplication } from '../../shared/applications/review';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.score, async ({ params, body, principal, deps }) => ({
  body: await scoreApplication(deps, principal, params.applicationId, body),
}));
