import middy, { type MiddlewareObj } from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { config } from '../config';
import { logger } from '../logger';
import { checkErrorCode } from './answer-check';
import { toErrorResponse } from './errors';
import type { HttpEvent, HttpReply, HttpResult, LambdaHandler, RouteSpec } from './route';
import { correlationIdOf, secured } from './security';

/**
 * What every function has around its work, and nothing of DynamoDB or zod, so that a function needing no
 * data (GET /health) bundles only this: the Powertools logger's Lambda context (through middy), one error
 * map, the security headers, the correlation id. shared/http/handler.ts builds the data routes on it.
 */

export type { HttpEvent, HttpResult, LambdaHandler } from './route';

export function toResult(reply: HttpReply, correlationId: string): HttpResult {
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
const httpErrors = (spec: RouteSpec | undefined): MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: async (request) => {
    if (config.checkAnswers && spec) {
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
 * The Lambda handler around `core`: logger context (middy + Powertools), error map (with the route's declared
 * codes checked in tests when `spec` is given), security headers.
 */
export function lambdaEnvelope(spec: RouteSpec | undefined, core: (event: HttpEvent) => Promise<HttpResult>): LambdaHandler {
  return secured(
    middy<HttpEvent, HttpResult>()
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(httpErrors(spec))
      .handler(core) as unknown as LambdaHandler,
  );
}

/**
 * A public route that reads no data and takes no input (GET /health): the envelope alone, so its function
 * carries neither the DynamoDB client nor zod. Its answer is checked against its declaration in a test.
 */
export function staticHandler(key: string, reply: () => HttpReply): LambdaHandler {
  return lambdaEnvelope(undefined, async (event) => {
    const correlationId = correlationIdOf(event) ?? event.requestContext.requestId;
    logger.appendKeys({ route: key, correlationId });
    const result = toResult(reply(), correlationId);
    logger.info('Request served', { status: result.statusCode });
    return result;
  });
}
