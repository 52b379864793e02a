import { httpHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { updateTutoringSettings } from '../../shared/tutoring/requests';

export const handler = httpHandler(tutoringRequestsApi.updateSettings, async ({ body, principal, deps }) => ({
  body: await updateTutoringSettings(deps, principal, body),
}));
