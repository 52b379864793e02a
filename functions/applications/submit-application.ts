import { applicationsApi } from '../../shared/applications/api';
import { submitApplication } from '../../shared/applications/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.submit, async ({ params, principal, deps }) => ({
  body: await submitApplication(deps, principal, params.applicationId),
}));
