import { receiptPdf } from '../../shared/applications/receipts';
import { applicationsApi } from '../../shared/applications/api';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.receipt, async ({ params, principal, deps }) => {
  const { filename, bytes } = await receiptPdf(deps, principal, params.applicationId);
  return { text: { contentType: 'application/pdf', content: Buffer.from(bytes).toString('base64'), filename, base64: true } };
});
