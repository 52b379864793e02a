import { assertRole } from '../../shared/access/policy';
import { applicationsApi } from '../../shared/applications/api';
import { readCallApplications } from '../../shared/applications/use-cases';
import { prefetchingHandler } from '../../shared/http/handler';

// The call and its page are read together with the caller's profile (one round trip); staff only, decided once all are in.
export const handler = prefetchingHandler(
  applicationsApi.listOfCall,
  ({ params, query, deps }) => readCallApplications(deps, params.callId, query),
  async ({ principal, prefetched }) => {
    assertRole(principal, ['staff']);
    return { body: prefetched };
  },
);
