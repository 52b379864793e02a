import { httpHandler } from '../../shared/http/handler';
import { trainingApi } from '../../shared/training/api';
import { submitDeliverable } from '../../shared/training/deliverables';

export const handler = httpHandler(trainingApi.submitDeliverable, async ({ params, body, principal, deps }) => ({
  body: await submitDeliverable(deps, principal, params.essaimeId, params.moduleId, body),
}));
