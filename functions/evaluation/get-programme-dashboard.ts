import { dashboardsApi } from '../../shared/dashboards/api';
import { programmeDashboard } from '../../shared/dashboards/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(dashboardsApi.programme, async ({ params, deps }) => ({ body: await programmeDashboard(deps, params.seasonId) }));
