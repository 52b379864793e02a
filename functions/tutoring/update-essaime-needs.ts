import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { updateEssaimeNeeds } from '../../shared/tutoring/use-cases';

export const handler = httpHandler(tutorsApi.updateNeeds, async ({ params, body, principal, deps }) => ({
  body: await updateEssaimeNeeds(deps, principal, params.essaimeId, body),
}));
