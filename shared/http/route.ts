import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod/mini';
import type { Role } from '../access/principal';
import type { ErrorCode } from '../errors';

/** What a use case hands back to the wrapper. */
export interface HttpReply {
  status?: number;
  body?: unknown;
  /** A non-JSON body (CSV, Markdown, HTML; PDF as base64 with `base64: true`), sent with the given content type. */
  text?: { contentType: string; content: string; filename?: string; base64?: boolean };
  headers?: Record<string, string>;
}

/** API Gateway HTTP API (payload v2) as every Lambda handler of a route sees it. */
export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;
export type LambdaHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A JSON answer, declared by the zod schema it satisfies. */
export interface JsonAnswer {
  status: 200 | 201 | 202;
  description: string;
  schema: z.ZodMiniType;
}
/** A file (CSV, Markdown, PDF, HTML) sent with its content type. */
export interface FileAnswer {
  status: 200;
  description: string;
  /** One type, or the types the caller chooses between (e.g. Markdown or PDF by `format`). */
  contentType: string | readonly string[];
}
/** Nothing to say back (204). */
export interface EmptyAnswer {
  status: 204;
  description: string;
}
export type Answer = JsonAnswer | FileAnswer | EmptyAnswer;

/**
 * The contract of one HTTP route: method, path, who may call it, the zod schemas of its input, its answer
 * and the error codes its use case may answer. The same object drives validation in the handler, the
 * OpenAPI document, the web's types, the local server's routing and the CDK routes, so they cannot drift.
 */
export interface RouteSpec<
  P extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  B extends z.ZodMiniType = z.ZodMiniType,
> {
  operationId: string;
  method: HttpMethod;
  /** API Gateway style: /calls/{callId} */
  path: string;
  summary: string;
  tag: string;
  /** 'public' routes skip the JWT authorizer (health, API docs); every other route names the roles it admits. */
  access: 'public' | readonly Role[];
  params?: P;
  query?: Q;
  body?: B;
  response: Answer;
  /**
   * Codes the use case may answer. The wrapper's own codes are added from the spec: VALIDATION_FAILED
   * (input), INVALID_JSON (body), INVALID_CURSOR (paged query), UNAUTHORIZED, NO_ROLE, ROLE_NOT_ALLOWED,
   * NO_ACTIVE_PROFILE, ACCOUNT_DEACTIVATED and ROLE_CHANGED (non-public routes), TRANSACTION_CONFLICT (writes).
   */
  errors: readonly ErrorCode[];
  /**
   * Takes an `Idempotency-Key` header (shared/http/idempotency.ts): a retry with the same key and input gets
   * the first answer again. Adds VALIDATION_FAILED, IDEMPOTENCY_KEY_REUSED and IDEMPOTENCY_IN_PROGRESS.
   */
  idempotent?: true;
}

export function defineRoute<
  P extends z.ZodMiniType = z.ZodMiniNever,
  Q extends z.ZodMiniType = z.ZodMiniNever,
  B extends z.ZodMiniType = z.ZodMiniNever,
>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> {
  return spec;
}

export const routeKey = (spec: Pick<RouteSpec, 'method' | 'path'>) => `${spec.method} ${spec.path}`;

function hasCursor(query: z.ZodMiniType | undefined): boolean {
  const shape = (query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return !!shape && 'cursor' in shape;
}

/** Every code a route may answer: its use case's and the wrapper's. */
export function errorsOf(spec: RouteSpec): ErrorCode[] {
  const codes = new Set<ErrorCode>(spec.errors);
  if (spec.params || spec.query || spec.body) codes.add('VALIDATION_FAILED');
  if (spec.body) codes.add('INVALID_JSON');
  if (hasCursor(spec.query)) codes.add('INVALID_CURSOR');
  // SERVICE_UNAVAILABLE: resolving the caller reads the table (public routes that read it declare it themselves)
  // NO_ACTIVE_PROFILE, ACCOUNT_DEACTIVATED, ROLE_CHANGED: the caller's profile decides (shared/identity/principal.ts)
  if (spec.access !== 'public') {
    for (const code of ['UNAUTHORIZED', 'NO_ROLE', 'ROLE_NOT_ALLOWED', 'SERVICE_UNAVAILABLE', 'NO_ACTIVE_PROFILE', 'ACCOUNT_DEACTIVATED', 'ROLE_CHANGED'] as const) codes.add(code);
  }
  // every transactional write can meet a concurrent one on the same items (shared/db/transact.ts)
  if (spec.method !== 'GET') codes.add('TRANSACTION_CONFLICT');
  if (spec.idempotent) for (const code of ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_IN_PROGRESS'] as const) codes.add(code);
  return [...codes];
}

export const isJsonAnswer = (answer: Answer): answer is JsonAnswer => 'schema' in answer;

export const contentTypesOf = (answer: FileAnswer): readonly string[] =>
  typeof answer.contentType === 'string' ? [answer.contentType] : answer.contentType;
