import { evaluationApi } from '../../shared/evaluation/api';
import { saveReportDraft } from '../../shared/evaluation/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.saveDraft, async ({ params, body, principal, deps }) => ({
  body: await saveReportDraft(deps, principal, params.stageId, params.essaimeId, body),
}));
