import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { updateTutor } from '../../shared/tutoring/use-cases';

export const handler = httpHandler(tutorsApi.update, async ({ params, body, principal, deps }) => ({
  body: await updateTutor(deps, principal, params.tutorUserId, body),
}));
