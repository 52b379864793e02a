import { httpHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { postRequestMessage } from '../../shared/tutoring/requests';

export const handler = httpHandler(tutoringRequestsApi.post, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await postRequestMessage(deps, principal, params.requestId, body),
}));
