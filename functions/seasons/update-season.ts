import { httpHandler } from '../../shared/http/handler';
import { seasonsApi } from '../../shared/seasons/api';
import { updateSeason } from '../../shared/seasons/use-cases';

export const handler = httpHandler(seasonsApi.update, async ({ params, body, principal, deps }) => ({
  body: await updateSeason(deps, principal, params.seasonId, body),
}));
