import { applicationsApi } from '../../shared/applications/api';
import { updateApplication } from '../../shared/applications/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.update, async ({ params, body, principal, deps }) => ({
  body: await updateApplication(deps, principal, params.applicationId, body),
}));
