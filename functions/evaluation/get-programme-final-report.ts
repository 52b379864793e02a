import { evaluationApi } from '../../shared/evaluation/api';
import { programmeFinalReportPdf } from '../../shared/evaluation/exports';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.programmeFinalReport, async ({ params, deps }) => {
  const { filename, bytes } = await programmeFinalReportPdf(deps, params.seasonId);
  return { text: { contentType: 'application/pdf', content: Buffer.from(bytes).toString('base64'), filename, base64: true } };
});
