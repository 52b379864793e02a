import { evaluationApi } from '../../shared/evaluation/api';
import { reopenReport } from '../../shared/evaluation/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.reopen, async ({ params, body, principal, deps }) => ({
  body: await reopenReport(deps, principal, params.stageId, params.essaimeId, body),
}));
