import { essaimeFinalReportPdf } from '../../shared/read-models/reports/final-reports';
import { httpHandler } from '../../shared/http/handler';
import { reportsApi } from '../../shared/read-models/reports/api';

export const handler = httpHandler(reportsApi.essaimeFinalReport, async ({ params, principal, deps }) => {
  const { filename, bytes } = await essaimeFinalReportPdf(deps, principal, params.essaimeId);
  return { text: { contentType: 'application/pdf', content: Buffer.from(bytes).toString('base64'), filename, base64: true } };
});
