import { httpHandler } from '../../shared/http/handler';
import { identityApi } from '../../shared/platform/api';

export const handler = httpHandler(identityApi.me, async ({ caller: me }) => ({
  body: {
    userId: me.principal.userId,
    role: me.principal.role,
    displayName: me.profile?.displayName ?? null,
    organisation: me.profile?.organisation ?? null,
    structureIds: me.principal.structureIds,
    memberships: me.memberships.map(({ structureId, structureName, relation, since }) => ({ structureId, structureName, relation, since })),
  },
}));
