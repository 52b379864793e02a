import { accountsApi } from '../../shared/accounts/api';
import { reactivateUser } from '../../shared/accounts/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(accountsApi.reactivate, async ({ params, principal, deps }) => ({ body: await reactivateUser(deps, principal, params.userId) }));
