import { essaimesApi } from '../../shared/essaimes/api';
import { readEssaimeView } from '../../shared/essaimes/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(essaimesApi.get, async ({ params, principal, deps }) => ({
  body: await readEssaimeView(deps, principal, params.essaimeId),
}));
