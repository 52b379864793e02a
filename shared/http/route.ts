import type { z } from 'zod';
import type { Role } from '../access/principal';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The contract of one HTTP route: method, path, who may call it and the zod schemas of its input.
 * The same object drives validation in the handler, the OpenAPI document, the local server's routing
 * and the CDK routes, so they cannot drift apart.
 */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
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
  /** Documented success response. */
  response?: { status: number; description: string; schema?: z.ZodType; contentType?: string };
}

export function defineRoute<
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> {
  return spec;
}

export const routeKey = (spec: Pick<RouteSpec, 'method' | 'path'>) => `${spec.method} ${spec.path}`;
