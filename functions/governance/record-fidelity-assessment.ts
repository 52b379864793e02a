import { fidelityApi } from '../../shared/governance/fidelity-api';
import { recordFidelityAssessment } from '../../shared/governance/fidelity';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(fidelityApi.recordFidelityAssessment, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await recordFidelityAssessment(deps, principal, params.essaimeId, body),
}));
