import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { config } from '../config';
import type { Page } from '../db/pagination';
import { commit } from '../db/transact';
import { DomainError, conflict, notFound, unprocessable, type ErrorCode } from '../errors';
import { newId } from '../ids';
import { logger } from '../logger';
import type { Deps } from '../runtime';
import { resolveParent } from './parents';
import { createPendingWrite, deleteAttachmentWrite, getAttachment, listAttachmentsOfParent, markReadyWrite } from './repository';
import {
  acceptedTypeOf,
  bytesMatchType,
  documentObjectKey,
  extensionMatchesType,
  maxAttachmentBytes,
  pendingLifetimeSeconds,
  pendingObjectKey,
  safeFileName,
  sha256Base64ToHex,
  sniffBytes,
  type AcceptedContentType,
} from './rules';
import {
  parentFrom,
  parentKeyOf,
  slotOf,
  toAttachmentView,
  type Attachment,
  type AttachmentParent,
  type AttachmentView,
  type DownloadLink,
  type listAttachmentsQuery,
  type startUploadBody,
  type UploadTicket,
} from './schemas';
import { copyObject, deleteAllVersions, headObject, presignGet, presignPut, readFirstBytes, runtimeFileStore, sha256OfObject, type FileStore } from './storage';

/**
 * Documents: a pending attachment and a short-lived presigned PUT; after the upload, the server checks the
 * stored bytes (size, signature, SHA-256) before the document counts; downloads through a short-lived
 * presigned GET. Access follows the parent record (shared/attachments/parents.ts).
 */
const storeOf = (_deps: Deps): FileStore => runtimeFileStore();
const expiresAtOf = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

export type StartUploadInput = z.output<typeof startUploadBody>;

/** Checks what the client declares, before anything is stored: type, size, name. */
function assertAcceptable(input: Pick<StartUploadInput, 'contentType' | 'size' | 'fileName'>): void {
  if (!acceptedTypeOf(input.contentType)) {
    throw unprocessable('ATTACHMENT_TYPE_NOT_ACCEPTED', 'Accepted documents: PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, DOC, XLS', [
      { path: 'body.contentType', message: `${input.contentType} is not accepted` },
    ]);
  }
  if (input.size > maxAttachmentBytes) {
    throw new DomainError('ATTACHMENT_TOO_LARGE', 'Documents are limited to 10 MB', [{ path: 'body.size', message: `At most ${maxAttachmentBytes} bytes` }]);
  }
  if (!extensionMatchesType(input.fileName, input.contentType)) {
    throw unprocessable('ATTACHMENT_EXTENSION_MISMATCH', "The file name's extension does not match its declared type", [
      { path: 'body.fileName', message: `Expected ${acceptedTypeOf(input.contentType)!.extensions.join(' or ')}` },
    ]);
  }
}

/** A pending attachment on a parent the caller may change, and the URL to PUT its bytes to. */
export async function startUpload(deps: Deps, principal: Principal, input: StartUploadInput): Promise<UploadTicket> {
  assertAcceptable(input);
  const parent = parentFrom(input);
  const resolved = await resolveParent(deps, principal, parent, 'write');
  const now = deps.now();
  const attachmentId = newId('attachment');
  const attachment: Attachment = {
    attachmentId,
    parent,
    parentKey: parentKeyOf(parent),
    slot: slotOf(parent),
    structureId: resolved.structureId,
    fileName: safeFileName(input.fileName),
    contentType: input.contentType as AcceptedContentType,
    size: input.size,
    sha256: input.sha256,
    status: 'pending',
    objectKey: pendingObjectKey(attachmentId),
    uploadedBy: principal.userId,
    createdAt: now.toISOString(),
    confirmedAt: null,
  };
  const expiresAt = Math.floor(now.getTime() / 1000) + pendingLifetimeSeconds;
  await commit(deps.db, principal, [createPendingWrite(deps.db, attachment, expiresAt)], [
    { action: 'attachment.upload-started', entityType: 'attachment', entityId: attachmentId, changes: { parentKey: attachment.parentKey, slot: attachment.slot, contentType: attachment.contentType, size: attachment.size } },
  ], now);
  const seconds = config.presignedUrlSeconds;
  const put = await presignPut(storeOf(deps), attachment.objectKey, attachment, seconds);
  return { attachment: toAttachmentView(attachment), upload: { method: 'PUT', url: put.url, headers: put.headers, expiresAt: expiresAtOf(now, seconds) } };
}

async function loadForWrite(deps: Deps, principal: Principal, attachmentId: string): Promise<Attachment> {
  const attachment = await getAttachment(deps.db, attachmentId);
  if (!attachment) throw notFound('Document');
  await resolveParent(deps, principal, attachment.parent, 'write');
  return attachment;
}

/** Refuses the upload: its object (every version) and its item go, then the caller gets the reason. */
async function refuse(deps: Deps, principal: Principal, attachment: Attachment, error: DomainError): Promise<never> {
  await deleteAllVersions(storeOf(deps), attachment.objectKey);
  await commit(deps.db, principal, [deleteAttachmentWrite(deps.db, attachment)], [
    { action: 'attachment.refused', entityType: 'attachment', entityId: attachment.attachmentId, changes: { reason: error.code } },
  ], deps.now());
  throw error;
}

const refusal = (code: Extract<ErrorCode, `ATTACHMENT_${string}`>, message: string) => new DomainError(code, message);

/**
 * After the upload: the stored object must have the declared size (10 MB at most), start with its type's
 * signature and hash to the declared SHA-256. Only then is it moved out of `pending/` and marked ready.
 */
export async function confirmUpload(deps: Deps, principal: Principal, attachmentId: string): Promise<AttachmentView> {
  const attachment = await loadForWrite(deps, principal, attachmentId);
  if (attachment.status === 'ready') return toAttachmentView(attachment);
  if (attachment.uploadedBy !== principal.userId) throw notFound('Document');
  const store = storeOf(deps);
  const head = await headObject(store, attachment.objectKey);
  if (!head) throw conflict('ATTACHMENT_NOT_UPLOADED', 'No file was uploaded for this document yet (or its upload expired)');
  if (head.size > maxAttachmentBytes) return refuse(deps, principal, attachment, refusal('ATTACHMENT_TOO_LARGE', 'Documents are limited to 10 MB'));
  if (head.size !== attachment.size) {
    return refuse(deps, principal, attachment, refusal('ATTACHMENT_SIZE_MISMATCH', `The uploaded file has ${head.size} bytes, not the ${attachment.size} declared; it was removed`));
  }
  if (!bytesMatchType(await readFirstBytes(store, attachment.objectKey, sniffBytes), attachment.contentType)) {
    return refuse(deps, principal, attachment, refusal('ATTACHMENT_TYPE_MISMATCH', `The file's content is not ${attachment.contentType}; it was removed`));
  }
  // S3 keeps the SHA-256 the upload was checked against; a store without it (the local server) gets it recomputed
  const sha256 = head.sha256Base64 ? sha256Base64ToHex(head.sha256Base64) : await sha256OfObject(store, attachment.objectKey);
  if (sha256 !== attachment.sha256) {
    return refuse(deps, principal, attachment, refusal('ATTACHMENT_CHECKSUM_MISMATCH', "The file's SHA-256 is not the one declared; it was removed"));
  }
  const now = deps.now();
  const ready: Attachment = { ...attachment, status: 'ready', objectKey: documentObjectKey(attachmentId), confirmedAt: now.toISOString() };
  await copyObject(store, attachment.objectKey, ready.objectKey);
  try {
    await commit(deps.db, principal, [markReadyWrite(deps.db, ready)], [
      { action: 'attachment.confirmed', entityType: 'attachment', entityId: attachmentId, changes: { parentKey: ready.parentKey, slot: ready.slot, size: ready.size, sha256: ready.sha256 } },
    ], now);
  } catch (error) {
    await deleteAllVersions(store, ready.objectKey);
    throw error;
  }
  await deleteAllVersions(store, attachment.objectKey);
  return toAttachmentView(ready);
}

/** A short-lived link to a checked document, for whoever may read its record. */
export async function downloadLink(deps: Deps, principal: Principal, attachmentId: string): Promise<DownloadLink> {
  const attachment = await getAttachment(deps.db, attachmentId);
  if (attachment?.status !== 'ready') throw notFound('Document');
  await resolveParent(deps, principal, attachment.parent, 'read');
  const seconds = config.presignedUrlSeconds;
  const url = await presignGet(storeOf(deps), attachment.objectKey, attachment, seconds);
  return { url, expiresAt: expiresAtOf(deps.now(), seconds), fileName: attachment.fileName, contentType: attachment.contentType, size: attachment.size };
}

/** Removes a document while its record can still change: the item with its audit entry, then every version of the object. */
export async function deleteAttachment(deps: Deps, principal: Principal, attachmentId: string): Promise<void> {
  const attachment = await loadForWrite(deps, principal, attachmentId);
  await commit(deps.db, principal, [deleteAttachmentWrite(deps.db, attachment)], [
    { action: 'attachment.deleted', entityType: 'attachment', entityId: attachmentId, changes: { parentKey: attachment.parentKey, slot: attachment.slot, fileName: attachment.fileName } },
  ], deps.now());
  try {
    await deleteAllVersions(storeOf(deps), attachment.objectKey);
  } catch (error) {
    // the item is gone, so nobody can reach the object any more; the next erasure or a bucket sweep removes it
    logger.error('Document object not deleted', { attachmentId, error: error instanceof Error ? error.message : String(error) });
  }
}

/** A record's checked documents (an application's: all, or one criterion's), for whoever may read the record. */
export async function listAttachments(deps: Deps, principal: Principal, query: z.output<typeof listAttachmentsQuery>): Promise<Page<AttachmentView>> {
  const parent: AttachmentParent = parentFrom(query);
  await resolveParent(deps, principal, parent, 'read');
  const everyPiece = parent.kind === 'application' && query.criterionId === undefined && query.pieces === 'all';
  const slot = everyPiece ? undefined : slotOf(parent);
  const page = await listAttachmentsOfParent(deps.db, parentKeyOf(parent), slot, { limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(toAttachmentView), nextCursor: page.nextCursor };
}
