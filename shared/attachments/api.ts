import { pageOf } from '../db/pagination';
import { defineRoute } from '../http/route';
import { parentErrorCodes } from './parents';
import { attachmentParams, attachmentViewSchema, downloadLinkSchema, listAttachmentsQuery, startUploadBody, uploadTicketSchema } from './schemas';

const TAG = 'attachments';
const parentErrors = [...parentErrorCodes];

/**
 * Documents attached to a record. The parent is named by `kind` and its ids: an application (with
 * `criterionId` for the evidence of a criterion, without for the dossier's pieces), a module deliverable
 * (`essaimeId`, `moduleId`), a stage report (`stageId`, `essaimeId`), a thread message (`threadId`, `messageId`).
 * Staff write only to their own thread messages; every other parent refuses staff writes (shared/attachments/parents.ts).
 */
export const attachmentsApi = {
  startUpload: defineRoute({
    operationId: 'startAttachmentUpload',
    method: 'POST',
    path: '/attachments',
    summary: 'Declare a document (name, type, size ≤ 10 MB, SHA-256) on a record you may change; answers a short-lived URL to PUT its bytes to',
    tag: TAG,
    access: ['staff', 'referent'],
    body: startUploadBody,
    response: { status: 201, description: 'The pending document and where to upload it', schema: uploadTicketSchema },
    errors: [...parentErrors, 'ATTACHMENT_TYPE_NOT_ACCEPTED', 'ATTACHMENT_TOO_LARGE', 'ATTACHMENT_EXTENSION_MISMATCH'],
  }),
  confirmUpload: defineRoute({
    operationId: 'confirmAttachmentUpload',
    method: 'POST',
    path: '/attachments/{attachmentId}/confirm',
    summary: 'After the upload: the stored bytes are checked (size, type from the first bytes, SHA-256); a mismatch removes the file',
    tag: TAG,
    access: ['staff', 'referent'],
    params: attachmentParams,
    response: { status: 200, description: 'The document, ready', schema: attachmentViewSchema },
    errors: [
      ...parentErrors,
      'ATTACHMENT_NOT_UPLOADED',
      'ATTACHMENT_TOO_LARGE',
      'ATTACHMENT_SIZE_MISMATCH',
      'ATTACHMENT_TYPE_MISMATCH',
      'ATTACHMENT_CHECKSUM_MISMATCH',
      'CONFLICT',
    ],
  }),
  list: defineRoute({
    operationId: 'listAttachments',
    method: 'GET',
    path: '/attachments',
    summary: "A record's checked documents (an application's: all, or one criterion's), for whoever may read the record",
    tag: TAG,
    access: ['staff', 'tutor', 'referent'],
    query: listAttachmentsQuery,
    response: { status: 200, description: 'A page of documents', schema: pageOf(attachmentViewSchema) },
    errors: [...parentErrors, 'INVALID_CURSOR'],
  }),
  download: defineRoute({
    operationId: 'getAttachmentDownload',
    method: 'GET',
    path: '/attachments/{attachmentId}/download',
    summary: 'A short-lived link to download a checked document, for whoever may read its record',
    tag: TAG,
    access: ['staff', 'tutor', 'referent'],
    params: attachmentParams,
    response: { status: 200, description: 'The link and what it downloads', schema: downloadLinkSchema },
    errors: [...parentErrors],
  }),
  delete: defineRoute({
    operationId: 'deleteAttachment',
    method: 'DELETE',
    path: '/attachments/{attachmentId}',
    summary: 'Remove a document while its record can still change (the file and all its versions)',
    tag: TAG,
    access: ['staff', 'referent'],
    params: attachmentParams,
    response: { status: 204, description: 'Removed' },
    errors: [...parentErrors],
  }),
};
