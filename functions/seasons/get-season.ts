import { httpHandler } from '../../shared/http/handler';
import { seasonsApi } from '../../shared/seasons/api';
import { readSeason } from '../../shared/seasons/use-cases';

export const handler = httpHandler(seasonsApi.get, async ({ params, deps }) => ({ body: await readSeason(deps, params.seasonId) }));
