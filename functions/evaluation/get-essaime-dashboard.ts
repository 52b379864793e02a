import { dashboardsApi } from '../../shared/read-models/dashboards/api';
import { essaimeDashboard } from '../../shared/read-models/dashboards/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(dashboardsApi.essaime, async ({ params, principal, deps }) => ({
  body: await essaimeDashboard(deps, principal, params.essaimeId),
}));
