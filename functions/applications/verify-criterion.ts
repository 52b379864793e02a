import { applicationsApi } from '../../shared/applications/api';
import { verifyCriterion } from '../../shared/applications/review';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.verify, async ({ params, body, principal, deps }) => ({
  body: await verifyCriterion(deps, principal, params.applicationId, body),
}));
