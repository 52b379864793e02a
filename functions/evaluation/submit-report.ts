import { evaluationApi } from '../../shared/evaluation/api';
import { submitReport } from '../../shared/evaluation/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.submit, async ({ params, body, principal, deps }) => ({
  body: await submitReport(deps, principal, params.stageId, params.essaimeId, body.expectedVersion),
}));
