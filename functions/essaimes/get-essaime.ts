import { essaimesApi } from '../../shared/essaimes/api';
import { participantView, readEssaime } from '../../shared/essaimes/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(essaimesApi.get, async ({ params, principal, deps }) => {
  const { essaime, participants } = await readEssaime(deps, principal, params.essaimeId);
  return { body: { ...essaime, participants: participants.map((p) => participantView(principal, p)) } };
});
