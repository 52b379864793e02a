import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { createTutor } from '../../shared/tutoring/use-cases';

export const handler = httpHandler(tutorsApi.create, async ({ body, principal, deps }) => ({ status: 201, body: await createTutor(deps, principal, body) }));
