import { evaluationApi } from '../../shared/evaluation/api';
import { listQuestionnaireResponses } from '../../shared/evaluation/questionnaires';
import { httpHandler } from '../../shared/http/handler';

/** At most MAX_QUESTIONNAIRES_PER_STRUCTURE answers: one page. */
export const handler = httpHandler(evaluationApi.listQuestionnaires, async ({ params, principal, deps }) => ({
  body: { items: await listQuestionnaireResponses(deps, principal, params.stageId, params.essaimeId), nextCursor: null },
}));
