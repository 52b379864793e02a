import { publishDecisions } from '../../shared/applications/decisions';
import { callsApi } from '../../shared/calls/api';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.publishDecisions, async ({ params, body, principal, deps }) => ({
  body: await publishDecisions(deps, principal, params.callId, { waitlistUndecided: body?.waitlistUndecided }),
}));
