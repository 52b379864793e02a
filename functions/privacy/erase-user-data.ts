import { httpHandler } from '../../shared/http/handler';
import { privacyApi } from '../../shared/privacy/api';
import { eraseUser } from '../../shared/privacy/use-cases';

export const handler = httpHandler(privacyApi.eraseUser, async ({ params, body, principal, deps }) => ({
  body: await eraseUser(deps, principal, params.userId, body),
}));
