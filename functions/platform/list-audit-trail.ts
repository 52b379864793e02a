import { listAuditForEntity } from '../../shared/db/audit';
import { httpHandler } from '../../shared/http/handler';
import { platformApi } from '../../shared/platform/api';

export const handler = httpHandler(platformApi.audit, async ({ params, query, deps }) => ({
  body: await listAuditForEntity(deps.db, params.entityType, params.entityId, query),
}));
