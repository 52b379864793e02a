import { applicationsApi } from '../../shared/applications/api';
import { readEligibility } from '../../shared/applications/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.eligibility, async ({ params, principal, deps }) => ({
  body: await readEligibility(deps, principal, params.applicationId),
}));
