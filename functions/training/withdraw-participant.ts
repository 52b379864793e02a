import { withdrawParticipant } from '../../shared/training/participants';
import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';

export const handler = httpHandler(trainingApi.withdrawParticipant, async ({ params, body, principal, deps }) => ({
  body: await withdrawParticipant(deps, principal, params.essaimeId, params.participantId, body.reason),
}));
