import { applicationEntity } from '../../shared/applications/entities';
import { auditEntryForStaff } from '../../shared/applications/views';
import { listAuditForEntity } from '../../shared/db/audit';
import { displayNamesOf } from '../../shared/identity/repository';
import { prefetchingHandler } from '../../shared/http/handler';
import { platformApi } from '../../shared/platform/api';

/**
 * An application's trail goes through its staff view, so a recused member does not read the reviews there.
 * The page is read together with the caller's profile (and the application, in the same batch of key reads).
 */
export const handler = prefetchingHandler(
  platformApi.audit,
  async ({ params, query, deps, batch }) => {
    const [app, page] = await Promise.all([
      params.entityType === 'application' ? batch.get(applicationEntity, { applicationId: params.entityId }) : Promise.resolve(undefined),
      listAuditForEntity(deps.db, params.entityType, params.entityId, query),
    ]);
    return { page, app };
  },
  async ({ principal, caller, deps, prefetched: { page, app } }) => {
    const items = app && page.items.length > 0 ? page.items.map((entry) => auditEntryForStaff(principal, app, entry)) : page.items;
    // People read names, not ids. The caller's own name is in hand; the other actors' profiles are one batch
    // read, never cached: an erased or renamed person's name must not outlive the change.
    const others = await displayNamesOf(deps.db, items.map((entry) => entry.actorId).filter((id) => id !== principal.userId));
    const nameOf = (userId: string) => (userId === principal.userId ? (caller.profile?.displayName ?? null) : (others.get(userId) ?? null));
    return { body: { ...page, items: items.map((entry) => ({ ...entry, actorName: nameOf(entry.actorId) })) } };
  },
);
