import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { listCohortSessions } from '../../shared/training/sessions';

export const handler = httpHandler(trainingApi.listSessions, async ({ params, query, principal, deps }) => ({
  body: await listCohortSessions(deps, principal, params.cohortId, query),
}));
