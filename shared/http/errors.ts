import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode, type ErrorDetail } from '../errors';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

export function zodDetails(error: ZodError, prefix: string): ErrorDetail[] {
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

/** Maps any thrown value to a response; `unexpected` is true when it is a bug (500) worth logging in full. */
export function toErrorResponse(error: unknown): { response: APIGatewayProxyStructuredResultV2; unexpected: boolean } {
  if (error instanceof DomainError) {
    return {
      response: errorResponse(error.status, {
        error: { code: error.code, message: error.message, details: error.details },
      }),
      unexpected: false,
    };
  }
  if (error instanceof ZodError) {
    return {
      response: errorResponse(400, {
        error: { code: 'VALIDATION_FAILED', message: 'The request is not valid', details: zodDetails(error, '') },
      }),
      unexpected: false,
    };
  }
  return {
    response: errorResponse(500, {
      error: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred; it has been logged', details: [] },
    }),
    unexpected: true,
  };
}
