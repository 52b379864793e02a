import { evaluationApi } from '../../shared/evaluation/api';
import { createStage } from '../../shared/evaluation/stages';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.createStage, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await createStage(deps, principal, params.seasonId, body),
}));
