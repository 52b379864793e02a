import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutBucketCorsCommand, S3ServiceException } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { createS3Client } from '../../shared/attachments/storage';

/**
 * A real S3-compatible server on this machine (the npm package s3rver), reached through the same AWS SDK
 * code as S3 in AWS (endpoint override, path-style). Used by `npm start`, the vitest global setup and the
 * e2e tests. Its objects live in a temporary folder removed at stop, or in `<dbPath>/s3` to keep them.
 */
export interface S3Local {
  endpoint: string;
  stop: () => Promise<void>;
}

export async function startS3Local(options: { dbPath?: string; port?: number } = {}): Promise<S3Local> {
  const kept = options.dbPath !== undefined;
  const directory = kept ? join(options.dbPath!, 's3') : mkdtempSync(join(tmpdir(), 'essaimage-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ port: options.port ?? 0, address: '127.0.0.1', silent: true, directory });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await server.close();
      if (!kept) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The documents bucket on the local server, with CORS so the web app (any local origin) can PUT to it. */
export async function ensureBucket(endpoint: string, bucket: string): Promise<void> {
  const client = createS3Client(endpoint, 'eu-west-3');
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!(error instanceof S3ServiceException) || !['BucketAlreadyExists', 'BucketAlreadyOwnedByYou'].includes(error.name)) throw error;
  }
  await client.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PUT', 'GET'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 600 }],
      },
    }),
  );
  client.destroy();
}
