import { evaluationApi } from '../../shared/evaluation/api';
import { readStage } from '../../shared/evaluation/stages';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.getStage, async ({ params, deps }) => ({ body: await readStage(deps, params.stageId) }));
