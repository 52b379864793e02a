import { dashboardsApi } from '../../shared/dashboards/api';
import { essaimeDashboard } from '../../shared/dashboards/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(dashboardsApi.essaime, async ({ params, principal, deps }) => ({
  body: await essaimeDashboard(deps, principal, params.essaimeId),
}));
