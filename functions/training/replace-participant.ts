import { replaceParticipant } from '../../shared/training/participants';
import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';

export const handler = httpHandler(trainingApi.replaceParticipant, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await replaceParticipant(deps, principal, params.essaimeId, params.participantId, body),
}));
