import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { readCohort } from '../../shared/training/cohorts';

export const handler = httpHandler(trainingApi.getCohort, async ({ params, principal, deps }) => ({
  body: await readCohort(deps, principal, params.cohortId),
}));
