import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { listTutorEssaimes } from '../../shared/tutoring/use-cases';

export const handler = httpHandler(tutorsApi.essaimes, async ({ params, query, principal, deps }) => ({
  body: await listTutorEssaimes(deps, principal, params.tutorUserId, query),
}));
