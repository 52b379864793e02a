import { timingSafeEqual } from 'node:crypto';
import { config } from '../config';
import { DomainError } from '../errors';
import { toErrorResponse } from './errors';
import type { HttpEvent, HttpResult, LambdaHandler } from './route';

/**
 * What every API answer carries, whatever route or error produced it: answers hold personal data, so no cache
 * keeps them; they are never sniffed into another type, framed, or followed by a Referer.
 */
export const apiSecurityHeaders: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/**
 * The web app's Content-Security-Policy: its own scripts and styles only (the built app has no inline script
 * or style element; Preact sets `style` props through the CSSOM, which style-src does not govern), never
 * framed. `connect` and `formAction` add the sign-in service (Cognito hosted UI) to 'self'.
 */
export function webContentSecurityPolicy(extra: { connect?: readonly string[]; formAction?: readonly string[] } = {}): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...(extra.connect ?? [])],
    ['object-src', "'none'"],
    ['frame-ancestors', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'", ...(extra.formAction ?? [])],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Header CloudFront adds to what it forwards to the API; the API refuses requests without it when ORIGIN_VERIFY is set. */
export const originVerifyHeader = 'x-origin-verify';

const correlationIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** The client's correlation id when it is short and plain (it is logged and echoed), else the request id. */
export function correlationIdOf(event: HttpEvent | undefined): string | undefined {
  const given = event?.headers?.['x-correlation-id'];
  return given !== undefined && correlationIdPattern.test(given) ? given : event?.requestContext?.requestId;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Outermost layer of every route handler: requests that did not come through CloudFront (when CloudFront fronts
 * the API, ORIGIN_VERIFY holds the header's value) answer as an unknown route, and every answer gets the
 * security headers, which no route can weaken.
 */
export function secured(handler: LambdaHandler): LambdaHandler {
  return async (event, context) => {
    const expected = config.originVerify;
    let result: HttpResult;
    if (expected !== undefined && !sameSecret(event.headers?.[originVerifyHeader], expected)) {
      result = toErrorResponse(new DomainError('ROUTE_NOT_FOUND', 'This API is reached through the web address of the programme')).response;
    } else {
      result = await handler(event, context);
    }
    return { ...result, headers: { ...result.headers, ...apiSecurityHeaders } };
  };
}
