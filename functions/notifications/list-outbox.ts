import { isStaff } from '../../shared/access/policy';
import { httpHandler } from '../../shared/http/handler';
import { listOutbox, listOutboxFor } from '../../shared/notifications/outbox';
import { outboxApi } from '../../shared/platform/api';

export const handler = httpHandler(outboxApi.list, async ({ query, principal, deps }) => ({
  body: isStaff(principal) ? await listOutbox(deps.db, query) : await listOutboxFor(deps.db, principal.userId, query),
}));
