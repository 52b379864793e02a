import { fidelityApi } from '../../shared/governance/fidelity-api';
import { setAcorLead } from '../../shared/governance/label';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(fidelityApi.setAcorLead, async ({ params, body, principal, deps }) => ({
  body: await setAcorLead(deps, principal, params.tutorUserId, body),
}));
