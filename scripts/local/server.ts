import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { RouteEntry } from '../../functions/routes';
import { errorCatalogue, type ErrorCode } from '../../shared/errors';
import type { HttpEvent, HttpResult, LambdaHandler } from '../../shared/http/handler';
import { routeKey } from '../../shared/http/route';
import { apiSecurityHeaders, webContentSecurityPolicy } from '../../shared/http/security';
import { demoUserSchema, type DemoUser } from '../../shared/identity/schemas';
import { isLocalAccountPath, localAccountOperation } from './accounts';
import { getProfile } from '../../shared/identity/repository';
import { runtimeDeps } from '../../shared/runtime';
import { toApiGatewayClaims, type DevAuth } from './dev-auth';
import { renderDocsPage } from './docs-page';

/**
 * Serves the API on localhost by turning each request into an API Gateway HTTP API (payload v2) event and
 * invoking the very handler module that Lambda runs. JWTs are verified here, as the authorizer does in AWS.
 */
export type { DemoUser } from '../../shared/identity/schemas';

export interface LocalServerOptions {
  routes: RouteEntry[];
  auth: DevAuth;
  demoUsers: DemoUser[];
  port?: number;
  host?: string;
  rootDir: string;
  /** Built web app to serve at / when present. */
  webDir?: string;
  /** Origins the web app may also connect to (the local S3 server it uploads documents to). */
  connectOrigins?: string[];
}

export interface LocalServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

interface CompiledRoute {
  entry: RouteEntry;
  pattern: RegExp;
  names: string[];
}

function compile(entry: RouteEntry): CompiledRoute {
  const names: string[] = [];
  const source = entry.spec.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([a-zA-Z0-9_]+)\\?\}|\{([a-zA-Z0-9_]+)\}/g, (_m, a, b) => {
    names.push(a ?? b);
    return '([^/]+)';
  });
  return { entry, pattern: new RegExp(`^${source}$`), names };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** The local server's own refusals use codes of the catalogue, with their status, as the API does. */
function errorJson(res: ServerResponse, code: ErrorCode, message: string): void {
  json(res, errorCatalogue[code].status, { error: { code, message, details: [] } });
}

class BodyTooLarge extends Error {
  constructor(readonly closeConnection: boolean) {
    super('PAYLOAD_TOO_LARGE');
  }
}

/** Past this size a body is not even drained: the 413 closes the connection instead. */
const drainLimit = 64 * 1024 * 1024;

/**
 * Reads the body up to `limit` bytes. A larger body is still read to its end and dropped, so that after the
 * 413 a kept-alive connection is ready for its next request (stopping mid-body would leave the rest of it
 * to be parsed as the next request).
 */
function readBody(req: IncomingMessage, limit = 6 * 1024 * 1024): Promise<string> {
  return new Promise((resolveBody, rejectBody) => {
    if (Number(req.headers['content-length'] ?? 0) > drainLimit) return rejectBody(new BodyTooLarge(true));
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error?: Error) => {
      req.off('data', onData).off('end', onEnd).off('error', settle).off('close', onClose);
      if (error) rejectBody(error);
      else if (size > limit) rejectBody(new BodyTooLarge(false));
      else resolveBody(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
      if (size > drainLimit) settle(new BodyTooLarge(true));
    };
    const onEnd = () => settle();
    const onClose = () => settle(new Error('The client closed the connection'));
    req.on('data', onData).on('end', onEnd).on('error', settle).on('close', onClose);
  });
}

/** Answers 413; a body too large to drain also ends its connection once the answer is sent. */
function tooLarge(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (!(error instanceof BodyTooLarge)) {
    req.socket.destroy();
    return;
  }
  if (error.closeConnection) {
    res.setHeader('connection', 'close');
    res.on('finish', () => req.socket.destroy());
  }
  errorJson(res, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
}

/**
 * The web app's CSP. Locally connect-src also allows any https: origin, because config.json may point the app
 * at a Cognito hosted UI this server cannot know (the end-to-end test of the Cognito sign-in does); in AWS
 * CloudFront names the exact sign-in origin (infra/web-stack.ts).
 */
const localWebCsp = (origins: readonly string[] = []) => webContentSecurityPolicy({ connect: ['https:', ...origins] });
/** The local API docs page is one inline script and style of this repository. */
const docsCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function serveStatic(res: ServerResponse, webDir: string, pathname: string, connectOrigins?: readonly string[]): boolean {
  const root = resolve(webDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false; // a broken percent-encoding names no file: the caller gets the 404 of an unknown path
  }
  let file = normalize(join(root, decoded));
  if (!file.startsWith(root)) return false;
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html'); // single-page app fallback
  if (!existsSync(file)) return false;
  res.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'content-security-policy': localWebCsp(connectOrigins),
  });
  res.end(readFileSync(file));
  return true;
}

export function toEvent(
  req: IncomingMessage,
  url: URL,
  body: string,
  route: CompiledRoute,
  pathParameters: Record<string, string>,
  claims: Record<string, string> | undefined,
): HttpEvent {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const now = new Date();
  const key = routeKey(route.entry.spec);
  return {
    version: '2.0',
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: headers.cookie ? headers.cookie.split(/;\s*/) : undefined,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    body: body === '' ? undefined : body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: url.hostname,
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: claims ? { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } : undefined,
    },
  } as unknown as HttpEvent;
}

function lambdaContext(functionName: string, requestId: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const compiled = options.routes.map(compile);
  const handlers = new Map<string, Promise<LambdaHandler>>();
  const load = (entry: RouteEntry) => {
    let handler = handlers.get(entry.entry);
    if (!handler) {
      handler = import(pathToFileURL(join(options.rootDir, entry.entry)).href).then((m: { handler: LambdaHandler }) => m.handler);
      handlers.set(entry.entry, handler);
    }
    return handler;
  };
  let baseUrl = '';

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', baseUrl);
      const method = (req.method ?? 'GET').toUpperCase();
      // Every answer starts with the API's headers; the web app's files and the docs page replace the CSP.
      for (const [name, value] of Object.entries(apiSecurityHeaders)) res.setHeader(name, value);
      if (method === 'GET' && url.pathname === '/docs') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': docsCsp });
        res.end(renderDocsPage());
        return;
      }
      if (url.pathname.startsWith('/local-auth/')) {
        await localAuth(req, res, url, method, options);
        return;
      }
      const apiPath = url.pathname.startsWith('/api/') ? url.pathname.slice(4) : url.pathname;
      let matched: { route: CompiledRoute; params: Record<string, string> } | undefined;
      let pathExists = false;
      for (const route of compiled) {
        const m = route.pattern.exec(apiPath);
        if (!m) continue;
        pathExists = true;
        if (route.entry.spec.method !== method) continue;
        matched = { route, params: Object.fromEntries(route.names.map((n, i) => [n, m[i + 1] ?? ''])) };
        break;
      }
      if (!matched) {
        const isApiPath = url.pathname.startsWith('/api/');
        if (method === 'GET' && !isApiPath && options.webDir && existsSync(options.webDir) && serveStatic(res, options.webDir, url.pathname, options.connectOrigins)) return;
        // A known path with another method is "no route" too, as API Gateway answers it.
        return errorJson(res, 'ROUTE_NOT_FOUND', pathExists ? `${method} is not allowed on ${apiPath}` : `No route for ${method} ${apiPath}`);
      }
      let claims: Record<string, string> | undefined;
      const authorization = req.headers.authorization;
      if (matched.route.entry.spec.access !== 'public') {
        const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
        if (!token) return errorJson(res, 'UNAUTHORIZED', 'A bearer token is required');
        try {
          claims = toApiGatewayClaims(await options.auth.verify(token));
        } catch {
          return errorJson(res, 'UNAUTHORIZED', 'The token is not valid');
        }
      }
      let body: string;
      try {
        body = await readBody(req);
      } catch (error) {
        return tooLarge(req, res, error);
      }
      const url2 = new URL(apiPath + url.search, baseUrl);
      const event = toEvent(req, url2, body, matched.route, matched.params, claims);
      const handler = await load(matched.route.entry);
      const result: HttpResult = await handler(event, lambdaContext(matched.route.entry.spec.operationId, event.requestContext.requestId));
      const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
      res.writeHead(result.statusCode ?? 200, headers);
      res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
    } catch (error) {
      // The handler already maps its own errors; reaching here is a bug in the local server itself.
      process.stderr.write(`local server error: ${(error as Error).stack ?? String(error)}\n`);
      if (!res.headersSent) errorJson(res, 'INTERNAL_ERROR', 'Local server error');
      else res.end();
    }
  });

  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolveListen));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url: baseUrl,
    server,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/** Local sign-in: pick a demo user, get a signed token. Exists only in the local server, never in AWS. */
async function localAuth(req: IncomingMessage, res: ServerResponse, url: URL, method: string, options: LocalServerOptions) {
  if (method === 'GET' && url.pathname === '/local-auth/demo-users') return json(res, 200, { items: options.demoUsers.map((user) => demoUserSchema.parse(user)) });
  if (method === 'GET' && url.pathname === '/local-auth/jwks.json') return json(res, 200, await options.auth.jwks());
  if (method === 'POST' && url.pathname === '/local-auth/token') {
    let userId: unknown;
    let raw: string;
    try {
      raw = await readBody(req, 10_000);
    } catch (error) {
      return tooLarge(req, res, error);
    }
    try {
      userId = (JSON.parse(raw) as { userId?: unknown }).userId;
    } catch {
      return errorJson(res, 'INVALID_JSON', 'The request body is not valid JSON');
    }
    const user = options.demoUsers.find((u) => u.userId === userId);
    if (!user) return errorJson(res, 'NOT_FOUND', 'No demo user with this id');
    // The profile's role when it has one (staff may have changed it): the API refuses a token whose group is not it.
    const role = (await getProfile(runtimeDeps().db, user.userId))?.role ?? user.role;
    return json(res, 200, { token: await options.auth.sign({ ...user, role }), user: { ...user, role } });
  }
  if (method === 'POST' && isLocalAccountPath(url.pathname)) {
    let raw: string;
    try {
      raw = await readBody(req, 10_000);
    } catch (error) {
      return tooLarge(req, res, error);
    }
    const answer = await localAccountOperation(url.pathname, raw, options.auth);
    return json(res, answer.status, answer.body);
  }
  return errorJson(res, 'ROUTE_NOT_FOUND', `No route for ${method} ${url.pathname}`);
}
