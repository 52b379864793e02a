import { fidelityApi } from '../../shared/governance/fidelity-api';
import { readEssaimeGovernance } from '../../shared/governance/fidelity';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(fidelityApi.essaimeGovernance, async ({ params, principal, deps }) => ({
  body: await readEssaimeGovernance(deps, principal, params.essaimeId),
}));
