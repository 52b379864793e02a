import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { readCohortOfSeason } from '../../shared/training/cohorts';

export const handler = httpHandler(trainingApi.getCohortOfSeason, async ({ params, principal, deps }) => ({
  body: await readCohortOfSeason(deps, principal, params.seasonId),
}));
