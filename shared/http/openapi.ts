import * as z from 'zod/mini';
import { errorCatalogue, type ErrorCode } from '../errors';
import { contentTypesOf, errorsOf, isJsonAnswer, type RouteSpec } from './route';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parametersOf(schema: z.ZodMiniType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(property.description ? { description: property.description } : {}),
  }));
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', description: 'Stable error code', enum: Object.keys(errorCatalogue) },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } },
          },
        },
      },
    },
  },
};

const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: a retry with the same key and input gets the first answer back (header idempotent-replayed: true); another input with the same key is a 422. Keys last 24 h.',
  schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_:.-]+$' },
};

const statusWords: Record<number, string> = {
  400: 'Invalid input',
  401: 'No valid token',
  403: 'Role or ownership refused',
  404: 'Not found, or not yours to see',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  422: 'Breaks a rule of the programme',
};

/** The 4xx answers of a route, one per status, each naming its codes (enum and description). */
function errorResponses(route: RouteSpec) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorsOf(route)) {
    const status = errorCatalogue[code].status;
    if (status >= 500) continue;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, unknown> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const list = codes.sort().map((c) => `\`${c}\`: ${errorCatalogue[c].description}`).join('; ');
    out[String(status)] = {
      description: `${statusWords[status] ?? 'Refused'}. Codes: ${list}`,
      'x-error-codes': codes,
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Error' },
              { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string', enum: codes } } } } },
            ],
          },
        },
      },
    };
  }
  return out;
}

function successResponse(route: RouteSpec) {
  const answer = route.response;
  if (isJsonAnswer(answer)) {
    return { description: answer.description, content: { 'application/json': { schema: jsonSchema(answer.schema, 'output') } } };
  }
  if ('contentType' in answer) {
    const content = Object.fromEntries(
      contentTypesOf(answer).map((type) => [type, { schema: type === 'application/pdf' ? { type: 'string', format: 'binary' } : { type: 'string' } }]),
    );
    return { description: answer.description, content };
  }
  return { description: answer.description };
}

/** OpenAPI 3.1 document generated from the route specs, that is, from the very schemas that validate requests and answers. */
export function buildOpenApi(routes: readonly RouteSpec[], serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: [
        ...parametersOf(route.params, 'path'),
        ...parametersOf(route.query, 'query'),
        ...(route.idempotent ? [idempotencyKeyParameter] : []),
      ],
      ...(route.access === 'public' ? { security: [] } : { 'x-roles': route.access, security: [{ bearerAuth: [] }] }),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
        : {}),
      responses: {
        [String(route.response.status)]: successResponse(route),
        ...errorResponses(route),
      },
    };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Essaimage programme manager API',
      version: '0.2.0',
      description:
        'API of the programme that spreads the A.CO.R. employment-mediation method: calls for candidate territories, selection, formation-action, tutoring and staged evaluation. Every error answers `{ error: { code, message, details } }`; each operation lists its codes.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
