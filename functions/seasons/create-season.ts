import { httpHandler } from '../../shared/http/handler';
import { seasonsApi } from '../../shared/seasons/api';
import { createSeason } from '../../shared/seasons/use-cases';

export const handler = httpHandler(seasonsApi.create, async ({ body, principal, deps }) => ({
  status: 201,
  body: await createSeason(deps, principal, body),
}));
