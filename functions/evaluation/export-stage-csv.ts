import { evaluationApi } from '../../shared/evaluation/api';
import { stageCsv } from '../../shared/evaluation/exports';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.exportCsv, async ({ params, deps }) => {
  const { filename, content } = await stageCsv(deps, params.stageId);
  return { text: { contentType: 'text/csv; charset=utf-8', content, filename } };
});
