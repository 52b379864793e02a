import { httpHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { listRequestMessages } from '../../shared/tutoring/requests';

export const handler = httpHandler(tutoringRequestsApi.messages, async ({ params, query, principal, deps }) => ({
  body: await listRequestMessages(deps, principal, params.requestId, query),
}));
