import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: false });
});
afterAll(() => api.stop());

describe('API description', () => {
  it('serves an OpenAPI 3.1 document listing every registered route, without a token', async () => {
    const res = await api.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const { spec } of routes) {
      const operation = res.body.paths[spec.path]?.[spec.method.toLowerCase()];
      expect(operation, `${spec.method} ${spec.path}`).toBeDefined();
      expect(operation.operationId).toBe(spec.operationId);
      if (spec.body) expect(operation.requestBody.content['application/json'].schema.type).toBeDefined();
      if (spec.access !== 'public') expect(operation['x-roles']).toEqual([...spec.access]);
    }
  });

  it('generates request schemas from the validating zod schemas', async () => {
    const res = await api.call('GET', '/openapi.json');
    const schema = res.body.paths['/seasons'].post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'year', 'startDate', 'endDate']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('serves a readable docs page', async () => {
    const res = await api.call('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('/openapi.json');
  });

  it('answers unknown API routes with a JSON 404 (the web app takes other GET paths)', async () => {
    const res = await api.call('GET', '/api/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
