import { evaluationApi } from '../../shared/evaluation/api';
import { requestChanges } from '../../shared/evaluation/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.requestChanges, async ({ params, body, principal, deps }) => ({
  body: await requestChanges(deps, principal, params.stageId, params.essaimeId, body),
}));
