import { httpHandler } from '../../shared/http/handler';
import { privacyApi } from '../../shared/read-models/personal-data/api';
import { eraseParticipant } from '../../shared/read-models/personal-data/use-cases';

export const handler = httpHandler(privacyApi.eraseParticipant, async ({ params, body, principal, deps }) => ({
  body: await eraseParticipant(deps, principal, params.essaimeId, params.participantId, body),
}));
