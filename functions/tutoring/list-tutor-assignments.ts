import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { listEssaimeAssignmentHistory } from '../../shared/tutoring/use-cases';

export const handler = httpHandler(tutorsApi.history, async ({ params, query, deps }) => ({
  body: await listEssaimeAssignmentHistory(deps, params.essaimeId, query),
}));
