import { attachmentsApi } from '../../shared/attachments/api';
import { startUpload } from '../../shared/attachments/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(attachmentsApi.startUpload, async ({ body, principal, deps }) => ({ status: 201, body: await startUpload(deps, principal, body) }));
