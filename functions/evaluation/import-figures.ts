import { evaluationStudyApi } from '../../shared/evaluation/study-api';
import { importFigures } from '../../shared/evaluation/figures-import';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationStudyApi.importFigures, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await importFigures(deps, principal, params.stageId, body.csv),
}));
