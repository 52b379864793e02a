import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { readEssaimeTraining } from '../../shared/training/progress';

export const handler = httpHandler(trainingApi.getEssaimeTraining, async ({ params, principal, deps }) => ({
  body: await readEssaimeTraining(deps, principal, params.essaimeId),
}));
