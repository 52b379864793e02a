import { isStaff } from '../../shared/access/policy';
import { httpHandler } from '../../shared/http/handler';
import { displayNamesOf } from '../../shared/identity/repository';
import { listOutbox, listOutboxFor } from '../../shared/notifications/outbox';
import { outboxApi } from '../../shared/platform/api';

/** Staff read every message, others their own; each names its recipient (the page's in one BatchGetItem). */
export const handler = httpHandler(outboxApi.list, async ({ query, principal, deps }) => {
  const page = isStaff(principal) ? await listOutbox(deps.db, query) : await listOutboxFor(deps.db, principal.userId, query);
  const names = await displayNamesOf(deps.db, page.items.map((m) => m.recipientUserId));
  return { body: { ...page, items: page.items.map((m) => ({ ...m, recipientName: names.get(m.recipientUserId) ?? null })) } };
});
