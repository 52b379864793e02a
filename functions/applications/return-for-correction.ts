import { applicationsApi } from '../../shared/applications/api';
import { returnForCorrection } from '../../shared/applications/review';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.returnForCorrection, async ({ params, body, principal, deps }) => ({
  body: await returnForCorrection(deps, principal, params.applicationId, body),
}));
