import { httpHandler } from '../../shared/http/handler';
import { privacyApi } from '../../shared/read-models/personal-data/api';
import { exportParticipantData } from '../../shared/read-models/personal-data/use-cases';

export const handler = httpHandler(privacyApi.exportParticipant, async ({ params, deps }) => ({
  body: await exportParticipantData(deps, params.essaimeId, params.participantId),
}));
