import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { readModuleAttendance } from '../../shared/training/attendance';

export const handler = httpHandler(trainingApi.listModuleAttendance, async ({ params, query, deps }) => ({
  body: await readModuleAttendance(deps, params.cohortId, params.moduleId, query),
}));
