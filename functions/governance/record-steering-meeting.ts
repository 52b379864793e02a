import { governanceApi } from '../../shared/governance/api';
import { recordMeeting } from '../../shared/governance/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(governanceApi.recordMeeting, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await recordMeeting(deps, principal, params.seasonId, body),
}));
