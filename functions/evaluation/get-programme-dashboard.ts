import { dashboardsApi } from '../../shared/read-models/dashboards/api';
import { programmeDashboard } from '../../shared/read-models/dashboards/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(dashboardsApi.programme, async ({ params, deps }) => ({ body: await programmeDashboard(deps, params.seasonId) }));
