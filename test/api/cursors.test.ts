import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { demoUsers } from '../../scripts/seed/demo-catalogue';
import type { RouteSpec } from '../../shared/http/route';
import { startTestApi, type TestApi } from '../support/api';
import { snapshotTable } from '../support/db';
import { DemoIds, demoTutor } from '../support/demo-ids';

/**
 * On every list route (a query with a `cursor`), a cursor the list did not hand out is a 400 INVALID_CURSOR
 * and writes nothing: crafted ones (garbage, an unsigned or re-signed key, a tampered key or signature) and
 * a real cursor of another list. Routes are read from functions/routes.ts, so a new list is covered at once.
 */
let api: TestApi;
let ids: DemoIds;
/** Real cursors handed out by some lists, by operationId: the foreign cursors of the others. */
const handedOut = new Map<string, string>();

beforeAll(async () => {
  api = await startTestApi();
  ids = new DemoIds(api);
  const sources = [
    ['listSeasons', '/seasons?limit=1'],
    ['listAuditTrail', `/audit/season/${await ids.get('seasonId')}?limit=1`],
  ] as const;
  for (const [operationId, path] of sources) {
    const res = await api.call('GET', path, { as: 'demo-staff-claire' });
    if (res.status === 200 && typeof res.body.nextCursor === 'string') handedOut.set(operationId, res.body.nextCursor);
  }
});
afterAll(() => api?.stop());

const queryShape = (spec: RouteSpec) => (spec.query as unknown as { shape?: Record<string, { safeParse: (v: unknown) => { success: boolean } }> } | undefined)?.shape;
const listRoutes = routes.filter(({ spec }) => spec.method === 'GET' && 'cursor' in (queryShape(spec) ?? {}));

/** Required query values of some lists (`{name}` is a demo id); the others need none. */
const requiredQuery: Record<string, string> = {
  listUsers: 'role=referent',
  listAttachments: 'kind=application&applicationId={applicationId}',
};

/** Lists that page through another list's query: its cursors are theirs too, so the foreign one comes from elsewhere. */
const sameListAs: Record<string, string> = { getProgrammeRampUp: 'listSeasons' };

/** Who calls: staff first (sees every record), then the demo tutor and referent of Passerelle. */
const callers = ['demo-staff-claire', demoTutor, 'demo-referent-passerelle'];

async function firstPageAs(spec: RouteSpec, path: string) {
  const allowed = callers.filter((userId) => spec.access !== 'public' && spec.access.includes(demoUsers.find((u) => u.userId === userId)!.role));
  const tried: string[] = [];
  for (const as of allowed) {
    const res = await api.call('GET', `${path}limit=1`, { as });
    if (res.status === 200) return { as, nextCursor: res.body.nextCursor as string | null };
    tried.push(`${as}: ${res.status} ${res.text.slice(0, 200)}`);
  }
  throw new Error(`No demo user reads the first page of ${spec.operationId} (${path}):\n${tried.join('\n')}`);
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

function tamperSignature(cursor: string): string {
  const [key, signature = ''] = cursor.split('.');
  const first = signature[0] === 'A' ? 'B' : 'A';
  return `${key}.${first}${signature.slice(1)}`;
}

/** The same signature over another key: the key's first string value changed. */
function tamperKey(cursor: string): string {
  const [key = '', signature] = cursor.split('.');
  const parsed = JSON.parse(Buffer.from(key, 'base64url').toString('utf8')) as Record<string, unknown>;
  const field = Object.keys(parsed).find((k) => typeof parsed[k] === 'string') ?? 'pk';
  return `${b64(JSON.stringify({ ...parsed, [field]: `${String(parsed[field] ?? '')}~` }))}.${signature}`;
}

function badCursors(own: string | null, foreign: string): [string, string][] {
  const forgedKey = b64(JSON.stringify({ pk: 'SEASON#sea_00000000-0000-4000-8000-000000000000', sk: 'SEASON' }));
  const base = own ?? foreign;
  return [
    ['garbage', 'not-a-cursor'],
    ['garbage with dots', 'a.b.c'],
    ['non-base64 characters', '%%%!!!'],
    ['unsigned key', forgedKey],
    ['key with a random signature', `${forgedKey}.${randomBytes(16).toString('base64url')}`],
    ['key with an empty signature', `${forgedKey}.`],
    ['tampered signature', tamperSignature(base)],
    ['tampered key', tamperKey(base)],
    ['foreign cursor', foreign],
  ];
}

describe('cursors on every list route', () => {
  it('finds the list routes', () => {
    expect(listRoutes.length).toBeGreaterThanOrEqual(18);
  });

  it('has real cursors of two lists to use as foreign cursors', () => {
    expect([...handedOut.keys()]).toEqual(['listSeasons', 'listAuditTrail']);
  });

  it.each(listRoutes.map(({ spec }) => [spec.operationId, spec] as const))('%s: a crafted or foreign cursor is a 400 INVALID_CURSOR, nothing written', async (_name, spec) => {
    const required = Object.entries(queryShape(spec) ?? {}).filter(([, schema]) => !schema.safeParse(undefined).success);
    const known = requiredQuery[spec.operationId] ?? '';
    expect(required.map(([name]) => name).filter((name) => !known.includes(`${name}=`)), `${spec.operationId} needs query values this test does not know`).toEqual([]);
    const path = `${await ids.path(spec.path)}?${known ? `${await ids.path(known)}&` : ''}`;
    const { as, nextCursor: own } = await firstPageAs(spec, path);
    if (own) {
      const next = await api.call('GET', `${path}limit=1&cursor=${encodeURIComponent(own)}`, { as });
      expect(next.status, `its own nextCursor is accepted: ${next.text.slice(0, 300)}`).toBe(200);
    }
    const foreign = [...handedOut].find(([operationId]) => operationId !== spec.operationId && operationId !== sameListAs[spec.operationId])?.[1];
    expect(foreign, 'a cursor of another list').toBeDefined();

    const before = await snapshotTable(api.product.deps.db);
    for (const [label, cursor] of badCursors(own, foreign!)) {
      const res = await api.call('GET', `${path}limit=1&cursor=${encodeURIComponent(cursor)}`, { as });
      expect(res.status, `${label} as ${as}: ${res.text.slice(0, 300)}`).toBe(400);
      expect(res.body.error.code, `${label} as ${as}`).toBe('INVALID_CURSOR');
    }
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
  });
});
