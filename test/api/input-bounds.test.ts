import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { demoUsers } from '../../scripts/seed/demo-catalogue';
import { idPrefixes } from '../../shared/ids';
import type { RouteSpec } from '../../shared/http/route';
import { snapshotTable } from '../support/db';
import { DemoIds } from '../support/demo-ids';
import { startTestApi, type TestApi } from '../support/api';

/**
 * Input the schemas must refuse before anything reaches DynamoDB: crafted path parameters (broken
 * percent-encoding, over-long values) on every route that has some, and numbers DynamoDB cannot store or
 * the domain makes no sense of on the routes that take numbers. Each answers 400 VALIDATION_FAILED naming
 * the field, never a 500, and the table stays byte-identical.
 */
let api: TestApi;
let ids: DemoIds;
let before: Record<string, unknown>[];
beforeAll(async () => {
  api = await startTestApi();
  ids = new DemoIds(api);
  before = await snapshotTable(api.product.deps.db);
});
afterAll(async () => {
  expect(await snapshotTable(api.product.deps.db)).toEqual(before);
  await api.stop();
});

const candidates = [...Object.values(idPrefixes).map((p) => `${p}_${randomUUID()}`), 'season', '1', 'A1', 'prospecting', 'markdown', '2020'];
type ParamShape = Record<string, { safeParse: (v: unknown) => { success: boolean } }>;

/** The route's path with `name` set to `raw` (sent as is) and every other parameter to a value its schema accepts. */
function pathWith(spec: RouteSpec, name: string, raw: string): string {
  const shape = (spec.params as unknown as { shape?: ParamShape })?.shape;
  return spec.path.replace(/\{([a-zA-Z0-9_]+)\}/g, (_m, param: string) => {
    if (param === name) return raw;
    const value = candidates.find((c) => shape?.[param]?.safeParse(c).success);
    if (!value) throw new Error(`No sample value passes ${spec.operationId}'s schema for {${param}}: add its id kind to shared/ids.ts`);
    return value;
  });
}

function callerFor(access: RouteSpec['access']): string {
  const role = access === 'public' ? 'staff' : access[0];
  const user = demoUsers.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user with role ${role}`);
  return user.userId;
}

function specOf(method: string, path: string): RouteSpec {
  const found = routes.find((r) => r.spec.method === method && r.spec.path === path);
  if (!found) throw new Error(`No route ${method} ${path}`);
  return found.spec;
}

function expectRefused(res: { status: number; body: any }, field: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  // One field may break several checks (too large and not whole): each is a detail with the same path.
  expect([...new Set(res.body.error.details.map((d: { path: string }) => d.path))]).toEqual([field]);
}

const paramRoutes = routes.filter((r) => r.spec.path.includes('{'));
const paramCases = paramRoutes.flatMap((r) => [...r.spec.path.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => [r.spec.operationId, m[1]!, r.spec] as const));

describe('crafted path parameters', () => {
  it('has routes to check', () => {
    expect(paramCases.length).toBeGreaterThan(20);
  });

  it.each(paramCases)('%s {%s}: broken percent-encoding and an over-long value answer 400', async (_name, param, spec) => {
    const as = callerFor(spec.access);
    const send = (raw: string) => api.call(spec.method, pathWith(spec, param, raw), { as, body: spec.body ? {} : undefined });
    const broken = await Promise.all(['%E0%A4%A', '%', 'ess_%ZZ', `%C3${'%28'.repeat(3)}`].map(send));
    for (const res of broken) expectRefused(res, `params.${param}`);
    const long = await send(`${Object.values(idPrefixes)[0]}_${'a'.repeat(3000)}`);
    expect(long.status, long.text).toBe(400);
    expect(long.body.error.details.map((d: { path: string }) => d.path)).toContain(`params.${param}`);
  });
});

/** Numbers that pass a bare z.number() and then fail in the marshaller (or in DynamoDB) as a 500. */
const unstorable = [1e125, 2 ** 53 + 2, 1e-131, -1e125, 1.5e300];
/** Storable but nonsense where the field cannot be negative. */
const negative = [-1, -0.5];

interface NumberCase {
  name: string;
  method: string;
  route: string;
  field: string;
  body?: (n: number) => unknown;
  query?: (n: number) => string;
  nonNegative?: boolean;
  as?: string;
}

const numberCases: NumberCase[] = [
  {
    name: 'application staff FTE (create)',
    method: 'POST',
    route: '/calls/{callId}/applications',
    field: 'body.structure.staffFte',
    body: (n) => ({ structure: { name: 'Structure de test', staffFte: n } }),
    nonNegative: true,
    as: 'demo-applicant-envol',
  },
  {
    name: 'application staff FTE and population (update)',
    method: 'PATCH',
    route: '/applications/{applicationId}',
    field: 'body.territory.population',
    body: (n) => ({
      expectedVersion: 1,
      territory: { name: 'Thiers', region: 'Auvergne-Rhône-Alpes', departement: 'Puy-de-Dôme', departementCode: '63', setting: 'rural', population: n },
    }),
    nonNegative: true,
  },
  {
    name: 'application criterion answer',
    method: 'PATCH',
    route: '/applications/{applicationId}',
    field: 'body.answers.A1.value',
    body: (n) => ({ expectedVersion: 1, answers: { A1: { kind: 'number', value: n } } }),
  },
  {
    name: 'eligibility preview answer',
    method: 'POST',
    route: '/calls/{callId}/eligibility-preview',
    field: 'body.answers.A1.value',
    body: (n) => ({ hypothesis: 'A', answers: { A1: { kind: 'number', value: n } } }),
  },
  {
    name: 'call criterion minimum',
    method: 'PUT',
    route: '/calls/{callId}/criteria',
    field: 'body.criteria.0.min',
    body: (n) => ({ expectedVersion: 1, criteria: [{ criterionId: 'A1', label: 'Effectif salarié', hypothesis: 'A', kind: 'number', unit: 'ETP', min: n }] }),
  },
  {
    name: 'call criterion threshold of a new criteria version',
    method: 'POST',
    route: '/calls/{callId}/criteria-versions',
    field: 'body.criteria.0.max',
    body: (n) => ({
      expectedVersion: 1,
      reason: 'Nouveau seuil',
      criteria: [{ criterionId: 'A1', label: 'Effectif salarié', hypothesis: 'A', kind: 'number', unit: 'ETP', max: n }],
    }),
  },
  {
    name: 'report indicator',
    method: 'PUT',
    route: '/stages/{stageId}/reports/{essaimeId}',
    field: 'body.indicators.activeFile',
    body: (n) => ({ expectedVersion: 0, indicators: { activeFile: n } }),
    as: 'demo-referent-passerelle',
  },
  {
    name: 'questionnaire answer',
    method: 'POST',
    route: '/stages/{stageId}/reports/{essaimeId}/questionnaires',
    field: 'body.answers.method-fit',
    body: (n) => ({ respondentRole: 'director', answers: { 'method-fit': n } }),
    as: 'demo-referent-passerelle',
  },
  {
    name: 'cohort attendance threshold',
    method: 'POST',
    route: '/seasons/{seasonId}/cohort',
    field: 'body.attendanceThreshold',
    body: (n) => ({ startDate: '2031-01-05', attendanceThreshold: n }),
    nonNegative: true,
  },
  {
    name: 'season year',
    method: 'POST',
    route: '/seasons',
    field: 'body.year',
    body: (n) => ({ name: 'Saison de test', year: n, startDate: '2031-01-01', endDate: '2031-12-31' }),
    nonNegative: true,
  },
  {
    name: 'expected version of a season',
    method: 'PATCH',
    route: '/seasons/{seasonId}',
    field: 'body.expectedVersion',
    body: (n) => ({ expectedVersion: n, name: 'Saison renommée' }),
    nonNegative: true,
  },
  {
    name: 'applications list minimum score',
    method: 'GET',
    route: '/calls/{callId}/applications',
    field: 'query.minScore',
    query: (n) => `minScore=${encodeURIComponent(String(n))}`,
    nonNegative: true,
  },
];

describe('numbers DynamoDB cannot store, or the domain makes no sense of', () => {
  it.each(numberCases.map((c) => [c.name, c] as const))('%s: 400 naming the field', async (_name, c) => {
    const spec = specOf(c.method, c.route);
    const as = c.as ?? callerFor(spec.access);
    const path = await ids.path(c.route);
    const answers = await Promise.all(
      [...unstorable, ...(c.nonNegative ? negative : [])].map((n) =>
        c.query ? api.call(c.method, `${path}?${c.query(n)}`, { as }) : api.call(c.method, path, { as, body: c.body!(n) }),
      ),
    );
    for (const res of answers) expectRefused(res, c.field);
  });

  it('refuses figures with more than two decimals, and non-numbers in a query', async () => {
    const path = await ids.path('/stages/{stageId}/reports/{essaimeId}');
    expectRefused(await api.call('PUT', path, { as: 'demo-referent-passerelle', body: { expectedVersion: 0, indicators: { activeFile: 0.1 + 0.2 } } }), 'body.indicators.activeFile');
    const list = await ids.path('/calls/{callId}/applications');
    for (const raw of ['Infinity', 'NaN', '1e-131', '-0.001']) {
      expectRefused(await api.call('GET', `${list}?minScore=${raw}`, { as: 'demo-staff-claire' }), 'query.minScore');
    }
  });
});
