import { getApplication } from '../../shared/applications/repository';
import { auditEntryForStaff } from '../../shared/applications/views';
import { listAuditForEntity } from '../../shared/db/audit';
import { httpHandler } from '../../shared/http/handler';
import { platformApi } from '../../shared/platform/api';

/** An application's trail goes through its staff view, so a recused member does not read the reviews there. */
export const handler = httpHandler(platformApi.audit, async ({ params, query, principal, deps }) => {
  const page = await listAuditForEntity(deps.db, params.entityType, params.entityId, query);
  if (params.entityType !== 'application' || page.items.length === 0) return { body: page };
  const app = await getApplication(deps.db, params.entityId);
  return { body: app ? { ...page, items: page.items.map((entry) => auditEntryForStaff(principal, app, entry)) } : page };
});
