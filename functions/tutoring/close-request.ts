import { httpHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { closeRequest } from '../../shared/tutoring/requests';

export const handler = httpHandler(tutoringRequestsApi.close, async ({ params, body, principal, deps }) => ({
  body: await closeRequest(deps, principal, params.requestId, body),
}));
