import { evaluationApi } from '../../shared/evaluation/api';
import { requestChanges } from '../../shared/evaluation/review';
import { toReportView } from '../../shared/evaluation/views';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.requestChanges, async ({ params, body, principal, deps }) => ({
  body: toReportView(await requestChanges(deps, principal, params.stageId, params.essaimeId, body)),
}));
