import { evaluationApi } from '../../shared/evaluation/api';
import { stageCompletion } from '../../shared/evaluation/progress';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.completion, async ({ params, deps }) => ({ body: await stageCompletion(deps, params.stageId) }));
