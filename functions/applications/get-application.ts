import { applicationsApi } from '../../shared/applications/api';
import { readApplication } from '../../shared/applications/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.get, async ({ params, principal, deps }) => ({ body: await readApplication(deps, principal, params.applicationId) }));
