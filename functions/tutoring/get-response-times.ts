import { httpHandler } from '../../shared/http/handler';
import { tutoringRequestsApi } from '../../shared/tutoring/api';
import { tutorResponseTimes } from '../../shared/tutoring/requests';

export const handler = httpHandler(tutoringRequestsApi.responseTimes, async ({ deps }) => ({ body: await tutorResponseTimes(deps) }));
