/**
 * What a document may be, and how its first bytes prove it. Pure: the upload use cases and the web's
 * upload field both read this table (type and size are checked in the browser before any upload, and
 * again by the server on the stored bytes).
 */

/** 10 MB: the largest document accepted. */
export const maxAttachmentBytes = 10 * 1024 * 1024;

export const fileFamilies = ['pdf', 'png', 'jpeg', 'ooxml', 'odf', 'ole'] as const;
export type FileFamily = (typeof fileFamilies)[number];

export interface AcceptedType {
  contentType: string;
  extensions: readonly string[];
  family: FileFamily;
  /** French label for screens. */
  label: string;
}

export const acceptedTypes = [
  { contentType: 'application/pdf', extensions: ['.pdf'], family: 'pdf', label: 'PDF' },
  { contentType: 'image/png', extensions: ['.png'], family: 'png', label: 'image PNG' },
  { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], family: 'jpeg', label: 'image JPEG' },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    family: 'ooxml',
    label: 'document Word',
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    family: 'ooxml',
    label: 'classeur Excel',
  },
  { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'], family: 'odf', label: 'texte OpenDocument' },
  { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['.ods'], family: 'odf', label: 'classeur OpenDocument' },
  { contentType: 'application/msword', extensions: ['.doc'], family: 'ole', label: 'document Word 97-2003' },
  { contentType: 'application/vnd.ms-excel', extensions: ['.xls'], family: 'ole', label: 'classeur Excel 97-2003' },
] as const satisfies readonly AcceptedType[];

export type AcceptedContentType = (typeof acceptedTypes)[number]['contentType'];
export const acceptedContentTypes = acceptedTypes.map((t) => t.contentType) as [AcceptedContentType, ...AcceptedContentType[]];

export const acceptedTypeOf = (contentType: string): AcceptedType | undefined => acceptedTypes.find((t) => t.contentType === contentType);

/** How many first bytes the server reads to recognise a file (ODF names its type in its first entry). */
export const sniffBytes = 128;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const zipLocalHeader = [0x50, 0x4b, 0x03, 0x04];

/**
 * An OpenDocument file is a ZIP whose first entry, stored uncompressed, is `mimetype` holding its type
 * (ODF 1.2 §3.3): the name is at offset 30 and the type right after it.
 */
function odfTypeOf(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, zipLocalHeader) || !startsWith(bytes, ascii('mimetype'), 30)) return undefined;
  return new TextDecoder('latin1').decode(bytes.subarray(38, Math.min(bytes.length, 38 + 80))).match(/^application\/[a-z.-]+/)?.[0];
}

/** Whether the first bytes of a file are those of the declared type (an office document's ZIP or OLE container). */
export function bytesMatchType(first: Uint8Array, contentType: string): boolean {
  const type = acceptedTypeOf(contentType);
  if (!type) return false;
  switch (type.family) {
    case 'pdf':
      return startsWith(first, ascii('%PDF-'));
    case 'png':
      return startsWith(first, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(first, [0xff, 0xd8, 0xff]);
    case 'odf':
      return odfTypeOf(first) === contentType;
    case 'ooxml':
      // a ZIP, but not an OpenDocument one
      return startsWith(first, zipLocalHeader) && odfTypeOf(first) === undefined;
    case 'ole':
      return startsWith(first, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  }
}

/** The declared name's extension must be one of its declared type's (so the downloaded file opens as it should). */
export function extensionMatchesType(fileName: string, contentType: string): boolean {
  const lower = fileName.toLowerCase();
  return acceptedTypeOf(contentType)?.extensions.some((ext) => lower.endsWith(ext)) ?? false;
}

/** SHA-256 as lowercase hex (API) ⇄ base64 (S3's x-amz-checksum-sha256). */
export const sha256HexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
export const sha256Base64ToHex = (b64: string) => Buffer.from(b64, 'base64').toString('hex');

/** Object keys: uploads land under `pending/` (expired by the bucket's lifecycle), checked documents under `documents/`. */
export const pendingPrefix = 'pending/';
export const documentsPrefix = 'documents/';
export const pendingObjectKey = (attachmentId: string) => `${pendingPrefix}${attachmentId}`;
export const documentObjectKey = (attachmentId: string) => `${documentsPrefix}${attachmentId}`;

/** A pending upload not confirmed within a day is forgotten (item TTL; the bucket's lifecycle removes its object). */
export const pendingLifetimeSeconds = 24 * 3600;

/** A file name safe in a Content-Disposition header: no path, no quotes or control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const printable = [...base].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '"' ? '_' : c)).join('');
  return printable.trim() || 'document';
}
