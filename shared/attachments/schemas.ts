import * as z from 'zod/mini';
import type { $RefinementCtx } from 'zod/v4/core';
import { criterionIdSchema } from '../calls/schemas';
import { idSchema } from '../ids';
import { acceptedContentTypes, maxAttachmentBytes } from './rules';

/**
 * What a document is attached to. Each kind names its record by the ids its own routes use; `threadMessage`
 * is the slot for the message threads (their module resolves who may read and write, shared/attachments/parents.ts).
 */
export const parentKinds = ['application', 'deliverable', 'report', 'threadMessage'] as const;
export const parentKindSchema = z.enum(parentKinds);
export type ParentKind = z.infer<typeof parentKindSchema>;

const genericIdSchema = z.string().check(z.regex(/^[a-z]{2,5}_[A-Za-z0-9-]{3,64}$/, 'Not an id'));

export const parentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('application'),
    applicationId: idSchema('application'),
    /** The criterion the document is evidence for; null for the dossier's own pieces. */
    criterionId: z.nullable(criterionIdSchema),
  }),
  z.object({ kind: z.literal('deliverable'), essaimeId: idSchema('essaime'), moduleId: idSchema('module') }),
  z.object({ kind: z.literal('report'), stageId: idSchema('stage'), essaimeId: idSchema('essaime') }),
  z.object({ kind: z.literal('threadMessage'), threadId: genericIdSchema, messageId: genericIdSchema }),
]);
export type AttachmentParent = z.infer<typeof parentSchema>;

/** The parent's partition in the attachments index: one Query lists a record's documents. */
export function parentKeyOf(parent: AttachmentParent): string {
  switch (parent.kind) {
    case 'application':
      return `application#${parent.applicationId}`;
    case 'deliverable':
      return `deliverable#${parent.essaimeId}#${parent.moduleId}`;
    case 'report':
      return `report#${parent.stageId}#${parent.essaimeId}`;
    case 'threadMessage':
      return `threadMessage#${parent.threadId}#${parent.messageId}`;
  }
}

/** Narrows a parent's list: an application's criterion, or its dossier pieces. */
export const slotOf = (parent: AttachmentParent): string =>
  parent.kind === 'application' ? (parent.criterionId ?? 'dossier') : 'main';

export const attachmentStatusSchema = z.enum(['pending', 'ready']);

const sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'A SHA-256 checksum in lowercase hexadecimal (64 characters)'));

/** The attachment as stored. */
export const attachmentSchema = z.object({
  attachmentId: idSchema('attachment'),
  parent: parentSchema,
  parentKey: z.string(),
  slot: z.string(),
  /** The structure whose record it is (personal-data export and erasure, access). */
  structureId: z.nullable(z.string()),
  fileName: z.string(),
  contentType: z.enum(acceptedContentTypes),
  size: z.int(),
  sha256: z.string(),
  status: attachmentStatusSchema,
  objectKey: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
  confirmedAt: z.nullable(z.string()),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Where a list or an upload points: the parent kind and its ids, flat (a query string can carry them). */
const parentFields = {
  kind: parentKindSchema,
  applicationId: z.optional(idSchema('application')),
  criterionId: z.optional(criterionIdSchema).check(z.describe('application: the criterion needing evidence; absent for the dossier pieces')),
  essaimeId: z.optional(idSchema('essaime')),
  moduleId: z.optional(idSchema('module')),
  stageId: z.optional(idSchema('stage')),
  threadId: z.optional(genericIdSchema),
  messageId: z.optional(genericIdSchema),
};

const neededIds: Record<ParentKind, readonly (keyof typeof parentFields)[]> = {
  application: ['applicationId'],
  deliverable: ['essaimeId', 'moduleId'],
  report: ['stageId', 'essaimeId'],
  threadMessage: ['threadId', 'messageId'],
};

type ParentFields = { kind: ParentKind } & Partial<Record<Exclude<keyof typeof parentFields, 'kind'>, string>>;

function checkParentFields(value: ParentFields, ctx: $RefinementCtx, prefix: string) {
  const needed = neededIds[value.kind];
  const allowed = new Set<string>(['kind', ...needed, ...(value.kind === 'application' ? ['criterionId'] : [])]);
  for (const name of needed) if (!value[name]) ctx.addIssue({ code: 'custom', path: [name], message: `Required for a ${value.kind} (${prefix})` });
  for (const [name, v] of Object.entries(value)) {
    if (v !== undefined && !allowed.has(name) && name in parentFields) ctx.addIssue({ code: 'custom', path: [name], message: `Not part of a ${value.kind}` });
  }
}

/** The parent named by flat fields (already checked by the schemas below). */
export function parentFrom(value: ParentFields): AttachmentParent {
  switch (value.kind) {
    case 'application':
      return { kind: 'application', applicationId: value.applicationId!, criterionId: value.criterionId ?? null };
    case 'deliverable':
      return { kind: 'deliverable', essaimeId: value.essaimeId!, moduleId: value.moduleId! };
    case 'report':
      return { kind: 'report', stageId: value.stageId!, essaimeId: value.essaimeId! };
    case 'threadMessage':
      return { kind: 'threadMessage', threadId: value.threadId!, messageId: value.messageId! };
  }
}

export const startUploadBody = z.strictObject({
    ...parentFields,
    fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.describe("The file's name, with its extension")),
    contentType: z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.describe(`Its MIME type, one of: ${acceptedContentTypes.join(', ')}`)),
    size: z.int().check(z.gte(1), z.describe(`Bytes (${maxAttachmentBytes} at most)`)),
    sha256: sha256Schema.check(z.describe("SHA-256 of the file's bytes, checked after upload")),
  }).check(z.superRefine((value, ctx) => checkParentFields(value, ctx, 'body')));

export const listAttachmentsQuery = z.strictObject({
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))).check(z.describe('The nextCursor of the previous page of the same list')),
    ...parentFields,
    pieces: z._default(z.enum(['all', 'dossier']), 'all').check(z.describe("application without criterionId: every document, or only the dossier's own pieces")),
  }).check(z.superRefine((value, ctx) => checkParentFields(value, ctx, 'query')));

export const attachmentParams = z.strictObject({ attachmentId: idSchema('attachment') });

/** An attachment as answered: no storage details. */
export const attachmentViewSchema = z.pick(attachmentSchema, {
  attachmentId: true,
  parent: true,
  fileName: true,
  contentType: true,
  size: true,
  sha256: true,
  status: true,
  uploadedBy: true,
  createdAt: true,
  confirmedAt: true,
});
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

export const uploadTicketSchema = z.object({
  attachment: attachmentViewSchema,
  upload: z.object({
    method: z.literal('PUT'),
    url: z.string(),
    headers: z.record(z.string(), z.string()).check(z.describe('Send exactly these headers with the bytes')),
    expiresAt: z.string(),
  }),
});
export type UploadTicket = z.infer<typeof uploadTicketSchema>;

export const downloadLinkSchema = z.object({
  url: z.string(),
  expiresAt: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
});
export type DownloadLink = z.infer<typeof downloadLinkSchema>;

export const toAttachmentView = (a: Attachment): AttachmentView => ({
  attachmentId: a.attachmentId,
  parent: a.parent,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  status: a.status,
  uploadedBy: a.uploadedBy,
  createdAt: a.createdAt,
  confirmedAt: a.confirmedAt,
});
