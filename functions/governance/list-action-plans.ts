import { listActionPlans } from '../../shared/governance/action-plans';
import { governanceApi } from '../../shared/governance/api';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(governanceApi.listActionPlans, async ({ params, query, principal, deps }) => ({
  body: await listActionPlans(deps, principal, params.essaimeId, query),
}));
