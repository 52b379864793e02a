import { deflateSync } from 'node:zlib';
import { helveticaBoldWidths, helveticaWidths } from './standard-font-metrics';

/**
 * A minimal PDF 1.4 file writer for text-only pages in the two standard fonts Helvetica and Helvetica-Bold
 * (never embedded: every reader has them), replacing pdf-lib at run time (it tripled the document functions'
 * bundles). Strings are WinAnsi byte codes, which hold French accents, « », ’, –, … and €.
 */
export type StandardFontName = 'Helvetica' | 'Helvetica-Bold';

/** A standard font and its metrics; measures like pdf-lib's PDFFont, without kerning (Tj draws unkerned). */
export interface PdfFont {
  name: StandardFontName;
  widthOfTextAtSize(text: string, size: number): number;
}

/** WinAnsi's codes 0x80–0x9F (the rest is Latin-1); \u0081, \u008D, \u008F, \u0090 and \u009D are unassigned. */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const QUESTION_MARK = 0x3f;

/** The WinAnsi byte of each character; characters WinAnsi lacks become « ? » (winAnsi() has replaced them already). */
export function winAnsiCodes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const high = WIN_ANSI_HIGH.indexOf(char);
    if (high >= 0) return 0x80 + high;
    const code = char.charCodeAt(0);
    return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) ? code : QUESTION_MARK;
  });
}

function fontOf(name: StandardFontName, widths: readonly number[]): PdfFont {
  return {
    name,
    widthOfTextAtSize(text, size) {
      let total = 0;
      for (const code of winAnsiCodes(text)) total += widths[code - 32] ?? 0;
      return (total * size) / 1000;
    },
  };
}

export const helvetica = fontOf('Helvetica', helveticaWidths);
export const helveticaBold = fontOf('Helvetica-Bold', helveticaBoldWidths);

/** A line of text, its baseline's left end at (x, y) in points from the page's bottom-left corner. */
export interface PlacedText {
  text: string;
  font: StandardFontName;
  size: number;
  x: number;
  y: number;
  /** Fill gray, 0 black to 1 white. */
  gray: number;
}

export interface PdfFileContent {
  title: string;
  producer: string;
  pageSize: [number, number];
  pages: PlacedText[][];
}

const fontKey: Record<StandardFontName, string> = { Helvetica: 'F1', 'Helvetica-Bold': 'F2' };

/** Plain decimal notation, at most 2 decimals (PDF numbers have no exponent). */
const num = (n: number) => String(Math.round(n * 100) / 100 + 0);

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

/** A text string of the Info dictionary: literal if plain ASCII, else UTF-16BE with its byte-order mark. */
function textString(text: string): string {
  if (/^[\x20-\x7E]*$/.test(text)) return `(${text.replace(/[\\()]/g, '\\$&')})`;
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${hex(utf16)}>`;
}

function contentStream(texts: PlacedText[]): string {
  const ops: string[] = [];
  let gray: number | undefined;
  for (const t of texts) {
    if (!t.text) continue;
    if (t.gray !== gray) ops.push(`${num(t.gray)} g`);
    gray = t.gray;
    ops.push(`BT /${fontKey[t.font]} ${num(t.size)} Tf 1 0 0 1 ${num(t.x)} ${num(t.y)} Tm <${hex(winAnsiCodes(t.text))}> Tj ET`);
  }
  return ops.join('\n');
}

/** The file: catalog, page tree, fonts, Info, then each page and its deflated content stream; xref and trailer last. */
export function pdfFile(content: PdfFileContent): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  const object = (id: number, body: string | Buffer, dict?: string) => {
    offsets[id] = length;
    if (typeof body === 'string') return push(Buffer.from(`${id} 0 obj\n${body}\nendobj\n`, 'latin1'));
    push(Buffer.from(`${id} 0 obj\n<< ${dict} /Length ${body.length} >>\nstream\n`, 'latin1'));
    push(body);
    push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  };

  const firstPage = 6;
  const pageIds = content.pages.map((_, i) => firstPage + 2 * i);
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  object(4, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  object(5, `<< /Title ${textString(content.title)} /Producer ${textString(content.producer)} >>`);
  const [width, height] = content.pageSize;
  for (const [i, texts] of content.pages.entries()) {
    const id = pageIds[i]!;
    object(
      id,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(width)} ${num(height)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${id + 1} 0 R >>`,
    );
    object(id + 1, deflateSync(Buffer.from(contentStream(texts), 'latin1')), '/Filter /FlateDecode');
  }

  const xrefOffset = length;
  const size = offsets.length;
  const entries = Array.from({ length: size - 1 }, (_, i) => `${String(offsets[i + 1]).padStart(10, '0')} 00000 n \n`);
  push(Buffer.from(`xref\n0 ${size}\n0000000000 65535 f \n${entries.join('')}`, 'latin1'));
  push(Buffer.from(`trailer\n<< /Size ${size} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
