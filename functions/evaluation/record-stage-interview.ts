import { evaluationStudyApi } from '../../shared/evaluation/study-api';
import { recordInterview } from '../../shared/evaluation/interviews';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationStudyApi.recordInterview, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await recordInterview(deps, principal, params.stageId, body),
}));
