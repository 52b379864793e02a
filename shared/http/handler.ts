import middy, { type MiddlewareObj } from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { z } from 'zod';
import { isAcceptedToken, roleFromClaims, type JwtClaims, type Principal } from '../access/principal';
import { assertRole } from '../access/policy';
import { badRequest, forbidden, unauthorized } from '../errors';
import { resolveCaller, type Me } from '../identity/principal';
import { logger } from '../logger';
import { runtimeDeps, type Deps } from '../runtime';
import { config } from '../config';
import { checkAnswer, checkErrorCode } from './answer-check';
import { toErrorResponse, zodDetails } from './errors';
import { routeKey, type HttpReply, type RouteSpec } from './route';
import { idempotencyKeyOf, runIdempotent } from './idempotency';
import { correlationIdOf, secured } from './security';

export type { HttpReply } from './route';

/** The validated type of an optional schema; routes without that part get `undefined`. */
type Infer<T> = [NonNullable<T>] extends [z.ZodNever]
  ? undefined
  : NonNullable<T> extends z.ZodType
    ? z.output<NonNullable<T>>
    : undefined;

export interface HttpRequest<S extends RouteSpec> {
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
  /** Present on every non-public route. */
  principal: S['access'] extends 'public' ? Principal | undefined : Principal;
  /** The caller with their profile and memberships, as read once for this request. */
  caller: S['access'] extends 'public' ? Me | undefined : Me;
  deps: Deps;
  event: HttpEvent;
}

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;
export type LambdaHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

function claimsOf(event: HttpEvent): JwtClaims | undefined {
  return event.requestContext?.authorizer?.jwt?.claims as JwtClaims | undefined;
}

function parseJsonBody(event: HttpEvent): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('INVALID_JSON', 'The request body is not valid JSON', [{ path: 'body', message: 'Malformed JSON' }]);
  }
}

function validate<T extends z.ZodType | undefined>(schema: T, value: unknown, where: string): Infer<T> {
  if (!schema) return undefined as Infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw badRequest('VALIDATION_FAILED', `The request ${where} is not valid`, zodDetails(result.error, where));
  }
  return result.data as Infer<T>;
}

function decodedParams(event: HttpEvent): Record<string, string> {
  const out: Record<string, string> = {};
  const malformed: string[] = [];
  for (const [k, v] of Object.entries(event.pathParameters ?? {})) {
    if (v === undefined) continue;
    // A broken percent-encoding (`%E0%A4%A`) is the caller's mistake, so a 400 rather than a URIError's 500.
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      malformed.push(k);
    }
  }
  if (malformed.length) {
    throw badRequest(
      'VALIDATION_FAILED',
      'The request params is not valid',
      malformed.map((k) => ({ path: `params.${k}`, message: 'Malformed percent-encoding', code: 'invalid_format' })),
    );
  }
  return out;
}

function toResult(reply: HttpReply, correlationId: string): HttpResult {
  const base = { 'x-correlation-id': correlationId, ...reply.headers };
  if (reply.text) {
    return {
      statusCode: reply.status ?? 200,
      headers: {
        ...base,
        'content-type': reply.text.contentType,
        ...(reply.text.filename ? { 'content-disposition': `attachment; filename="${reply.text.filename}"` } : {}),
      },
      body: reply.text.content,
      isBase64Encoded: reply.text.base64 ?? false,
    };
  }
  if (reply.body === undefined) return { statusCode: reply.status ?? 204, headers: base };
  return {
    statusCode: reply.status ?? 200,
    headers: { ...base, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(reply.body),
  };
}

/** Registered last so that it runs first on error (middy runs onError in reverse): last word on any error: domain errors keep their status and code, anything else is a logged 500. */
const httpErrors = (spec: RouteSpec): MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: async (request) => {
    if (config.checkAnswers) {
      try {
        checkErrorCode(spec, request.error);
      } catch (drift) {
        request.error = drift as Error;
      }
    }
    const { response, unexpected, transient } = toErrorResponse(request.error);
    if (unexpected) logger.error('Unhandled error', { error: request.error as Error });
    else if (transient) logger.warn('Database unavailable', { status: response.statusCode, error: request.error as Error });
    else logger.info('Request refused', { status: response.statusCode });
    const correlationId = correlationIdOf(request.event);
    request.response = correlationId
      ? { ...response, headers: { ...response.headers, 'x-correlation-id': correlationId } }
      : response;
  },
});

/**
 * Wraps a use-case call into a Lambda handler for API Gateway HTTP API (payload v2): logger context and
 * correlation id, authentication, role check (deny by default), zod validation of path, query and body, the
 * caller's principal, and one error map. Input is fully validated before anything is read or written.
 */
export function httpHandler<S extends RouteSpec>(spec: S, run: (request: HttpRequest<S>) => Promise<HttpReply>) {
  const key = routeKey(spec);
  const core = async (event: HttpEvent): Promise<HttpResult> => {
    const correlationId = correlationIdOf(event) ?? event.requestContext.requestId;
    logger.appendKeys({ route: key, correlationId });
    const claims = claimsOf(event);
    if (spec.access !== 'public') {
      if (!claims || !isAcceptedToken(claims)) throw unauthorized();
      const role = roleFromClaims(claims);
      if (!role) throw forbidden('NO_ROLE', 'Your account has no role in the programme');
      assertRole({ userId: '', role, structureIds: [] }, spec.access);
    }
    const params = validate(spec.params, decodedParams(event), 'params');
    const query = validate(spec.query, event.queryStringParameters ?? {}, 'query');
    const body = spec.body ? validate(spec.body, parseJsonBody(event), 'body') : undefined;
    const idempotencyKey = spec.idempotent ? idempotencyKeyOf(event.headers) : undefined;
    const deps = runtimeDeps();
    const caller = spec.access === 'public' && !claims ? undefined : await resolveCaller(deps.db, claims);
    const served = () => run({ params, query, body, principal: caller?.principal, caller, deps, event } as HttpRequest<S>);
    const reply =
      idempotencyKey && caller
        ? await runIdempotent(deps.db, deps.now, { userId: caller.principal.userId, operationId: spec.operationId, key: idempotencyKey }, { params, body }, served)
        : await served();
    if (config.checkAnswers) checkAnswer(spec, reply);
    const result = toResult(reply, correlationId);
    logger.info('Request served', { status: result.statusCode });
    return result;
  };
  return secured(
    middy<HttpEvent, HttpResult>()
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(httpErrors(spec))
      .handler(core) as unknown as LambdaHandler,
  );
}
