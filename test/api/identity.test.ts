import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevAuth, toApiGatewayClaims } from '../../scripts/local/dev-auth';
import type { HttpEvent } from '../../shared/http/handler';
import { demoUsers } from '../../scripts/seed/demo-catalogue';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

describe('GET /me', () => {
  it.each(demoUsers.map((u) => [u.userId, u] as const))('returns the role and memberships of %s', async (_id, user) => {
    const res = await api.call('GET', '/me', { as: user.userId });
    expect(res.status).toBe(200);
    expect(res.body.userId).toBe(user.userId);
    expect(res.body.role).toBe(user.role);
    expect(res.body.structureIds.sort()).toEqual([...user.structureIds].sort());
    expect(res.body.memberships.map((m: { relation: string }) => m.relation)).toEqual(
      user.structureIds.map(() => (user.role === 'tutor' ? 'tutor' : 'referent')),
    );
  });

  it('answers 401 without a token', async () => {
    const res = await api.call('GET', '/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it('answers 401 to a token signed by another key', async () => {
    const other = await createDevAuth({ issuer: api.product.auth.issuer, audience: api.product.auth.audience });
    const res = await api.call('GET', '/me', { token: await other.sign({ userId: 'demo-staff-claire', role: 'staff' }) });
    expect(res.status).toBe(401);
  });

  it('answers 401 to an expired token', async () => {
    const token = await api.product.auth.sign({ userId: 'demo-staff-claire', role: 'staff' }, { expiresIn: '-1m' });
    expect((await api.call('GET', '/me', { token })).status).toBe(401);
  });

  it('answers 401 to a well-signed token for another audience or issuer', async () => {
    const user = { userId: 'demo-staff-claire', role: 'staff' as const };
    expect((await api.call('GET', '/me', { token: await api.product.auth.sign(user) })).status).toBe(200);
    expect((await api.call('GET', '/me', { token: await api.product.auth.sign(user, { audience: 'another-app' }) })).status).toBe(401);
    expect((await api.call('GET', '/me', { token: await api.product.auth.sign(user, { issuer: 'https://evil.example' }) })).status).toBe(401);
  });

  it('answers 401 to a token using an algorithm outside the allow-list (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'demo-staff-claire', 'cognito:groups': ['staff'], iss: api.product.auth.issuer, aud: api.product.auth.audience, exp: 9999999999 }),
    ).toString('base64url');
    expect((await api.call('GET', '/me', { token: `${header}.${payload}.` })).status).toBe(401);
  });

  it('answers 403 to a valid token whose user has no programme role', async () => {
    const token = await api.product.auth.sign({ userId: 'stranger', role: 'nobody' as never });
    const res = await api.call('GET', '/me', { token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NO_ROLE');
  });
});

describe('tokens as Cognito issues them', () => {
  const claire = { userId: 'demo-staff-claire', role: 'staff' as const };

  it('answers 401 to a well-signed token without exp', async () => {
    const token = await api.product.auth.sign(claire, { expiresIn: null });
    const res = await api.call('GET', '/me', { token });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it('reads a group named `partners,staff` as that one group, not as staff', async () => {
    const token = await api.product.auth.sign(claire, { groups: ['partners,staff'] });
    const res = await api.call('GET', '/me', { token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NO_ROLE');
    // With a real group beside it, the real one is the role.
    const both = await api.product.auth.sign({ userId: 'demo-tutor-michel', role: 'tutor' }, { groups: ['partners,staff', 'tutor'] });
    const me = await api.call('GET', '/me', { token: both });
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('tutor');
    expect((await api.call('POST', '/seasons', { token: both, body: { name: 'Saison 2031', year: 2031, startDate: '2031-09-01', endDate: '2032-12-31' } })).status).toBe(403);
  });

  it('takes ID tokens and refuses access tokens of the same client, locally', async () => {
    expect((await api.call('GET', '/me', { token: await api.product.auth.sign(claire, { tokenUse: 'id' }) })).status).toBe(200);
    const access = await api.product.auth.sign(claire, { tokenUse: 'access' });
    const payload = JSON.parse(Buffer.from(access.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ token_use: 'access', client_id: api.product.auth.audience });
    expect(payload.aud).toBeUndefined();
    expect((await api.call('GET', '/me', { token: access })).status).toBe(401);
  });

  it('takes ID tokens and refuses access tokens in Lambda too (API Gateway’s authorizer passes both)', async () => {
    const { handler } = await import('../../functions/identity/get-me');
    const invoke = (claims: Record<string, unknown>) =>
      handler(
        {
          version: '2.0',
          routeKey: 'GET /me',
          rawPath: '/me',
          rawQueryString: '',
          headers: {},
          isBase64Encoded: false,
          requestContext: {
            http: { method: 'GET', path: '/me' },
            requestId: 'req-token-type',
            authorizer: { jwt: { claims: toApiGatewayClaims(claims), scopes: [] } },
          },
        } as unknown as HttpEvent,
        { functionName: 'test', awsRequestId: 'req-token-type', getRemainingTimeInMillis: () => 10_000 } as unknown as Context,
      );
    const common = { sub: 'demo-staff-claire', 'cognito:groups': ['staff'], iss: api.product.auth.issuer, exp: 9999999999 };
    expect((await invoke({ ...common, token_use: 'id', aud: api.product.auth.audience })).statusCode).toBe(200);
    expect((await invoke({ ...common, token_use: 'access', client_id: api.product.auth.audience })).statusCode).toBe(401);
  });
});

describe('role checks', () => {
  it('refuses a staff-only route to a referent and a tutor (403), and lets staff through', async () => {
    const body = { name: 'Saison 2030', year: 2030, startDate: '2030-09-01', endDate: '2031-12-31' };
    expect((await api.call('POST', '/seasons', { as: 'demo-referent-passerelle', body })).status).toBe(403);
    expect((await api.call('POST', '/seasons', { as: 'demo-tutor-michel', body })).status).toBe(403);
    expect((await api.call('POST', '/seasons', { as: 'demo-staff-claire', body })).status).toBe(201);
  });
  it('refuses the audit trail to non-staff', async () => {
    expect((await api.call('GET', '/audit/user/demo-staff-claire', { as: 'demo-referent-jura' })).status).toBe(403);
    const res = await api.call('GET', '/audit/user/demo-staff-claire', { as: 'demo-staff-claire' });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ action: 'user.created', actorId: 'system-seed' });
  });
});
