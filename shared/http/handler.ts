import type { z } from 'zod/mini';
import { isAcceptedToken, roleFromClaims, subjectFromClaims, type JwtClaims, type Principal, type Role } from '../access/principal';
import { assertRole } from '../access/policy';
import { badRequest, forbidden, unauthorized } from '../errors';
import { keyBatch, type KeyBatch } from '../db/key-batch';
import { resolveCaller, type Me } from '../identity/principal';
import { logger } from '../logger';
import { runtimeDeps, type Deps } from '../runtime';
import { config } from '../config';
import { checkAnswer } from './answer-check';
import { lambdaEnvelope, toResult, type HttpEvent, type HttpResult } from './envelope';
import { zodDetails } from './errors';
import { routeKey, type HttpReply, type RouteSpec } from './route';
import { idempotencyKeyOf, runIdempotent } from './idempotency';
import { correlationIdOf } from './security';

export type { HttpReply } from './route';
export type { HttpEvent, HttpResult, LambdaHandler } from './envelope';

/** The validated type of an optional schema; routes without that part get `undefined`. */
type Infer<T> = [NonNullable<T>] extends [z.ZodMiniNever]
  ? undefined
  : NonNullable<T> extends z.ZodMiniType
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

function validate<T extends z.ZodMiniType | undefined>(schema: T, value: unknown, where: string): Infer<T> {
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

/** What a route's `prefetch` may use: its validated input and who the verified token says the caller is. */
export interface PrefetchInput<S extends RouteSpec> {
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
  deps: Deps;
  /** From the verified token; the token's role is confirmed against the profile before `run` gets the data. */
  userId: string | undefined;
  role: Role | undefined;
  /**
   * Key reads sent in one BatchGetItem with the caller's profile (a staff caller's): ask for them before the
   * prefetch's first `await`, or they go on their own.
   */
  batch: KeyBatch;
}

export interface HandlerOptions<S extends RouteSpec, P> {
  /**
   * The route's own reads, started together with the caller's profile read (one round trip instead of two).
   * It must only read. Its result reaches `run` (as `prefetched`) once the caller is resolved, so access is
   * still decided with both in hand: a refused caller gets the caller's error, never the data nor a read error.
   */
  prefetch?: (input: PrefetchInput<S>) => Promise<P>;
  /**
   * Token roles whose memberships the route never uses (a tutor's own request list): such a caller is resolved
   * from the profile item alone, read in the batch of key reads, so `principal.structureIds` is empty.
   */
  profileOnlyFor?: readonly Role[];
}

/**
 * Wraps a use-case call into a Lambda handler for API Gateway HTTP API (payload v2): logger context and
 * correlation id, authentication, role check (deny by default), zod validation of path, query and body, the
 * caller's principal, and one error map. Input is fully validated before anything is read or written.
 */
export function httpHandler<S extends RouteSpec, P = unknown>(
  spec: S,
  run: (request: HttpRequest<S> & { prefetched: NoInfer<P> }) => Promise<HttpReply>,
  options: HandlerOptions<S, P> = {},
) {
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
    const batch = keyBatch(deps.db);
    const callerRead = spec.access === 'public' && !claims ? Promise.resolve(undefined) : resolveCaller(deps.db, claims, batch, options.profileOnlyFor);
    const dataRead = options.prefetch
      ? options.prefetch({ params, query, body, deps, userId: claims && subjectFromClaims(claims), role: claims && roleFromClaims(claims), batch } as PrefetchInput<S>)
      : Promise.resolve(undefined as P);
    batch.send();
    const [callerOutcome, dataOutcome] = await Promise.allSettled([callerRead, dataRead]);
    // The caller is judged first: a refused caller learns nothing of the data, not even that it is missing.
    if (callerOutcome.status === 'rejected') throw callerOutcome.reason;
    if (dataOutcome.status === 'rejected') throw dataOutcome.reason;
    const caller = callerOutcome.value;
    const prefetched = dataOutcome.value;
    const served = () => run({ params, query, body, principal: caller?.principal, caller, deps, event, prefetched } as HttpRequest<S> & { prefetched: P });
    const reply =
      idempotencyKey && caller
        ? await runIdempotent(deps.db, deps.now, { userId: caller.principal.userId, operationId: spec.operationId, key: idempotencyKey }, { params, body }, served)
        : await served();
    if (config.checkAnswers) checkAnswer(spec, reply);
    const result = toResult(reply, correlationId);
    logger.info('Request served', { status: result.statusCode });
    return result;
  };
  return lambdaEnvelope(spec, core);
}

/**
 * `httpHandler` with a prefetch (see HandlerOptions.prefetch), arguments in the order TypeScript infers them:
 * what `prefetch` returns is the type `run` gets as `prefetched`.
 */
export function prefetchingHandler<S extends RouteSpec, P>(
  spec: S,
  prefetch: (input: PrefetchInput<S>) => Promise<P>,
  run: (request: HttpRequest<S> & { prefetched: P }) => Promise<HttpReply>,
  options: Omit<HandlerOptions<S, P>, 'prefetch'> = {},
) {
  return httpHandler<S, P>(spec, run, { ...options, prefetch });
}
