import { evaluationApi } from '../../shared/evaluation/api';
import { acceptReport } from '../../shared/evaluation/review';
import { toReportView } from '../../shared/evaluation/views';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.accept, async ({ params, body, principal, deps }) => ({
  body: toReportView(await acceptReport(deps, principal, params.stageId, params.essaimeId, body.expectedVersion)),
}));
