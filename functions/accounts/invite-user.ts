import { accountsApi } from '../../shared/accounts/api';
import { inviteUser } from '../../shared/accounts/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(accountsApi.invite, async ({ body, caller, deps }) => ({ status: 201, body: await inviteUser(deps, caller, body) }));
