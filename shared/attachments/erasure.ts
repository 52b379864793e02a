import type { Principal } from '../access/principal';
import { commit } from '../db/transact';
import type { Deps } from '../runtime';
import { attachmentEntity } from './entities';
import { deleteAttachmentWrite, listAttachmentsOfUploader } from './repository';
import { deleteAllVersions, runtimeFileStore } from './storage';

/** The index partition of a person's uploads (the personal-data export reads it as stored). */
export const uploaderAttachmentsPartition = (userId: string): string => attachmentEntity.partition('gsi2', { uploadedBy: userId });

/**
 * Personal-data erasure of a user: the documents they uploaded may hold anything about them and cannot be
 * scrubbed, so each goes (every version of its object, then its item with an audit entry). Returns how many.
 */
export async function eraseDocumentsOf(deps: Deps, actor: Principal, userId: string): Promise<number> {
  const documents = await listAttachmentsOfUploader(deps.db, userId);
  const store = runtimeFileStore();
  for (const document of documents) {
    await deleteAllVersions(store, document.objectKey);
    await commit(deps.db, actor, [deleteAttachmentWrite(deps.db, document)], [
      { action: 'attachment.erased', entityType: 'attachment', entityId: document.attachmentId, changes: { parentKey: document.parentKey, slot: document.slot } },
    ], deps.now());
  }
  return documents.length;
}
