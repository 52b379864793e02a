import { httpHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { createRequest } from '../../shared/tutoring/requests';

export const handler = httpHandler(tutoringRequestsApi.create, async ({ body, principal, deps }) => ({
  status: 201,
  body: await createRequest(deps, principal, body),
}));
