import { getApplication } from '../../shared/applications/repository';
import { auditEntryForStaff } from '../../shared/applications/views';
import { listAuditForEntity } from '../../shared/db/audit';
import { getProfile } from '../../shared/identity/repository';
import { prefetchingHandler } from '../../shared/http/handler';
import { platformApi } from '../../shared/platform/api';

/**
 * An application's trail goes through its staff view, so a recused member does not read the reviews there.
 * The page (and the application, for an application's trail) are read together with the caller's profile.
 */
export const handler = prefetchingHandler(
  platformApi.audit,
  async ({ params, query, deps }) => {
    const [page, app] = await Promise.all([
      listAuditForEntity(deps.db, params.entityType, params.entityId, query),
      params.entityType === 'application' ? getApplication(deps.db, params.entityId) : Promise.resolve(undefined),
    ]);
    return { page, app };
  },
  async ({ principal, deps, prefetched: { page, app } }) => {
    const items = app && page.items.length > 0 ? page.items.map((entry) => auditEntryForStaff(principal, app, entry)) : page.items;
    // People read names, not ids: one key read per distinct actor of the page.
    const actors = [...new Set(items.map((entry) => entry.actorId))];
    const profiles = await Promise.all(actors.map((userId) => getProfile(deps.db, userId)));
    const names = new Map(actors.map((userId, i) => [userId, profiles[i]?.displayName ?? null]));
    return { body: { ...page, items: items.map((entry) => ({ ...entry, actorName: names.get(entry.actorId) ?? null })) } };
  },
);
