import { evaluationApi } from '../../shared/evaluation/api';
import { listStages } from '../../shared/evaluation/stages';
import { httpHandler } from '../../shared/http/handler';

/** A season has a handful of stages: one page. */
export const handler = httpHandler(evaluationApi.listStages, async ({ params, deps }) => ({ body: { items: await listStages(deps, params.seasonId), nextCursor: null } }));
