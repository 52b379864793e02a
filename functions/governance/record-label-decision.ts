import { fidelityApi } from '../../shared/governance/fidelity-api';
import { recordLabelDecision } from '../../shared/governance/label';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(fidelityApi.recordLabelDecision, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await recordLabelDecision(deps, principal, params.essaimeId, body),
}));
