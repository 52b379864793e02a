import { evaluationStudyApi } from '../../shared/evaluation/study-api';
import { listInterviews } from '../../shared/evaluation/interviews';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationStudyApi.listInterviews, async ({ params, query, deps }) => ({ body: await listInterviews(deps, params.stageId, query) }));
