import { accountsApi } from '../../shared/accounts/api';
import { inviteDelegate } from '../../shared/accounts/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(accountsApi.inviteDelegate, async ({ params, body, caller, deps }) => ({
  status: 201,
  body: await inviteDelegate(deps, caller, params.structureId, body),
}));
