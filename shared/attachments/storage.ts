import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config } from '../config';
import { sha256HexToBase64 } from './rules';

/**
 * The documents bucket, through the AWS SDK: S3 in AWS, the local S3-compatible server locally and in tests
 * (same code; only the endpoint and path-style addressing differ, set in shared/config.ts).
 */
export interface FileStore {
  client: S3Client;
  bucket: string;
}

export function createS3Client(endpoint?: string, region = config.region): S3Client {
  return new S3Client({
    region,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 10_000, throwOnRequestTimeout: true },
    ...(endpoint ? { endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
  });
}

const stores = new Map<string, FileStore>();

/** The store of this runtime (Lambda or local server), one client per endpoint and bucket. */
export function runtimeFileStore(): FileStore {
  const endpoint = config.s3Endpoint;
  const bucket = config.attachmentsBucket;
  const key = `${endpoint ?? 'aws'}|${bucket}`;
  let store = stores.get(key);
  if (!store) {
    store = { client: createS3Client(endpoint), bucket };
    stores.set(key, store);
  }
  return store;
}

export interface PresignedPut {
  url: string;
  headers: Record<string, string>;
}

/**
 * A PUT URL for exactly these bytes: S3 refuses another length (signed content-length), another type
 * (signed content-type) or bytes whose SHA-256 differs (signed x-amz-checksum-sha256).
 */
export async function presignPut(store: FileStore, key: string, file: { contentType: string; size: number; sha256: string }, seconds: number): Promise<PresignedPut> {
  const checksum = sha256HexToBase64(file.sha256);
  const url = await getSignedUrl(
    store.client,
    new PutObjectCommand({ Bucket: store.bucket, Key: key, ContentType: file.contentType, ContentLength: file.size, ChecksumSHA256: checksum }),
    { expiresIn: seconds, signableHeaders: new Set(['content-type', 'x-amz-checksum-sha256']), unhoistableHeaders: new Set(['x-amz-checksum-sha256']) },
  );
  return { url, headers: { 'content-type': file.contentType, 'x-amz-checksum-sha256': checksum } };
}

/** A GET URL that downloads the document under its declared name and type. */
export function presignGet(store: FileStore, key: string, file: { fileName: string; contentType: string }, seconds: number): Promise<string> {
  const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
  return getSignedUrl(
    store.client,
    new GetObjectCommand({ Bucket: store.bucket, Key: key, ResponseContentDisposition: disposition, ResponseContentType: file.contentType }),
    { expiresIn: seconds },
  );
}

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey || error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);

/** The stored object's size and S3's SHA-256 (when the upload sent one); undefined when nothing was uploaded. */
export async function headObject(store: FileStore, key: string): Promise<{ size: number; sha256Base64?: string } | undefined> {
  try {
    const head = await store.client.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key, ChecksumMode: 'ENABLED' }));
    return { size: head.ContentLength ?? 0, ...(head.ChecksumSHA256 && !head.ChecksumSHA256.includes('-') ? { sha256Base64: head.ChecksumSHA256 } : {}) };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** The first bytes of the object (its signature). */
export async function readFirstBytes(store: FileStore, key: string, count: number): Promise<Uint8Array> {
  const out = await store.client.send(new GetObjectCommand({ Bucket: store.bucket, Key: key, Range: `bytes=0-${count - 1}` }));
  const bytes = await out.Body!.transformToByteArray();
  return bytes.subarray(0, count);
}

/** SHA-256 (hex) of the whole object, streamed (10 MB at most). */
export async function sha256OfObject(store: FileStore, key: string): Promise<string> {
  const out = await store.client.send(new GetObjectCommand({ Bucket: store.bucket, Key: key }));
  const hash = createHash('sha256');
  for await (const chunk of out.Body as Readable) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function copyObject(store: FileStore, from: string, to: string): Promise<void> {
  await store.client.send(new CopyObjectCommand({ Bucket: store.bucket, Key: to, CopySource: `${store.bucket}/${encodeURI(from)}` }));
}

/**
 * Deletes an object and every version of it (the bucket is versioned in AWS: a plain delete would only add a
 * delete marker). A store that cannot list versions (the local server has no versioning) gets a plain delete.
 */
export async function deleteAllVersions(store: FileStore, key: string): Promise<void> {
  let versions: { Key?: string; VersionId?: string }[];
  try {
    const listed = await store.client.send(new ListObjectVersionsCommand({ Bucket: store.bucket, Prefix: key }));
    versions = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])].filter((v) => v.Key === key);
  } catch (error) {
    if (!(error instanceof S3ServiceException) || ![405, 501].includes(error.$metadata.httpStatusCode ?? 0)) throw error;
    versions = [];
  }
  if (versions.length === 0) {
    await store.client.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: key }));
    return;
  }
  for (const v of versions) await store.client.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: key, VersionId: v.VersionId }));
}
