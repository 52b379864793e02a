import { evaluationApi } from '../../shared/evaluation/api';
import { listQuestionnaireResponses } from '../../shared/evaluation/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.listQuestionnaires, async ({ params, principal, deps }) => ({
  body: { items: await listQuestionnaireResponses(deps, principal, params.stageId, params.essaimeId) },
}));
