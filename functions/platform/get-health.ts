import { staticHandler } from '../../shared/http/envelope';

// No spec import: platformApi would bring zod and the DynamoDB client into a function that reads nothing.
// test/infra/bundling.test.ts checks this answer against platformApi.health.
export const handler = staticHandler('GET /health', () => ({ body: { status: 'ok' } }));
