import { applicationsApi } from '../../shared/applications/api';
import { withdrawApplication } from '../../shared/applications/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.withdraw, async ({ params, principal, deps }) => ({
  body: await withdrawApplication(deps, principal, params.applicationId),
}));
