import { fidelityApi } from '../../shared/governance/fidelity-api';
import { assessFidelity } from '../../shared/governance/fidelity';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(fidelityApi.assessFidelity, async ({ params, body, principal, deps }) => ({
  body: await assessFidelity(deps, principal, params.essaimeId, params.stageId, body),
}));
