import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routes } from '../../functions/routes';
import { createDocumentClient } from '../../shared/db/client';
import type { Deps } from '../../shared/runtime';
import { demoUsers } from '../seed/demo-catalogue';
import { seedDemoData } from '../seed/demo-data';
import { createDevAuth, type DevAuth } from './dev-auth';
import { ensureTable, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { startLocalServer, type LocalServer } from './server';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface LocalProduct {
  url: string;
  dynamo: DynamoDbLocal;
  server: LocalServer;
  auth: DevAuth;
  deps: Deps;
  tokenFor: (userId: string) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * The whole product on this machine: DynamoDB Local, the table from the shared schema, demo data, and the
 * HTTP API invoking the Lambda handlers. `npm start`, the API tests, the end-to-end tests and the bench all
 * start it through here.
 */
export async function startLocalProduct(options: { port?: number; dbPath?: string; tableName?: string; seed?: boolean; dynamo?: DynamoDbLocal } = {}): Promise<LocalProduct> {
  const dynamo = options.dynamo ?? (await startDynamoDbLocal({ dbPath: options.dbPath }));
  const ownsDynamo = !options.dynamo;
  try {
    const tableName = options.tableName ?? 'essaimage-local';
    await ensureTable(dynamo.endpoint, tableName);
    // Handlers read these through shared/config.ts, exactly as in Lambda.
    process.env.TABLE_NAME = tableName;
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    process.env.AWS_REGION ??= 'eu-west-3';
    const deps: Deps = { db: { doc: createDocumentClient(dynamo.endpoint), tableName }, now: () => new Date() };
    if (options.seed !== false) await seedDemoData(deps);

    const host = '127.0.0.1';
    const port = options.port ?? 0;
    const auth = await createDevAuth({ issuer: 'https://local-auth.essaimage.invalid' });
    const server = await startLocalServer({ routes, auth, demoUsers, port, host, rootDir: repoRoot, webDir: join(repoRoot, 'web', 'dist') });
    return {
      url: server.url,
      dynamo,
      server,
      auth,
      deps,
      tokenFor: async (userId) => {
        const user = demoUsers.find((u) => u.userId === userId);
        if (!user) throw new Error(`No demo user ${userId}`);
        return auth.sign(user);
      },
      stop: async () => {
        await server.close();
        deps.db.doc.destroy();
        if (ownsDynamo) await dynamo.stop();
      },
    };
  } catch (error) {
    if (ownsDynamo) await dynamo.stop();
    throw error;
  }
}
