import { notFound } from '../../shared/errors';
import { prefetchingHandler } from '../../shared/http/handler';
import { seasonsApi } from '../../shared/seasons/api';
import { seasonEntity } from '../../shared/seasons/entities';

// The season is read in the same batch as the caller's profile (one round trip); every role may read a season.
export const handler = prefetchingHandler(
  seasonsApi.get,
  async ({ params, batch }) => {
    const season = await batch.get(seasonEntity, { seasonId: params.seasonId });
    if (!season) throw notFound('Season');
    return season;
  },
  async ({ prefetched }) => ({ body: prefetched }),
);
