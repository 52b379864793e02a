import { governanceApi } from '../../shared/governance/api';
import { readEssaimeGovernance } from '../../shared/governance/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(governanceApi.essaimeGovernance, async ({ params, principal, deps }) => ({
  body: await readEssaimeGovernance(deps, principal, params.essaimeId),
}));
