import { httpHandler } from '../../shared/http/handler';
import { platformApi } from '../../shared/platform/api';

export const handler = httpHandler(platformApi.health, async () => ({ body: { status: 'ok' } }));
