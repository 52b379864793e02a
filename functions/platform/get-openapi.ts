import { httpHandler } from '../../shared/http/handler';
import { buildOpenApi } from '../../shared/http/openapi';
import { platformApi } from '../../shared/platform/api';
import { routes } from '../routes';

let document: unknown;

export const handler = httpHandler(platformApi.openapi, async () => {
  document ??= buildOpenApi(routes.map((r) => r.spec));
  return { body: document };
});
