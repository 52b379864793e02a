import { evaluationApi } from '../../shared/evaluation/api';
import { essaimeFinalReportPdf } from '../../shared/evaluation/exports';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.essaimeFinalReport, async ({ params, principal, deps }) => {
  const { filename, bytes } = await essaimeFinalReportPdf(deps, principal, params.essaimeId);
  return { text: { contentType: 'application/pdf', content: Buffer.from(bytes).toString('base64'), filename, base64: true } };
});
