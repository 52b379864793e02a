import { accountsApi } from '../../shared/accounts/api';
import { listUsers } from '../../shared/accounts/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(accountsApi.listUsers, async ({ query, principal, deps }) => ({
  body: await listUsers(deps, principal, query.role, query),
}));
