import { httpHandler } from '../../shared/http/handler';
import { privacyApi } from '../../shared/privacy/api';
import { exportParticipantData } from '../../shared/privacy/use-cases';

export const handler = httpHandler(privacyApi.exportParticipant, async ({ params, deps }) => ({
  body: await exportParticipantData(deps, params.essaimeId, params.participantId),
}));
