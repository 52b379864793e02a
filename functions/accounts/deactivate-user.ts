import { accountsApi } from '../../shared/accounts/api';
import { deactivateUser } from '../../shared/accounts/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(accountsApi.deactivate, async ({ params, principal, deps }) => ({ body: await deactivateUser(deps, principal, params.userId) }));
