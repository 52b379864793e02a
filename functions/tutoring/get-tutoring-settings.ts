import { httpHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { readTutoringSettings } from '../../shared/tutoring/requests';

export const handler = httpHandler(tutoringRequestsApi.settings, async ({ deps }) => ({ body: await readTutoringSettings(deps) }));
