import { createHash } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createS3Client } from '../../shared/attachments/storage';
import type { TestApi } from './api';

/** Test files of each accepted kind, built byte by byte (their signatures are what the server checks). */
export const sampleFiles = {
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 1)]),
};

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface UploadOptions {
  fileName?: string;
  contentType?: string;
  /** What the client declares (defaults: the bytes' real size and hash). */
  declaredSize?: number;
  declaredSha256?: string;
}

/** Declares a document, PUTs its bytes to the presigned URL as a browser would; does not confirm. */
export async function startAndPut(api: TestApi, as: string, parent: Record<string, string>, bytes: Buffer, o: UploadOptions = {}) {
  const started = await api.call('POST', '/attachments', {
    as,
    body: {
      ...parent,
      fileName: o.fileName ?? 'piece.pdf',
      contentType: o.contentType ?? 'application/pdf',
      size: o.declaredSize ?? bytes.length,
      sha256: o.declaredSha256 ?? sha256Hex(bytes),
    },
  });
  if (started.status !== 201) return { started, put: undefined };
  const { url, headers } = started.body.upload as { url: string; headers: Record<string, string> };
  const put = await fetch(url, { method: 'PUT', headers, body: bytes });
  return { started, put };
}

/** Declares, uploads and confirms a document; returns the confirm answer. */
export async function uploadDocument(api: TestApi, as: string, parent: Record<string, string>, bytes: Buffer, o: UploadOptions = {}) {
  const { started, put } = await startAndPut(api, as, parent, bytes, o);
  if (!put) throw new Error(`Upload refused: ${started.status} ${started.text}`);
  if (!put.ok) throw new Error(`PUT to the presigned URL answered ${put.status} ${await put.text()}`);
  return api.call('POST', `/attachments/${started.body.attachment.attachmentId}/confirm`, { as });
}

/** Every object key in the test's bucket (to prove nothing is left behind). */
export async function bucketKeys(api: TestApi): Promise<string[]> {
  const client = createS3Client(api.product.s3.endpoint, 'eu-west-3');
  const out = await client.send(new ListObjectsV2Command({ Bucket: api.product.bucketName }));
  client.destroy();
  return (out.Contents ?? []).map((o) => o.Key!);
}
