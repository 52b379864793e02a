import { httpHandler } from '../../shared/http/handler';
import { guideApi } from '../../shared/tutoring/api';
import { listSeasonGuideEntries } from '../../shared/tutoring/guide';

export const handler = httpHandler(guideApi.list, async ({ params, query, deps }) => ({
  body: await listSeasonGuideEntries(deps, params.seasonId, query.status, { limit: query.limit, cursor: query.cursor }),
}));
