import { evaluationApi } from '../../shared/evaluation/api';
import { reopenReport } from '../../shared/evaluation/review';
import { toReportView } from '../../shared/evaluation/views';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.reopen, async ({ params, body, principal, deps }) => ({
  body: toReportView(await reopenReport(deps, principal, params.stageId, params.essaimeId, body)),
}));
