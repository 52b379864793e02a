import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { updateModule } from '../../shared/training/cohorts';

export const handler = httpHandler(trainingApi.updateModule, async ({ params, body, principal, deps }) => ({
  body: await updateModule(deps, principal, params.cohortId, params.moduleId, body),
}));
