import { httpHandler } from '../../shared/http/handler';
import { privacyApi } from '../../shared/privacy/api';
import { exportUserData } from '../../shared/privacy/use-cases';

export const handler = httpHandler(privacyApi.exportUser, async ({ params, principal, deps }) => ({ body: await exportUserData(deps, principal, params.userId) }));
