import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { toApiGatewayClaims } from '../../scripts/local/dev-auth';
import { resetConfigCache } from '../../shared/config';
import type { HttpEvent } from '../../shared/http/handler';
import { createTestDb, snapshotTable } from '../support/db';
import { commit } from '../../shared/db/transact';
import { putProfileWrite } from '../../shared/identity/repository';

/**
 * The handlers invoked as Lambda invokes them, with an API Gateway HTTP API payload v2 event (no local
 * server): the same code path the local server takes.
 */
const context = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

function event(overrides: Partial<HttpEvent> & { claims?: Record<string, string> }): HttpEvent {
  const { claims, ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: {
      accountId: '1',
      apiId: 'api',
      domainName: 'example.com',
      domainPrefix: 'example',
      http: { method: 'GET', path: '/', protocol: 'HTTP/1.1', sourceIp: '1.1.1.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      authorizer: claims ? { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } : undefined,
    },
    ...rest,
  } as unknown as HttpEvent;
}

const staffClaims = toApiGatewayClaims({ sub: 'staff-1', 'cognito:groups': ['staff'], token_use: 'id' });
let db: Awaited<ReturnType<typeof createTestDb>>;

beforeAll(async () => {
  db = await createTestDb();
  process.env.TABLE_NAME = db.tableName;
  resetConfigCache();
  // Every route refuses a token whose user has no active profile: staff-1 gets one.
  await commit(db, { userId: 'test', role: 'staff' }, [putProfileWrite(db, { userId: 'staff-1', role: 'staff', displayName: 'Claire Test', email: 'staff-1@ansa.example', organisation: 'Ansa' })], []);
});

describe('handlers under a Lambda-style invocation', () => {
  it('reads claims where API Gateway puts them ("[staff]" flattened groups)', async () => {
    expect(staffClaims['cognito:groups']).toBe('[staff]');
    const { handler } = await import('../../functions/identity/get-me');
    const res = await handler(event({ claims: staffClaims }), context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body as string)).toMatchObject({ userId: 'staff-1', role: 'staff', structureIds: [] });
    expect(res.headers?.['x-correlation-id']).toBe('req-1');
  });

  it('answers 401 when no authorizer claims reach a protected handler', async () => {
    const { handler } = await import('../../functions/identity/get-me');
    const res = await handler(event({}), context);
    expect(res.statusCode).toBe(401);
  });

  it('creates through a handler, and refuses a bad body without writing', async () => {
    const { handler } = await import('../../functions/seasons/create-season');
    const good = await handler(
      event({ claims: staffClaims, body: JSON.stringify({ name: 'Saison 2040', year: 2040, startDate: '2040-01-01', endDate: '2040-12-31' }) }),
      context,
    );
    expect(good.statusCode).toBe(201);
    const before = await snapshotTable(db);
    const bad = await handler(event({ claims: staffClaims, body: JSON.stringify({ name: 'x', year: 'soon' }) }), context);
    expect(bad.statusCode).toBe(400);
    const details = JSON.parse(bad.body as string).error.details.map((d: { path: string }) => d.path);
    expect(details).toEqual(expect.arrayContaining(['body.name', 'body.year', 'body.startDate', 'body.endDate']));
    expect(await snapshotTable(db)).toEqual(before);
  });

  it('decodes base64 bodies as API Gateway may send them', async () => {
    const { handler } = await import('../../functions/seasons/create-season');
    const body = Buffer.from(JSON.stringify({ name: 'Saison 2041', year: 2041, startDate: '2041-01-01', endDate: '2041-12-31' })).toString('base64');
    const res = await handler(event({ claims: staffClaims, body, isBase64Encoded: true }), context);
    expect(res.statusCode).toBe(201);
  });
});
