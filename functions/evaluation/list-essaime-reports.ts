import { evaluationApi } from '../../shared/evaluation/api';
import { listEssaimeReports } from '../../shared/evaluation/progress';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.essaimeReports, async ({ params, principal, deps }) => ({
  body: await listEssaimeReports(deps, principal, params.essaimeId),
}));
