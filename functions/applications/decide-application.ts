import { applicationsApi } from '../../shared/applications/api';
import { decide } from '../../shared/applications/decisions';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.decide, async ({ params, body, principal, deps }) => ({
  body: await decide(deps, principal, params.applicationId, body),
}));
