import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { recordAttendance } from '../../shared/training/attendance';

export const handler = httpHandler(trainingApi.recordAttendance, async ({ params, body, principal, deps }) => ({
  body: await recordAttendance(deps, principal, params.cohortId, params.sessionId, body),
}));
