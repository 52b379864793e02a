import { evaluationApi } from '../../shared/evaluation/api';
import { readTemplateVersion } from '../../shared/evaluation/stages';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.getTemplateVersion, async ({ params, deps }) => ({
  body: await readTemplateVersion(deps, params.stageId, params.templateVersion),
}));
