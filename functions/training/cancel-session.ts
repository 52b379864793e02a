import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { cancelSession } from '../../shared/training/sessions';

export const handler = httpHandler(trainingApi.cancelSession, async ({ params, body, principal, deps }) => ({
  body: await cancelSession(deps, principal, params.cohortId, params.sessionId, body),
}));
