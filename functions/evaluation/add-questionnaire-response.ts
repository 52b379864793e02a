import { evaluationApi } from '../../shared/evaluation/api';
import { addQuestionnaireResponse } from '../../shared/evaluation/questionnaires';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.addQuestionnaire, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await addQuestionnaireResponse(deps, principal, params.stageId, params.essaimeId, body),
}));
