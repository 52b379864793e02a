import { evaluationApi } from '../../shared/evaluation/api';
import { readReport } from '../../shared/evaluation/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.getReport, async ({ params, principal, deps }) => ({
  body: await readReport(deps, principal, params.stageId, params.essaimeId),
}));
