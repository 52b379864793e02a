import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { readTutor } from '../../shared/tutoring/use-cases';

export const handler = httpHandler(tutorsApi.get, async ({ params, principal, deps }) => ({ body: await readTutor(deps, principal, params.tutorUserId) }));
