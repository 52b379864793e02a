import { httpHandler } from '../../shared/http/handler';
import { privacyApi } from '../../shared/read-models/personal-data/api';
import { eraseUser } from '../../shared/read-models/personal-data/use-cases';

export const handler = httpHandler(privacyApi.eraseUser, async ({ params, body, principal, deps }) => ({
  body: await eraseUser(deps, principal, params.userId, body),
}));
