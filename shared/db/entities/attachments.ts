import { itemType } from '../entity';

/**
 * A document attached to a record (an application's criterion or dossier, a module deliverable, a stage
 * report, a thread message). Read by id on the table (confirm, download, delete: consistent reads); a
 * record's documents are one Query on gsi1 (by slot, then upload time); an uploader's on gsi2 (personal-data
 * export and erasure). A pending upload expires (TTL) unless confirmed.
 */
export const attachment = itemType({
  type: 'Attachment',
  pk: 'ATTACHMENT#{attachmentId}',
  sk: 'ATTACHMENT',
  indexes: {
    gsi1: { pk: 'ATTACHMENTS#{parentKey}', sk: '{slot}#{createdAt}#{attachmentId}' },
    gsi2: { pk: 'UPLOADER#{uploadedBy}#ATTACHMENTS', sk: '{createdAt}#{attachmentId}' },
  },
  personal: true,
  expires: true,
  description:
    "A document attached to a record: declared name, type, size, SHA-256, pending until its bytes are checked, then ready; a record's documents on gsi1, an uploader's on gsi2",
});

export const attachmentsItemTypes = [attachment] as const;
