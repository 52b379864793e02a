import { evaluationApi } from '../../shared/evaluation/api';
import { createDefaultStages } from '../../shared/evaluation/stages';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.createDefaultStages, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: { items: await createDefaultStages(deps, principal, params.seasonId, body), nextCursor: null },
}));
