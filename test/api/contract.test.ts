import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { errorCatalogue, errorCodes, type ErrorCode } from '../../shared/errors';
import { buildOpenApi } from '../../shared/http/openapi';
import { errorsOf, type RouteSpec } from '../../shared/http/route';

/**
 * The API's contract as an outside client reads it in /openapi.json: every operation says what it answers
 * on success and which error codes its 4xx answers carry, and every code of the catalogue can actually be
 * answered by someone. Built from functions/routes.ts, so a new route is checked as soon as it is registered.
 */
interface Operation {
  operationId: string;
  responses: Record<string, { description: string; content?: Record<string, { schema?: Record<string, unknown> }>; 'x-error-codes'?: string[] }>;
}

/** One route's operation, built alone so that a route with a broken declaration fails its own test only. */
function operationOf(spec: RouteSpec): Operation {
  const document = buildOpenApi([spec]);
  return document.paths[spec.path]![spec.method.toLowerCase()] as Operation;
}

const cases = routes.map(({ spec }) => [`${spec.method} ${spec.path}`, spec] as const);

/**
 * Codes no route declares because the layers around the use cases answer them: the local server and API
 * Gateway (unknown route, body too large) and the wrapper's last resort (an unexpected error).
 */
const answeredOutsideRoutes: Record<string, { code: ErrorCode; file: string }[]> = {
  server: [
    { code: 'ROUTE_NOT_FOUND', file: 'scripts/local/server.ts' },
    { code: 'PAYLOAD_TOO_LARGE', file: 'scripts/local/server.ts' },
  ],
  wrapper: [{ code: 'INTERNAL_ERROR', file: 'shared/http/errors.ts' }],
  // The local stand-in for Cognito's own endpoints (/local-auth/sign-up, confirm, sign-in, activate).
  localAccounts: (['ACCOUNT_NOT_CONFIRMED', 'INVALID_CREDENTIALS', 'INVITATION_INVALID', 'SIGN_UP_CODE_INVALID', 'WEAK_PASSWORD'] as const).map((code) => ({
    code,
    file: 'shared/accounts/local-auth.ts',
  })),
};
const outsideRoutes = Object.values(answeredOutsideRoutes).flat();

describe('OpenAPI contract', () => {
  it('has one operation per registered route, none lost', () => {
    const document = buildOpenApi(routes.map((r) => r.spec));
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods));
    expect(operations.length).toBe(routes.length);
    expect(operations.length).toBeGreaterThanOrEqual(113);
    expect(new Set(routes.map((r) => r.spec.operationId)).size).toBe(routes.length);
    expect(new Set(routes.map((r) => `${r.spec.method} ${r.spec.path}`)).size).toBe(routes.length);
  });

  it.each(cases)('%s: declares its success answer', (_name, spec) => {
    const operation = operationOf(spec);
    const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
    expect(success, 'exactly one success answer').toHaveLength(1);
    const [status, answer] = success[0]!;
    expect(answer.description.length, 'a description of the success answer').toBeGreaterThan(0);
    if (status === '204') {
      expect(answer.content, '204 has no body').toBeUndefined();
      return;
    }
    const contents = Object.entries(answer.content ?? {});
    expect(contents.length, `${status}: a content type`).toBeGreaterThan(0);
    const json = answer.content?.['application/json'];
    if (json) {
      // A JSON answer is one schema; a file answer may come in several formats (Markdown or PDF).
      expect(contents, `${status}: JSON only`).toHaveLength(1);
      const schema = json.schema ?? {};
      const described = 'type' in schema || 'anyOf' in schema || 'oneOf' in schema || 'allOf' in schema || '$ref' in schema;
      expect(described, `${status} application/json: a schema with a type, not "anything"`).toBe(true);
      return;
    }
    for (const [contentType, media] of contents) {
      expect(contentType, 'a file answer names its media type').toMatch(/^[a-z]+\/[a-z0-9.+-]+/);
      expect(media.schema, `${contentType}: a (string) schema`).toBeDefined();
    }
  });

  it.each(cases)('%s: names the codes of its 4xx answers', (_name, spec) => {
    const operation = operationOf(spec);
    const errors = Object.entries(operation.responses).filter(([status]) => /^4\d\d$/.test(status));
    // A public route without input (health, the API description) has nothing to refuse; every other one has.
    if (spec.access !== 'public') expect(errors.length, 'at least one 4xx answer').toBeGreaterThan(0);

    const listed: string[] = [];
    for (const [status, answer] of errors) {
      const codes = answer['x-error-codes'];
      expect(codes?.length, `${status}: x-error-codes`).toBeGreaterThan(0);
      for (const code of codes!) {
        expect(errorCodes, `${status}: ${code} is in shared/errors.ts`).toContain(code);
        expect(errorCatalogue[code as ErrorCode].status, `${code} is answered with its catalogue status`).toBe(Number(status));
        expect(answer.description, `${status}: the description names ${code}`).toContain(code);
      }
      listed.push(...codes!);
    }
    const expected = errorsOf(spec).filter((code) => errorCatalogue[code].status < 500);
    expect(listed.sort()).toEqual([...new Set(expected)].sort());
  });

  it('declares only catalogued codes on routes', () => {
    const unknown = routes.flatMap(({ spec }) => (spec.errors ?? []).filter((code) => !(code in errorCatalogue)).map((code) => `${spec.operationId}: ${code}`));
    expect(unknown).toEqual([]);
  });
});

describe('error catalogue', () => {
  it('holds only codes someone answers: a route declares it, or the server or the wrapper answers it', () => {
    const declared = new Set<string>(routes.flatMap(({ spec }) => errorsOf(spec)));
    for (const { code } of outsideRoutes) declared.add(code);
    expect(errorCodes.filter((code) => !declared.has(code)), 'codes nobody answers: remove them or declare them on their routes').toEqual([]);
  });

  it.each(outsideRoutes.map((o) => [o.code, o.file] as const))('%s is indeed answered in %s', (code, file) => {
    expect(readFileSync(file, 'utf8')).toContain(`'${code}'`);
  });
});
