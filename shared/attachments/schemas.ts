import * as z from 'zod';
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

const genericIdSchema = z.string().regex(/^[a-z]{2,5}_[A-Za-z0-9-]{3,64}$/, 'Not an id');

export const parentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('application'),
    applicationId: idSchema('application'),
    /** The criterion the document is evidence for; null for the dossier's own pieces. */
    criterionId: criterionIdSchema.nullable(),
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

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 checksum in lowercase hexadecimal (64 characters)');

/** The attachment as stored. */
export const attachmentSchema = z.object({
  attachmentId: idSchema('attachment'),
  parent: parentSchema,
  parentKey: z.string(),
  slot: z.string(),
  /** The structure whose record it is (personal-data export and erasure, access). */
  structureId: z.string().nullable(),
  fileName: z.string(),
  contentType: z.enum(acceptedContentTypes),
  size: z.number().int(),
  sha256: z.string(),
  status: attachmentStatusSchema,
  objectKey: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Where a list or an upload points: the parent kind and its ids, flat (a query string can carry them). */
const parentFields = {
  kind: parentKindSchema,
  applicationId: idSchema('application').optional(),
  criterionId: criterionIdSchema.optional().describe('application: the criterion needing evidence; absent for the dossier pieces'),
  essaimeId: idSchema('essaime').optional(),
  moduleId: idSchema('module').optional(),
  stageId: idSchema('stage').optional(),
  threadId: genericIdSchema.optional(),
  messageId: genericIdSchema.optional(),
};

const neededIds: Record<ParentKind, readonly (keyof typeof parentFields)[]> = {
  application: ['applicationId'],
  deliverable: ['essaimeId', 'moduleId'],
  report: ['stageId', 'essaimeId'],
  threadMessage: ['threadId', 'messageId'],
};

type ParentFields = { kind: ParentKind } & Partial<Record<Exclude<keyof typeof parentFields, 'kind'>, string>>;

function checkParentFields(value: ParentFields, ctx: z.RefinementCtx, prefix: string) {
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

export const startUploadBody = z
  .object({
    ...parentFields,
    fileName: z.string().trim().min(1).max(200).describe("The file's name, with its extension"),
    contentType: z.string().trim().min(1).max(200).describe(`Its MIME type, one of: ${acceptedContentTypes.join(', ')}`),
    size: z.number().int().min(1).describe(`Bytes (${maxAttachmentBytes} at most)`),
    sha256: sha256Schema.describe("SHA-256 of the file's bytes, checked after upload"),
  })
  .strict()
  .superRefine((value, ctx) => checkParentFields(value, ctx, 'body'));

export const listAttachmentsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().min(1).max(2048).optional().describe('The nextCursor of the previous page of the same list'),
    ...parentFields,
    pieces: z.enum(['all', 'dossier']).default('all').describe("application without criterionId: every document, or only the dossier's own pieces"),
  })
  .strict()
  .superRefine((value, ctx) => checkParentFields(value, ctx, 'query'));

export const attachmentParams = z.object({ attachmentId: idSchema('attachment') }).strict();

/** An attachment as answered: no storage details. */
export const attachmentViewSchema = attachmentSchema.pick({
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
    headers: z.record(z.string(), z.string()).describe('Send exactly these headers with the bytes'),
    expiresAt: z.string(),
  }),
});
export type UploadTicket = z.infer<typeof uploadTicketSchema>;

export const downloadLinkSchema = z.object({
  url: z.string(),
  expiresAt: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
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
