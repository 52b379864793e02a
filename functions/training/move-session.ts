import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { moveSession } from '../../shared/training/sessions';

export const handler = httpHandler(trainingApi.moveSession, async ({ params, body, principal, deps }) => ({
  body: await moveSession(deps, principal, params.cohortId, params.sessionId, body),
}));
