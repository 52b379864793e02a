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

  it('gives every operation its success answer and names the codes of its 4xx answers', async () => {
    const res = await api.call('GET', '/openapi.json');
    const missing: string[] = [];
    for (const { spec } of routes) {
      const operation = res.body.paths[spec.path][spec.method.toLowerCase()];
      const success = operation.responses[String(spec.response.status)];
      if (!success) missing.push(`${spec.operationId}: no ${spec.response.status} answer`);
      else if (spec.response.status !== 204 && !Object.values(success.content ?? {}).some((c) => (c as { schema?: unknown }).schema)) {
        missing.push(`${spec.operationId}: no schema for its ${spec.response.status} answer`);
      }
      const refusals = Object.entries(operation.responses).filter(([status]) => status.startsWith('4'));
      if (spec.access !== 'public' && refusals.length === 0) missing.push(`${spec.operationId}: no 4xx answer`);
      for (const [status, answer] of refusals) {
        const codes = (answer as { 'x-error-codes'?: string[] })['x-error-codes'] ?? [];
        if (codes.length === 0) missing.push(`${spec.operationId}: ${status} names no code`);
      }
    }
    expect(missing).toEqual([]);
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
    const wrongMethod = await api.call('DELETE', '/health');
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
