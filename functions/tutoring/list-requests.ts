import { prefetchingHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { listVisibleRequests } from '../../shared/tutoring/requests';

/**
 * A tutor's list depends only on who they are (the token's subject): it is read together with their profile
 * (profile and the page's likely essaimés in one batch of key reads, the page beside it), and served once the
 * profile confirms the tutor role. Other roles' lists need the structures of the profile.
 */
export const handler = prefetchingHandler(
  tutoringRequestsApi.list,
  ({ query, deps, userId, role, batch }) =>
    role === 'tutor' && userId ? listVisibleRequests(deps, { userId, role, structureIds: [] }, query, batch) : Promise.resolve(undefined),
  async ({ query, principal, deps, prefetched }) => ({
    body: principal.role === 'tutor' && prefetched ? prefetched : await listVisibleRequests(deps, principal, query),
  }),
  { profileOnlyFor: ['tutor'] },
);
