import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { createCohort } from '../../shared/training/cohorts';

export const handler = httpHandler(trainingApi.createCohort, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await createCohort(deps, principal, params.seasonId, body),
}));
