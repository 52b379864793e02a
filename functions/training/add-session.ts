import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { addSession } from '../../shared/training/sessions';

export const handler = httpHandler(trainingApi.addSession, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await addSession(deps, principal, params.cohortId, body),
}));
