import { attachmentsApi } from '../../shared/attachments/api';
import { listAttachments } from '../../shared/attachments/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(attachmentsApi.list, async ({ query, principal, deps }) => ({ body: await listAttachments(deps, principal, query) }));
