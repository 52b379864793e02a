import { evaluationApi } from '../../shared/evaluation/api';
import { updateTemplate } from '../../shared/evaluation/stages';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.updateTemplate, async ({ params, body, principal, deps }) => ({
  body: await updateTemplate(deps, principal, params.stageId, body),
}));
