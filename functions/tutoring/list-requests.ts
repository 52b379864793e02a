import { httpHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { listVisibleRequests } from '../../shared/tutoring/requests';

export const handler = httpHandler(tutoringRequestsApi.list, async ({ query, principal, deps }) => ({
  body: await listVisibleRequests(deps, principal, query),
}));
