import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routes } from '../../functions/routes';
import { createDocumentClient } from '../../shared/db/client';
import { getProfile } from '../../shared/identity/repository';
import type { Deps } from '../../shared/runtime';
import { demoUsers } from '../seed/demo-catalogue';
import { seedDemoData } from '../seed/demo-data';
import { createDevAuth, type DevAuth } from './dev-auth';
import { ensureTable, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { ensureBucket, startS3Local, type S3Local } from './s3-local';
import { startLocalServer, type LocalServer } from './server';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface LocalProduct {
  url: string;
  dynamo: DynamoDbLocal;
  /** The local S3-compatible server holding the documents bucket. */
  s3: S3Local;
  bucketName: string;
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
export async function startLocalProduct(
  options: { port?: number; dbPath?: string; tableName?: string; seed?: boolean; dynamo?: DynamoDbLocal; s3?: S3Local; bucketName?: string } = {},
): Promise<LocalProduct> {
  const dynamo = options.dynamo ?? (await startDynamoDbLocal({ dbPath: options.dbPath }));
  const ownsDynamo = !options.dynamo;
  let s3: S3Local | undefined = options.s3;
  const ownsS3 = !options.s3;
  try {
    s3 ??= await startS3Local({ dbPath: options.dbPath });
    const bucketName = options.bucketName ?? 'essaimage-documents-local';
    await ensureBucket(s3.endpoint, bucketName);
    process.env.ATTACHMENTS_BUCKET = bucketName;
    process.env.S3_ENDPOINT = s3.endpoint;
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
    const server = await startLocalServer({ routes, auth, demoUsers, port, host, rootDir: repoRoot, webDir: join(repoRoot, 'web', 'dist'), connectOrigins: [s3.endpoint] });
    // Links in e-mails (account confirmation, invitations) point at this server's web app.
    process.env.WEB_URL = server.url;
    return {
      url: server.url,
      dynamo,
      s3,
      bucketName,
      server,
      auth,
      deps,
      // Any local user (demo, signed up, invited), with their profile's role: the profile is the source of truth.
      tokenFor: async (userId) => {
        const user = (await getProfile(deps.db, userId)) ?? demoUsers.find((u) => u.userId === userId);
        if (!user) throw new Error(`No local user ${userId}`);
        return auth.sign(user);
      },
      stop: async () => {
        await server.close();
        deps.db.doc.destroy();
        if (ownsDynamo) await dynamo.stop();
        if (ownsS3) await s3!.stop();
      },
    };
  } catch (error) {
    if (ownsDynamo) await dynamo.stop();
    if (ownsS3) await s3?.stop();
    throw error;
  }
}
