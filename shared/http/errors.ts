import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { $ZodError } from 'zod/v4/core';
import { DomainError, type ErrorCode, type ErrorDetail } from '../errors';

/** zod/mini loads no messages: the English ones (what classic zod gave) for details[].message and logs. */
z.config(en());

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

export function zodDetails(error: $ZodError, prefix: string): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

export function errorResponse(
  status: number,
  body: ErrorBody,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

/** Seconds a client waits before retrying after a 503: the SDK has already retried three times. */
export const retryAfterSeconds = 2;

/** Error names (SDK and DynamoDB) that mean "the database cannot answer now", not "the request is wrong". */
const unavailableNames = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TransactionInProgressException',
]);
/** Network errors of the HTTP handler (DynamoDB stopped, connection cut, no route). */
const unavailableSocketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** Reasons a transaction is cancelled for capacity, not for a condition. */
const unavailableCancelReasons = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded']);

type SdkLikeError = {
  name?: string;
  code?: string;
  errno?: string;
  cause?: unknown;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: { Code?: string }[];
};

/** Whether a thrown value says DynamoDB is unreachable, overloaded or too slow (a transient fault, answered 503). */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as SdkLikeError;
  if (e.name && unavailableNames.has(e.name)) return true;
  if ((e.code && unavailableSocketCodes.has(e.code)) || (e.errno && unavailableSocketCodes.has(e.errno))) return true;
  if (e.name === 'TransactionCanceledException' && e.CancellationReasons?.some((r) => r.Code && unavailableCancelReasons.has(r.Code))) return true;
  if (e.$fault === 'server' && (e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (error instanceof AggregateError) return error.errors.some((inner) => isServiceUnavailable(inner, depth + 1));
  return isServiceUnavailable(e.cause, depth + 1);
}

/**
 * Maps any thrown value to a response; `unexpected` is true when it is a bug (500) worth logging in full,
 * `transient` when the database could not answer (503 with Retry-After, logged as a warning).
 */
export function toErrorResponse(error: unknown): { response: APIGatewayProxyStructuredResultV2; unexpected: boolean; transient?: boolean } {
  if (error instanceof DomainError) {
    return {
      response: errorResponse(error.status, {
        error: { code: error.code, message: error.message, details: error.details },
      }),
      unexpected: false,
    };
  }
  if (error instanceof $ZodError) {
    return {
      response: errorResponse(400, {
        error: { code: 'VALIDATION_FAILED', message: 'The request is not valid', details: zodDetails(error, '') },
      }),
      unexpected: false,
    };
  }
  if (isServiceUnavailable(error)) {
    return {
      response: errorResponse(
        503,
        { error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is unavailable for a moment; retry shortly', details: [] } },
        { 'retry-after': String(retryAfterSeconds) },
      ),
      unexpected: false,
      transient: true,
    };
  }
  return {
    response: errorResponse(500, {
      error: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred; it has been logged', details: [] },
    }),
    unexpected: true,
  };
}
