import { httpHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { markRequestForGuide } from '../../shared/tutoring/guide';

export const handler = httpHandler(tutoringRequestsApi.markForGuide, async ({ params, body, principal, deps }) => ({
  body: await markRequestForGuide(deps, principal, params.requestId, body),
}));
