import { evaluationApi } from '../../shared/evaluation/api';
import { updateStage } from '../../shared/evaluation/stages';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.updateStage, async ({ params, body, principal, deps }) => ({
  body: await updateStage(deps, principal, params.stageId, body),
}));
