import { applicationsApi } from '../../shared/applications/api';
import { createApplication } from '../../shared/applications/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.create, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await createApplication(deps, principal, params.callId, body),
}));
