import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { readSessionAttendance } from '../../shared/training/attendance';

export const handler = httpHandler(trainingApi.listSessionAttendance, async ({ params, query, deps }) => ({
  body: await readSessionAttendance(deps, params.cohortId, params.sessionId, query),
}));
