import { essaimesApi } from '../../shared/essaimes/api';
import { listVisibleEssaimes } from '../../shared/essaimes/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(essaimesApi.list, async ({ params, query, principal, deps }) => ({
  body: await listVisibleEssaimes(deps, principal, params.seasonId, query),
}));
