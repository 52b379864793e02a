import { dashboardsApi } from '../../shared/read-models/dashboards/api';
import { programmeDashboard } from '../../shared/read-models/dashboards/use-cases';
import { prefetchingHandler } from '../../shared/http/handler';

// Read together with the caller's profile (one round trip); the route admits its roles before any read.
export const handler = prefetchingHandler(
  dashboardsApi.programme,
  ({ params, deps, batch }) => programmeDashboard(deps, params.seasonId, batch),
  async ({ prefetched }) => ({ body: prefetched }),
);
