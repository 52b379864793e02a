import { evaluationStudyApi } from '../../shared/evaluation/study-api';
import { previewFiguresImport } from '../../shared/evaluation/figures-import';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationStudyApi.previewImport, async ({ params, body, deps }) => ({ body: await previewFiguresImport(deps, params.stageId, body.csv) }));
