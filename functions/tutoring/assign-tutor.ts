import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { assignTutor } from '../../shared/tutoring/use-cases';

export const handler = httpHandler(tutorsApi.assign, async ({ params, body, principal, deps }) => ({
  body: await assignTutor(deps, principal, params.essaimeId, body),
}));
