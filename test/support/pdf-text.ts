import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, type PDFFont, PDFName, PDFRawStream, PDFRef, type StandardFonts } from 'pdf-lib';

/**
 * The text drawn on a PDF's pages: inflates each content stream and decodes its hex-string text operators
 * (shared/documents/pdf-file.ts writes standard-font text as `<hex> Tj` in WinAnsi: Latin-1 for French letters
 * and « », its own codes for “ ” ’ – … €).
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const m of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(decodeWinAnsi(Buffer.from(m[1]!, 'hex')));
    }
  }
  return lines.join('\n');
}

/**
 * The text a PDF draws, run by run: each with its page, position, size, font and width (the font's metrics), so
 * tests can check that text stays in its column and keeps « » and ’. Reads the standard-font PDFs that
 * shared/documents/pdf.ts writes (BT … Tf … Tm <hex> Tj ET).
 */
export interface TextRun {
  page: number;
  x: number;
  y: number;
  size: number;
  font: string;
  text: string;
  width: number;
}

/** WinAnsi's codes 0x80–0x9F (the rest is Latin-1). */
const winAnsiHigh = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const decodeWinAnsi = (codes: Uint8Array) => Array.from(codes, (c) => (c >= 0x80 && c <= 0x9f ? winAnsiHigh[c - 0x80]! : String.fromCharCode(c))).join('');

function streamsOf(doc: PDFDocument, contents: unknown): PDFRawStream[] {
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  if (resolved instanceof PDFRawStream) return [resolved];
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((item) => streamsOf(doc, item));
  return [];
}

export async function pdfTextRuns(bytes: Uint8Array): Promise<{ pageWidth: number; runs: TextRun[] }> {
  const doc = await PDFDocument.load(bytes);
  const metrics = await PDFDocument.create();
  const fonts = new Map<string, PDFFont>();
  const fontFor = async (baseFont: string) => {
    if (!fonts.has(baseFont)) fonts.set(baseFont, await metrics.embedFont(baseFont as StandardFonts));
    return fonts.get(baseFont)!;
  };
  const runs: TextRun[] = [];
  let pageWidth = 0;
  for (const [index, page] of doc.getPages().entries()) {
    pageWidth = page.getWidth();
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    const baseFonts = new Map<string, string>();
    for (const [key, ref] of fontDict?.entries() ?? []) {
      const font = doc.context.lookup(ref, PDFDict);
      baseFonts.set(key.asString().slice(1), font.lookup(PDFName.of('BaseFont'), PDFName).asString().slice(1));
    }
    const content = streamsOf(doc, page.node.get(PDFName.of('Contents')))
      .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1'))
      .join('\n');
    for (const block of content.matchAll(/BT([\s\S]*?)ET/g)) {
      const body = block[1]!;
      const tf = /\/(\S+)\s+([\d.]+)\s+Tf/.exec(body);
      const tm = /([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+Tm/.exec(body);
      const tj = /<([0-9A-Fa-f]*)>\s*Tj/.exec(body);
      if (!tf || !tm || !tj) continue;
      const codes = Uint8Array.from(tj[1]!.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
      const text = decodeWinAnsi(codes);
      const font = baseFonts.get(tf[1]!) ?? 'Helvetica';
      const size = Number(tf[2]);
      runs.push({ page: index, x: Number(tm[5]), y: Number(tm[6]), size, font, text, width: (await fontFor(font)).widthOfTextAtSize(text, size) });
    }
  }
  return { pageWidth, runs };
}

/** Pairs of runs on the same line of the same page whose boxes overlap horizontally. */
export function overlappingRuns(runs: TextRun[]): [TextRun, TextRun][] {
  const out: [TextRun, TextRun][] = [];
  for (const [i, a] of runs.entries()) {
    for (const b of runs.slice(i + 1)) {
      if (a.page !== b.page || Math.abs(a.y - b.y) >= Math.min(a.size, b.size) * 0.8) continue;
      if (a.x < b.x + b.width - 0.01 && b.x < a.x + a.width - 0.01) out.push([a, b]);
    }
  }
  return out;
}
