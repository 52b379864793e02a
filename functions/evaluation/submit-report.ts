import { evaluationApi } from '../../shared/evaluation/api';
import { submitReport } from '../../shared/evaluation/reports';
import { toReportView } from '../../shared/evaluation/views';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.submit, async ({ params, body, principal, deps }) => ({
  body: toReportView(await submitReport(deps, principal, params.stageId, params.essaimeId, body.expectedVersion)),
}));
