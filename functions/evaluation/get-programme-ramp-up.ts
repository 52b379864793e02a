import { httpHandler } from '../../shared/http/handler';
import { dashboardsApi } from '../../shared/read-models/dashboards/api';
import { readRampUp } from '../../shared/read-models/dashboards/ramp-up';

export const handler = httpHandler(dashboardsApi.rampUp, async ({ query, principal, deps }) => ({ body: await readRampUp(deps, principal, query) }));
