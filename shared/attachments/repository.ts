import type { Db } from '../db/client';
import type { Page, PageQuery } from '../db/pagination';
import { deleteOne, getOne, putItem, putNew, queryAllOf, queryFilteredPageOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict, notFound } from '../errors';
import { attachmentEntity } from './entities';
import type { Attachment } from './schemas';

export function getAttachment(db: Db, attachmentId: string): Promise<Attachment | undefined> {
  return getOne(db, attachmentEntity, { attachmentId }, true);
}

/** A new pending attachment, forgotten at `expiresAt` (epoch seconds) unless confirmed. */
export function createPendingWrite(db: Db, attachment: Attachment, expiresAt: number): Write {
  return putNew(db, attachmentEntity, attachment, undefined, { expiresAt });
}

/** Pending → ready: the whole item again, without its expiry, only if it is still the pending one read. */
export function markReadyWrite(db: Db, ready: Attachment): Write {
  return putItem(db, attachmentEntity, ready, {
    expression: 'attribute_exists(pk) AND #status = :pending',
    names: { '#status': 'status' },
    values: { ':pending': 'pending' },
    onFailed: conflict('CONFLICT', 'The document changed meanwhile; reload and retry'),
  });
}

export function deleteAttachmentWrite(db: Db, attachment: Attachment): Write {
  return deleteOne(db, attachmentEntity, { attachmentId: attachment.attachmentId }, {
    expression: 'attribute_exists(pk)',
    onFailed: notFound('Document'),
  });
}

const readyOnly = { FilterExpression: '#status = :ready', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':ready': 'ready' } };

/** A record's checked documents (optionally one slot: an application's criterion or its dossier), oldest first. */
export function listAttachmentsOfParent(db: Db, parentKey: string, slot: string | undefined, page: PageQuery): Promise<Page<Attachment>> {
  return queryFilteredPageOf(db, attachmentEntity, {
    index: 'gsi1',
    pk: attachmentEntity.partition('gsi1', { parentKey }),
    ...(slot ? { skPrefix: `${slot}#` } : {}),
    filter: readyOnly,
  }, page);
}

/** Every checked document of a record (bounded: a record holds a handful), for exports and reports. */
export function listReadyAttachmentsOfParent(db: Db, parentKey: string): Promise<Attachment[]> {
  return queryAllOf(db, attachmentEntity, { index: 'gsi1', pk: attachmentEntity.partition('gsi1', { parentKey }), filter: readyOnly });
}

/** Every document a person uploaded (personal-data export and erasure). */
export function listAttachmentsOfUploader(db: Db, uploadedBy: string): Promise<Attachment[]> {
  return queryAllOf(db, attachmentEntity, { index: 'gsi2', pk: attachmentEntity.partition('gsi2', { uploadedBy }) });
}
