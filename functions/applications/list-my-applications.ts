import { applicationsApi } from '../../shared/applications/api';
import { listMyApplications } from '../../shared/applications/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.mine, async ({ query, principal, deps }) => ({ body: await listMyApplications(deps, principal, query) }));
