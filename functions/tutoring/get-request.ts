import { httpHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { readRequest } from '../../shared/tutoring/requests';

export const handler = httpHandler(tutoringRequestsApi.get, async ({ params, principal, deps }) => ({
  body: await readRequest(deps, principal, params.requestId),
}));
