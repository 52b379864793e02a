import { describe, expect, it } from 'vitest';
import { acceptedTypes, bytesMatchType, extensionMatchesType, safeFileName, sha256Base64ToHex, sha256HexToBase64 } from '../../shared/attachments/rules';
import { parentKeyOf, slotOf, startUploadBody } from '../../shared/attachments/schemas';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const zipHeader = [0x50, 0x4b, 0x03, 0x04];
const odf = (type: string) => bytes(zipHeader, new Array(26).fill(0), 'mimetype', type);

const samples: Record<string, Uint8Array> = {
  'application/pdf': bytes('%PDF-1.7\n'),
  'image/png': bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
  'image/jpeg': bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': bytes(zipHeader, new Array(26).fill(0), '[Content_Types].xml'),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': bytes(zipHeader, new Array(26).fill(0), 'xl/workbook.xml'),
  'application/vnd.oasis.opendocument.text': odf('application/vnd.oasis.opendocument.text'),
  'application/vnd.oasis.opendocument.spreadsheet': odf('application/vnd.oasis.opendocument.spreadsheet'),
  'application/msword': bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
  'application/vnd.ms-excel': bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
};

const family = (type: string) => acceptedTypes.find((t) => t.contentType === type)!.family;

describe('the signature of each accepted type', () => {
  for (const { contentType } of acceptedTypes) {
    it(`${contentType}: its own bytes match; another family's do not`, () => {
      expect(bytesMatchType(samples[contentType]!, contentType)).toBe(true);
      for (const [other, sample] of Object.entries(samples)) {
        if (family(other) !== family(contentType)) expect(bytesMatchType(sample, contentType), other).toBe(false);
      }
    });
  }

  it('an OpenDocument text is not a spreadsheet, nor a DOCX', () => {
    const text = samples['application/vnd.oasis.opendocument.text']!;
    expect(bytesMatchType(text, 'application/vnd.oasis.opendocument.spreadsheet')).toBe(false);
    expect(bytesMatchType(text, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(false);
  });

  it('refuses empty or truncated bytes, and types it does not accept', () => {
    expect(bytesMatchType(new Uint8Array(), 'application/pdf')).toBe(false);
    expect(bytesMatchType(bytes('%PD'), 'application/pdf')).toBe(false);
    expect(bytesMatchType(bytes('GIF89a'), 'image/gif')).toBe(false);
    expect(bytesMatchType(bytes('MZ'), 'application/x-msdownload')).toBe(false);
  });
});

describe('names and checksums', () => {
  it("a name's extension must be its type's, whatever the case", () => {
    expect(extensionMatchesType('Comptes 2024.PDF', 'application/pdf')).toBe(true);
    expect(extensionMatchesType('photo.jpeg', 'image/jpeg')).toBe(true);
    expect(extensionMatchesType('photo.jpg', 'image/jpeg')).toBe(true);
    expect(extensionMatchesType('virus.exe', 'application/pdf')).toBe(false);
    expect(extensionMatchesType('tableau.xlsx', 'application/vnd.ms-excel')).toBe(false);
  });

  it('a safe file name keeps accents, loses paths, quotes and control characters', () => {
    expect(safeFileName('Décision du CA « 2024 ».pdf')).toBe('Décision du CA « 2024 ».pdf');
    expect(safeFileName('C:\\Users\\nadia\\bilan.pdf')).toBe('bilan.pdf');
    expect(safeFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(safeFileName('a"b\nc.pdf')).toBe('a_b_c.pdf');
  });

  it('SHA-256 hex and base64 convert both ways', () => {
    const hex = 'a'.repeat(64);
    expect(sha256Base64ToHex(sha256HexToBase64(hex))).toBe(hex);
  });
});

describe('parents', () => {
  it("a record's documents share one partition; an application's are narrowed by criterion or dossier", () => {
    const evidence = { kind: 'application', applicationId: 'app_abc', criterionId: 'A1.2' } as const;
    expect(parentKeyOf(evidence)).toBe(parentKeyOf({ ...evidence, criterionId: null }));
    expect(slotOf(evidence)).toBe('A1.2');
    expect(slotOf({ ...evidence, criterionId: null })).toBe('dossier');
    expect(parentKeyOf({ kind: 'deliverable', essaimeId: 'ess_abc', moduleId: 'mod_abc' })).not.toBe(parentKeyOf({ kind: 'report', stageId: 'stg_abc', essaimeId: 'ess_abc' }));
  });

  it('an upload names exactly the ids of its parent kind', () => {
    const file = { fileName: 'a.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) };
    expect(startUploadBody.safeParse({ kind: 'deliverable', essaimeId: 'ess_abc', moduleId: 'mod_abc', ...file }).success).toBe(true);
    const missing = startUploadBody.safeParse({ kind: 'deliverable', essaimeId: 'ess_abc', ...file });
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['moduleId']);
    const foreign = startUploadBody.safeParse({ kind: 'report', stageId: 'stg_abc', essaimeId: 'ess_abc', applicationId: 'app_abc', ...file });
    expect(foreign.error?.issues.map((i) => i.path.join('.'))).toEqual(['applicationId']);
  });
});
