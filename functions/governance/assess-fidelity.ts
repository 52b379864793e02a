import { governanceApi } from '../../shared/governance/api';
import { assessFidelity } from '../../shared/governance/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(governanceApi.assessFidelity, async ({ params, body, principal, deps }) => ({
  body: await assessFidelity(deps, principal, params.essaimeId, params.stageId, body),
}));
