import { prefetchingHandler } from '../../shared/http/handler';
import { seasonsApi } from '../../shared/seasons/api';
import { readSeason } from '../../shared/seasons/use-cases';

// The season is read together with the caller's profile (one round trip); every role may read a season.
export const handler = prefetchingHandler(
  seasonsApi.get,
  ({ params, deps }) => readSeason(deps, params.seasonId),
  async ({ prefetched }) => ({ body: prefetched }),
);
