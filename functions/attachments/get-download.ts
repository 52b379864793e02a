import { attachmentsApi } from '../../shared/attachments/api';
import { downloadLink } from '../../shared/attachments/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(attachmentsApi.download, async ({ params, principal, deps }) => ({ body: await downloadLink(deps, principal, params.attachmentId) }));
