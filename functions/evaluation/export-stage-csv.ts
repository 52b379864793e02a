import { stageCsv } from '../../shared/read-models/reports/stage-csv';
import { httpHandler } from '../../shared/http/handler';
import { reportsApi } from '../../shared/read-models/reports/api';

export const handler = httpHandler(reportsApi.stageCsv, async ({ params, deps }) => {
  const { filename, content } = await stageCsv(deps, params.stageId);
  return { text: { contentType: 'text/csv; charset=utf-8', content, filename } };
});
