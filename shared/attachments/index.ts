/**
 * Documents attached to records, for other modules to reuse. A new kind of parent (e.g. thread messages,
 * kind `threadMessage`) needs: its ids in `parentSchema` (schemas.ts) and its access rule in `parents.ts`
 * (who reads, who writes, while the record can change). The five routes of `attachmentsApi` then serve it;
 * a module listing a record's documents server-side calls `listReadyAttachmentsOfParent(db, parentKeyOf(parent))`.
 */
export { attachmentsApi } from './api';
export { resolveParent, type ParentResolver, type ResolvedParent } from './parents';
export { listReadyAttachmentsOfParent, listAttachmentsOfUploader } from './repository';
export { acceptedTypes, maxAttachmentBytes } from './rules';
export { parentKeyOf, parentSchema, type Attachment, type AttachmentParent, type AttachmentView, type DownloadLink, type UploadTicket } from './schemas';
export { confirmUpload, deleteAttachment, downloadLink, listAttachments, startUpload } from './use-cases';
