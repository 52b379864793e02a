import { governanceApi } from '../../shared/governance/api';
import { recordLabelDecision } from '../../shared/governance/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(governanceApi.recordLabelDecision, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await recordLabelDecision(deps, principal, params.essaimeId, body),
}));
