import { Agent, request } from 'node:http';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toApiGatewayClaims } from '../../scripts/local/dev-auth';
import { resetConfigCache } from '../../shared/config';
import type { HttpEvent } from '../../shared/http/handler';
import { startTestApi, type TestApi } from '../support/api';

/**
 * What every answer carries: the API's security headers (no-store, nosniff, no referrer, HSTS, no framing),
 * the web app's strict CSP, correlation ids only when plain, the origin-verify check of the Lambda wrapper,
 * and a local server whose kept-alive connections survive a 413.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

function expectApiHeaders(headers: Headers, what: string) {
  expect(headers.get('cache-control'), what).toBe('no-store');
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('strict-transport-security'), what).toMatch(/^max-age=\d+/);
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
}

describe('security headers', () => {
  it('are on every API answer: served, refused by the handler, by the local server, or unknown', async () => {
    const answers = {
      served: await api.call('GET', '/me', { as: 'demo-staff-claire' }),
      forbidden: await api.call('POST', '/seasons', { as: 'demo-tutor-michel', body: { name: 'S', year: 2050, startDate: '2050-01-01', endDate: '2050-12-31' } }),
      invalid: await api.call('POST', '/seasons', { as: 'demo-staff-claire', rawBody: '{' }),
      unauthenticated: await api.call('GET', '/me'),
      unknownRoute: await api.call('GET', '/api/nowhere'),
    };
    expect(Object.values(answers).map((a) => a.status)).toEqual([200, 403, 400, 401, 404]);
    for (const [what, answer] of Object.entries(answers)) expectApiHeaders(answer.headers, what);
  });

  it('give the web app a strict Content-Security-Policy', async () => {
    for (const path of ['/', '/saisons', '/assets/does-not-exist.js']) {
      const response = await fetch(`${api.url}${path}`);
      expect(response.headers.get('content-type'), path).toContain('text/html');
      const csp = response.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['style-src']).toEqual(["'self'"]);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
      expect(directives['base-uri']).toEqual(["'self'"]);
      expect(csp).not.toContain('unsafe');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('answers a broken percent-encoding in an app path with a 404, not a 500', async () => {
    const response = await fetch(`${api.url}/saisons/%E0%A4%A`);
    expect(response.status).toBe(404);
  });
});

describe('correlation ids', () => {
  it('echoes a plain client id and replaces any other by the request id, on successes and errors', async () => {
    const ok = await api.call('GET', '/me', { as: 'demo-staff-claire', headers: { 'x-correlation-id': 'web-1.a_B-9' } });
    expect(ok.headers.get('x-correlation-id')).toBe('web-1.a_B-9');
    const refused = await api.call('GET', '/seasons/nope', { as: 'demo-staff-claire', headers: { 'x-correlation-id': 'web-2' } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-correlation-id')).toBe('web-2');
    for (const bad of ['a'.repeat(65), 'has space', 'line\tbreak', 'évent', '<script>', 'a,b']) {
      for (const answer of [
        await api.call('GET', '/me', { as: 'demo-staff-claire', headers: { 'x-correlation-id': bad } }),
        await api.call('GET', '/seasons/nope', { as: 'demo-staff-claire', headers: { 'x-correlation-id': bad } }),
      ]) {
        const echoed = answer.headers.get('x-correlation-id');
        expect(echoed, bad).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
  });
});

describe('origin verify (ORIGIN_VERIFY set where CloudFront fronts the API)', () => {
  const context = { functionName: 'test', awsRequestId: 'req-origin', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
  const event = (headers: Record<string, string>) =>
    ({
      version: '2.0',
      routeKey: 'GET /me',
      rawPath: '/me',
      rawQueryString: '',
      headers,
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'GET', path: '/me' },
        requestId: 'req-origin',
        authorizer: { jwt: { claims: toApiGatewayClaims({ sub: 'demo-staff-claire', 'cognito:groups': ['staff'], token_use: 'id' }), scopes: [] } },
      },
    }) as unknown as HttpEvent;

  it('answers only requests carrying the header CloudFront adds; without the variable, every request', async () => {
    const { handler } = await import('../../functions/identity/get-me');
    expect((await handler(event({}), context)).statusCode).toBe(200);
    process.env.ORIGIN_VERIFY = 'a1b2c3d4-0000-4000-8000-123456789abc';
    resetConfigCache();
    try {
      const wrong: Record<string, string>[] = [{}, { 'x-origin-verify': 'guess' }, { 'x-origin-verify': 'a1b2c3d4-0000-4000-8000-123456789abd' }];
      for (const headers of wrong) {
        const refused = await handler(event(headers), context);
        expect(refused.statusCode).toBe(404);
        expect(JSON.parse(refused.body as string).error.code).toBe('ROUTE_NOT_FOUND');
        expect(refused.headers?.['cache-control']).toBe('no-store');
      }
      const through = await handler(event({ 'x-origin-verify': 'a1b2c3d4-0000-4000-8000-123456789abc' }), context);
      expect(through.statusCode).toBe(200);
      expect(through.headers?.['x-frame-options']).toBe('DENY');
    } finally {
      delete process.env.ORIGIN_VERIFY;
      resetConfigCache();
    }
  });
});

describe('the local server after a 413', () => {
  it('keeps a kept-alive connection usable for the next request', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const token = await api.product.tokenFor('demo-staff-claire');
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; text: string; reused: boolean }>((resolveSend, rejectSend) => {
        const req = request(`${api.url}${path}`, { method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolveSend({ status: res.statusCode ?? 0, text, reused: req.reusedSocket }));
        });
        req.on('error', rejectSend);
        req.end(body);
      });
    try {
      expect((await send('GET', '/me')).status).toBe(200);
      const big = JSON.stringify({ name: 'x'.repeat(7 * 1024 * 1024) });
      const refused = await send('POST', '/seasons', big);
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.text).error.code).toBe('PAYLOAD_TOO_LARGE');
      const next = await send('GET', '/me');
      expect(next.status).toBe(200);
      expect(JSON.parse(next.text).userId).toBe('demo-staff-claire');
      expect(next.reused).toBe(true);
      // The local sign-in's small limit behaves the same.
      expect((await send('POST', '/local-auth/token', JSON.stringify({ userId: 'x'.repeat(20_000) }))).status).toBe(413);
      expect((await send('GET', '/me')).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
