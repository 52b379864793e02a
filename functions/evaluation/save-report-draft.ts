import { evaluationApi } from '../../shared/evaluation/api';
import { saveReportDraft } from '../../shared/evaluation/reports';
import { toReportView } from '../../shared/evaluation/views';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.saveDraft, async ({ params, body, principal, deps }) => ({
  body: toReportView(await saveReportDraft(deps, principal, params.stageId, params.essaimeId, body)),
}));
