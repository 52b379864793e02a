import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { readEssaimeTraining } from '../../shared/training/use-cases';

export const handler = httpHandler(trainingApi.getEssaimeTraining, async ({ params, principal, deps }) => ({
  body: await readEssaimeTraining(deps, principal, params.essaimeId),
}));
