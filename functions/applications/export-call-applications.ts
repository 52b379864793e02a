import { applicationsApi } from '../../shared/applications/api';
import { exportApplicationsCsv } from '../../shared/applications/export';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.exportOfCall, async ({ params, principal, deps }) => ({
  text: await exportApplicationsCsv(deps, principal, params.callId),
}));
