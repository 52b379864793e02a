import { z } from 'zod';
import type { RouteSpec } from './route';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
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
        code: { type: 'string', description: 'Stable error code' },
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

/** OpenAPI 3.1 document generated from the route specs, that is, from the very schemas that validate requests. */
export function buildOpenApi(routes: readonly RouteSpec[], serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    const response = route.response ?? { status: 200, description: 'OK' };
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      ...(route.access === 'public'
        ? { security: [] }
        : { 'x-roles': route.access, security: [{ bearerAuth: [] }] }),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
        : {}),
      responses: {
        [String(response.status)]: {
          description: response.description,
          ...(response.schema
            ? { content: { [response.contentType ?? 'application/json']: { schema: jsonSchema(response.schema, 'output') } } }
            : {}),
        },
        ...(route.body || route.query || route.params ? { '400': { description: 'Invalid input', ...errorRef } } : {}),
        ...(route.access === 'public'
          ? {}
          : {
              '401': { description: 'No valid token', ...errorRef },
              '403': { description: 'Role or ownership refused', ...errorRef },
            }),
      },
    };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Essaimage programme manager API',
      version: '0.1.0',
      description:
        'API of the programme that spreads the A.CO.R. employment-mediation method: calls for candidate territories, selection, formation-action, tutoring and staged evaluation.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
