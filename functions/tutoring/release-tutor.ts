import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { releaseTutor } from '../../shared/tutoring/use-cases';

export const handler = httpHandler(tutorsApi.release, async ({ params, principal, deps }) => ({ body: await releaseTutor(deps, principal, params.essaimeId) }));
