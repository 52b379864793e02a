import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { demoCalendar } from '../../scripts/seed/demo-calendar';
import { addDays } from '../../shared/calendar';
import { routeKey, type RouteSpec } from '../../shared/http/route';
import { callers, MatrixIds } from '../support/access-matrix';
import { snapshotTable } from '../support/db';
import { installWriteCounter, writesSoFar } from '../support/write-counter';
import { startTestApi, type TestApi } from '../support/api';

/**
 * Every route with a body or a query, fed arbitrary input by a caller its roles admit (the owner of the demo
 * records in its path, so that input reaches the use case): never a 5xx, and a refused request (4xx) writes
 * nothing. Fixed seed, so a failure replays; the failing route and input are in the test's name and message.
 */
const seed = 20261128;
const numRuns = 100;

let api: TestApi;
let ids: MatrixIds;
beforeAll(async () => {
  installWriteCounter();
  api = await startTestApi();
  ids = new MatrixIds(api);
});
afterAll(() => api?.stop());

const shapeKeys = (schema: unknown): string[] => Object.keys((schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});

const weirdNumber = fc.constantFrom(1e125, -1e125, 2 ** 53 + 2, -(2 ** 53) - 2, -0, 1e-130, 5e-324, Number.MAX_VALUE, 0, 1, -1, 0.5, 2.25, 31, 4_294_967_296);
const weirdString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.constantFrom('', ' ', 'x'.repeat(10_001), '🙂'.repeat(300), '\u0000', '%E0%A4%A', '../..', 'A1.1', 'A1.3', 'prospecting', 'director', 'verified', '2020-01-15', '2099-01-01T00:00:00.000Z', 'sea_00000000-0000-0000-0000-000000000000'),
);
const keyPool = fc.oneof(fc.constantFrom('A1.1', 'A1.3', 'prospecting', 'matching', 'consortium', 'staffFte', 'fte', 'q1', 'i1', '__proto__', 'constructor'), fc.string({ maxLength: 8 }));
const leaf = fc.oneof(weirdNumber, weirdString, fc.boolean(), fc.constant(null), fc.integer());
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(keyPool, tie('value'), { maxKeys: 3 })),
}));

/** Replaces the value at one path (counted depth first) of a valid body: wrong type, out-of-range number... */
function mutate(base: unknown, index: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    paths.push(at);
    if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, [...at, Array.isArray(v) ? Number(k) : k]);
  };
  walk(base, []);
  const path = paths[index % paths.length]!;
  if (path.length === 0) return replacement;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let holder = copy;
  for (const step of path.slice(0, -1)) holder = holder[step] as Record<string | number, unknown>;
  holder[path.at(-1)!] = replacement;
  return copy;
}

/** Valid bodies to mutate, where a random one would rarely get past the schema to the numbers DynamoDB stores. */
const validBodies: Record<string, () => Promise<unknown> | unknown> = {
  'POST /calls/{callId}/applications': () => ({ ...demoApplicationInput('str_passerelle', '2020-01-15'), structureId: 'str_passerelle' }),
  'PATCH /applications/{applicationId}': () => {
    const { structure, people } = demoApplicationInput('str_envol', '2020-01-15');
    return { expectedVersion: 1, structure, people };
  },
  'PUT /stages/{stageId}/reports/{essaimeId}': () => ({ expectedVersion: 0, period: null, indicators: { i1: 1 }, answers: {} }),
  'POST /stages/{stageId}/reports/{essaimeId}/questionnaires': () => ({ respondentRole: 'director', answers: { q1: 3 } }),
  'PUT /tutoring/settings': () => ({ expectedVersion: 1, responseTarget: { rule: 'working-days', workingDays: 3 } }),
  'POST /seasons/{seasonId}/steering-meetings': async () => ({
    body: 'governance-committee',
    date: '2020-01-15',
    membersPresent: [{ name: 'Claire Moreau', organisation: 'Ansa' }],
    decisions: [
      { type: 'validate-indicators', indicators: [{ label: 'Retour à l’emploi', target: '60 %' }] },
      { type: 'validate-action-plan', essaimeId: await ids.get('essaimeId'), year: 2020 },
    ],
  }),
  'PUT /essaimes/{essaimeId}/action-plans/{year}': () => ({
    expectedVersion: 0,
    referents: {
      structure: { name: 'Nadia Benali', position: 'Directrice', organisation: 'Passerelle' },
      programme: { name: 'Claire Moreau', position: 'Responsable', organisation: 'Ansa' },
    },
    actions: [{ objective: 'Rencontrer vingt entreprises', actions: 'Prospection hebdomadaire.', indicators: 'Entreprises rencontrées', axis: 'prospecting' }],
  }),
  'POST /tutoring/requests': async () => ({ essaimeId: await ids.get('essaimeId'), subject: 'Prospection', axis: 'prospecting', text: 'Comment relancer ?' }),
  'POST /tutors': () => ({ userId: 'demo-tutor-isabelle', expertise: { prospecting: 1, loyalty: 1, 'jobseeker-support': 1, matching: 1, transformation: 1 }, capacity: 2, available: true }),
  'POST /essaimes/{essaimeId}/participants': () => ({ name: 'Camille Test', role: 'Chargée de mission', email: 'camille@passerelle.example' }),
  'POST /cohorts/{cohortId}/sessions': async () => ({ date: addDays(demoCalendar(new Date()).trainingStart, 140), startTime: '09:00', durationMinutes: 120, mode: 'onsite', place: 'Thiers', moduleId: await ids.get('moduleId') }),
};

function bodyArbitrary(spec: RouteSpec, base: unknown): fc.Arbitrary<unknown> {
  const keys = shapeKeys(spec.body);
  const rightKeys = fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
  const options: fc.Arbitrary<unknown>[] = [value, rightKeys, rightKeys];
  if (base !== undefined) options.push(fc.tuple(fc.nat(), value).map(([n, v]) => mutate(base, n, v)), fc.tuple(fc.nat(), weirdNumber).map(([n, v]) => mutate(base, n, v)));
  return fc.oneof(...options);
}

const rawQueryValue = fc.oneof(weirdString, weirdNumber.map(String), fc.constantFrom('true', 'false', '-1', '0', '1e125', '9007199254740994', 'NaN', 'Infinity', '%', '%E0%A4%A'));
function queryArbitrary(spec: RouteSpec): fc.Arbitrary<string> {
  const keys = [...shapeKeys(spec.query), 'unexpected'];
  return fc
    .tuple(fc.dictionary(fc.constantFrom(...keys), rawQueryValue, { maxKeys: 4 }), fc.boolean())
    .map(([entries, raw]) => {
      const parts = Object.entries(entries).map(([k, v]) => `${k}=${raw ? v.replace(/[\s#&?]/g, '') : encodeURIComponent(v)}`);
      return parts.length ? `?${parts.join('&')}` : '';
    });
}

/** The admitted caller who owns the demo records in the path: the applicant for applications, Passerelle's people otherwise. */
function callerFor(spec: RouteSpec): string {
  const role = spec.access === 'public' ? 'staff' : spec.access[0];
  if (role === 'staff') return callers.staff;
  if (role === 'tutor') return callers.assignedTutor;
  return spec.path.includes('{applicationId}') ? callers.applicant : callers.referent;
}

const fuzzed = routes.map((r) => r.spec).filter((spec) => spec.body || spec.query);

interface Case {
  query: string;
  body: unknown;
}

describe('fuzzed input', () => {
  it('has routes to fuzz, and sees the writes the handlers make', async () => {
    expect(fuzzed.length).toBeGreaterThan(50);
    const before = writesSoFar();
    const res = await api.call('POST', '/tutoring/requests', { as: callers.referent, body: await validBodies['POST /tutoring/requests']!() });
    expect(res.status, res.text).toBe(201);
    expect(writesSoFar()).toBeGreaterThan(before);
  });

  it.each(fuzzed.map((spec) => [routeKey(spec), spec] as const))('%s: never 5xx, a refused request writes nothing', async (key, spec) => {
    const path = await ids.path(spec.path);
    const as = callerFor(spec);
    const base = await validBodies[key]?.();
    const arbitrary: fc.Arbitrary<Case> = fc.record({
      query: spec.query ? queryArbitrary(spec) : fc.constant(''),
      body: spec.body ? bodyArbitrary(spec, base) : fc.constant(undefined),
    });
    const db = api.product.deps.db;
    const before = await snapshotTable(db);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (c) => {
        const writes = writesSoFar();
        const res = await api.call(spec.method, path + c.query, { as, ...(c.body === undefined ? {} : { body: c.body }) });
        const input = JSON.stringify(c).slice(0, 300);
        if (res.status >= 500) throw new Error(`${key}: ${res.status} ${res.text.slice(0, 300)} for ${input}`);
        if (res.status >= 400 && writesSoFar() !== writes) throw new Error(`${key}: refused ${res.status} but wrote, for ${input}`);
        if (res.status < 400) accepted++;
      }),
      { seed, numRuns, endOnFailure: true },
    );
    // The table itself, where nothing was accepted (or the route only reads): exactly as before.
    if (accepted === 0 || spec.method === 'GET') expect(await snapshotTable(db), `${key}: a refused request wrote`).toEqual(before);
  });
});
