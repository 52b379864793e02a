import { attachmentsApi } from '../../shared/attachments/api';
import { deleteAttachment } from '../../shared/attachments/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(attachmentsApi.delete, async ({ params, principal, deps }) => {
  await deleteAttachment(deps, principal, params.attachmentId);
  return { status: 204 };
});
