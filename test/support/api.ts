import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { startLocalProduct, type LocalProduct } from '../../scripts/local/product';
import { demoUsers } from '../../scripts/seed/demo-catalogue';
import { commit } from '../../shared/db/transact';
import { putProfileWrite } from '../../shared/identity/repository';

/**
 * The local product (same server `npm start` runs, same handlers as Lambda) on a fresh table with the demo
 * data, in the run's DynamoDB Local. Requests go over HTTP with real JWTs.
 */
export interface TestApi {
  product: LocalProduct;
  url: string;
  call: <T = any>(method: string, path: string, options?: { as?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }) => Promise<{ status: number; body: T; text: string; headers: Headers }>;
  stop: () => Promise<void>;
}

export async function startTestApi(options: { seed?: boolean } = {}): Promise<TestApi> {
  const endpoint = inject('dynamodbEndpoint');
  const product = await startLocalProduct({
    tableName: `api-${randomUUID()}`,
    seed: options.seed,
    dynamo: { endpoint, port: Number(new URL(endpoint).port), stop: async () => undefined },
    s3: { endpoint: inject('s3Endpoint'), stop: async () => undefined },
    bucketName: `docs-${randomUUID()}`,
  });
  // Every route refuses a token whose user has no active profile: without the demo data, the demo users still get theirs.
  if (options.seed === false) await seedDemoProfiles(product);
  const tokens = new Map<string, string>();
  const call: TestApi['call'] = async (method, path, o = {}) => {
    let token = o.token;
    if (!token && o.as) {
      if (!tokens.has(o.as)) tokens.set(o.as, await product.tokenFor(o.as));
      token = tokens.get(o.as);
    }
    const response = await fetch(`${product.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(o.body !== undefined || o.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        ...o.headers,
      },
      body: o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
    });
    const text = await response.text();
    let body: any = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: response.status, body, text, headers: response.headers };
  };
  return { product, url: product.url, call, stop: () => product.stop() };
}

async function seedDemoProfiles(product: LocalProduct): Promise<void> {
  const { db } = product.deps;
  const writes = demoUsers.map((u) => putProfileWrite(db, { userId: u.userId, role: u.role, displayName: u.displayName, email: u.email, organisation: u.organisation }));
  await commit(db, { userId: 'test-support', role: 'staff' }, writes, []);
}
