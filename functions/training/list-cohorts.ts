import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { listAllCohorts } from '../../shared/training/cohorts';

export const handler = httpHandler(trainingApi.listCohorts, async ({ query, deps }) => ({ body: await listAllCohorts(deps, query) }));
