import { callsApi } from '../../shared/calls/api';
import { createCall } from '../../shared/calls/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(callsApi.create, async ({ body, principal, deps }) => ({ status: 201, body: await createCall(deps, principal, body) }));
