import { prefetchingHandler } from '../../shared/http/handler';
import { cohortProgress } from '../../shared/read-models/cohort-progress';
import { cohortProgressApi } from '../../shared/read-models/cohort-progress/api';

// Read together with the caller's profile (one round trip); the route admits staff only, before any read.
export const handler = prefetchingHandler(
  cohortProgressApi.get,
  ({ params, query, deps }) => cohortProgress(deps, params.cohortId, query),
  async ({ prefetched }) => ({ body: prefetched }),
);
