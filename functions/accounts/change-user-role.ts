import { accountsApi } from '../../shared/accounts/api';
import { changeRole } from '../../shared/accounts/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(accountsApi.changeRole, async ({ params, body, principal, deps }) => ({
  body: await changeRole(deps, principal, params.userId, body.role),
}));
