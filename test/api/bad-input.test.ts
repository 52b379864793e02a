import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { demoUsers } from '../../scripts/seed/demo-catalogue';
import { idPrefixes } from '../../shared/ids';
import type { RouteSpec } from '../../shared/http/route';
import { snapshotTable } from '../support/db';
import { startTestApi, type TestApi } from '../support/api';

/**
 * For every route that takes a body: malformed JSON and a body of the wrong shape get a 400 with field paths,
 * and the table is exactly as before. New routes are covered as soon as they are registered.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const candidates = [...Object.values(idPrefixes).map((p) => `${p}_${randomUUID()}`), 'season', '1', 'A1', 'prospecting', '2020'];

/** Path values that pass the route's own params schema, so that the body is what gets refused. */
function validPath(spec: RouteSpec): string {
  return spec.path.replace(/\{([a-zA-Z0-9_]+)\}/g, (_m, name: string) => {
    const shape = (spec.params as unknown as { shape?: Record<string, { safeParse: (v: unknown) => { success: boolean } }> })?.shape;
    const value = candidates.find((c) => shape?.[name]?.safeParse(c).success);
    if (!value) throw new Error(`No sample value passes ${spec.operationId}'s schema for {${name}}: add its id kind to shared/ids.ts`);
    return value;
  });
}

function callerFor(spec: RouteSpec): string {
  const role = spec.access === 'public' ? 'staff' : spec.access[0];
  const user = demoUsers.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user with role ${role}`);
  return user.userId;
}

const bodyRoutes = routes.filter((r) => r.spec.body);

describe('bad input on every route with a body', () => {
  it('has routes to check', () => {
    expect(bodyRoutes.length).toBeGreaterThan(0);
  });

  it.each(bodyRoutes.map((r) => [r.spec.operationId, r.spec] as const))('%s: 400 with field paths, nothing written', async (_name, spec) => {
    const path = validPath(spec);
    const as = callerFor(spec);
    const before = await snapshotTable(api.product.deps.db);

    const malformed = await api.call(spec.method, path, { as, rawBody: '{"broken": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('INVALID_JSON');

    for (const body of [{ unexpectedField: { nested: [1, 2] } }, [], 'text', 42]) {
      const res = await api.call(spec.method, path, { as, body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.length).toBeGreaterThan(0);
      for (const detail of res.body.error.details) {
        expect(detail.path).toMatch(/^body/);
        expect(typeof detail.message).toBe('string');
      }
    }
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
  });
});

describe('bad input on lists', () => {
  const listRoutes = routes.filter((r) => r.spec.method === 'GET' && r.spec.query);
  it.each(listRoutes.map((r) => [r.spec.operationId, r.spec] as const))('%s: refuses a bad limit or cursor', async (_name, spec) => {
    const path = validPath(spec);
    const as = callerFor(spec);
    const badLimit = await api.call('GET', `${path}?limit=0`, { as });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.details[0].path).toBe('query.limit');
    const badCursor = await api.call('GET', `${path}?cursor=not-a-cursor`, { as });
    expect([400, 404]).toContain(badCursor.status);
  });
});
