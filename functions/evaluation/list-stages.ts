import { evaluationApi } from '../../shared/evaluation/api';
import { listStages } from '../../shared/evaluation/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.listStages, async ({ params, deps }) => ({ body: { items: await listStages(deps, params.seasonId) } }));
