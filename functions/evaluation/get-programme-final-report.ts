import { programmeFinalReportPdf } from '../../shared/read-models/reports/final-reports';
import { httpHandler } from '../../shared/http/handler';
import { reportsApi } from '../../shared/read-models/reports/api';

export const handler = httpHandler(reportsApi.programmeFinalReport, async ({ params, deps }) => {
  const { filename, bytes } = await programmeFinalReportPdf(deps, params.seasonId);
  return { text: { contentType: 'application/pdf', content: Buffer.from(bytes).toString('base64'), filename, base64: true } };
});
