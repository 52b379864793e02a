import { httpHandler } from '../../shared/http/handler';
import { seasonsApi } from '../../shared/seasons/api';
import { listSeasons } from '../../shared/seasons/repository';

export const handler = httpHandler(seasonsApi.list, async ({ query, deps }) => ({ body: await listSeasons(deps.db, query) }));
