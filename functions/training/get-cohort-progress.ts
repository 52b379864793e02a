import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { cohortProgress } from '../../shared/training/use-cases';

export const handler = httpHandler(trainingApi.cohortProgress, async ({ params, query, deps }) => ({
  body: await cohortProgress(deps, params.cohortId, query),
}));
