import { addParticipant } from '../../shared/training/participants';
import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';

export const handler = httpHandler(trainingApi.addParticipant, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await addParticipant(deps, principal, params.essaimeId, body),
}));
