import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevAuth } from '../../scripts/local/dev-auth';
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
