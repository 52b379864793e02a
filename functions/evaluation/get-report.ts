import { evaluationApi } from '../../shared/evaluation/api';
import { readReport } from '../../shared/evaluation/reports';
import { toReportView } from '../../shared/evaluation/views';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.getReport, async ({ params, principal, deps }) => ({
  body: toReportView(await readReport(deps, principal, params.stageId, params.essaimeId)),
}));
