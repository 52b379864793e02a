import { DomainError } from '../errors';
import { canonicalJson } from './canonical-json';
import { contentTypesOf, errorsOf, isJsonAnswer, routeKey, type HttpReply, type RouteSpec } from './route';

/**
 * In tests (CHECK_ANSWERS=1) every answer must be what its route declares: the declared status, a body the
 * schema accepts with no field the schema does not name, and only declared error codes. A drift becomes a
 * 500 that fails the test that met it, with the reason on stderr.
 */
function drift(spec: RouteSpec, what: string): never {
  const message = `Answer of ${routeKey(spec)} (${spec.operationId}) does not match its declaration: ${what}`;
  process.stderr.write(`${message}\n`);
  throw new Error(message);
}

export function checkAnswer(spec: RouteSpec, reply: HttpReply): void {
  const declared = spec.response;
  const status = reply.status ?? (reply.body === undefined && !reply.text ? 204 : 200);
  if (status !== declared.status) drift(spec, `status ${status}, declared ${declared.status}`);
  if (isJsonAnswer(declared)) {
    if (reply.body === undefined) drift(spec, 'no JSON body');
    const wire: unknown = JSON.parse(JSON.stringify(reply.body));
    const parsed = declared.schema.safeParse(wire);
    if (!parsed.success) {
      drift(spec, parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    if (canonicalJson(parsed.data) !== canonicalJson(wire)) drift(spec, 'the body holds fields the schema does not declare (or the schema rewrites values)');
  } else if ('contentType' in declared) {
    const types = contentTypesOf(declared);
    const sent = reply.text?.contentType;
    if (!sent || !types.some((t) => sent.startsWith(t))) drift(spec, `content type ${sent ?? 'JSON'}, declared ${types.join(' or ')}`);
  } else if (reply.body !== undefined || reply.text) {
    drift(spec, 'a body on a 204');
  }
}

export function checkErrorCode(spec: RouteSpec, error: unknown): void {
  if (error instanceof DomainError && !errorsOf(spec).includes(error.code)) {
    drift(spec, `error code ${error.code} is not in its errors list`);
  }
}
