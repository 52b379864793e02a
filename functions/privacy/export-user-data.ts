import { httpHandler } from '../../shared/http/handler';
import { privacyApi } from '../../shared/read-models/personal-data/api';
import { exportUserData } from '../../shared/read-models/personal-data/use-cases';

export const handler = httpHandler(privacyApi.exportUser, async ({ params, principal, deps }) => ({ body: await exportUserData(deps, principal, params.userId) }));
