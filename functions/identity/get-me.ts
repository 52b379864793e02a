import { httpHandler } from '../../shared/http/handler';
import { identityApi } from '../../shared/identity/api';
import { resolveCaller } from '../../shared/identity/principal';

export const handler = httpHandler(identityApi.me, async ({ event, deps }) => {
  const me = await resolveCaller(deps.db, event.requestContext.authorizer?.jwt?.claims);
  return {
    body: {
      userId: me.principal.userId,
      role: me.principal.role,
      displayName: me.profile?.displayName ?? null,
      organisation: me.profile?.organisation ?? null,
      structureIds: me.principal.structureIds,
      memberships: me.memberships.map(({ structureId, structureName, relation, since }) => ({ structureId, structureName, relation, since })),
    },
  };
});
