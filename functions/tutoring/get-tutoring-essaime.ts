import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { readTutoringEssaime } from '../../shared/tutoring/use-cases';

export const handler = httpHandler(tutorsApi.essaime, async ({ params, principal, deps }) => ({
  body: await readTutoringEssaime(deps, principal, params.essaimeId),
}));
