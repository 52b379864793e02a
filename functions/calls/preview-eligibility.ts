import { callsApi } from '../../shared/calls/api';
import { previewEligibility } from '../../shared/calls/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.previewEligibility, async ({ params, body, principal, deps }) => ({
  body: await previewEligibility(deps, principal, params.callId, body),
}));
