import { attachmentsApi } from '../../shared/attachments/api';
import { confirmUpload } from '../../shared/attachments/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(attachmentsApi.confirmUpload, async ({ params, principal, deps }) => ({ body: await confirmUpload(deps, principal, params.attachmentId) }));
