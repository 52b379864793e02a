import { httpHandler } from '../../shared/http/handler';
import { cohortProgress } from '../../shared/read-models/cohort-progress';
import { cohortProgressApi } from '../../shared/read-models/cohort-progress/api';

export const handler = httpHandler(cohortProgressApi.get, async ({ params, query, deps }) => ({
  body: await cohortProgress(deps, params.cohortId, query),
}));
