import { putActionPlan } from '../../shared/governance/action-plans';
import { governanceApi } from '../../shared/governance/api';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(governanceApi.putActionPlan, async ({ params, body, principal, deps }) => ({
  body: await putActionPlan(deps, principal, params.essaimeId, params.year, body),
}));
