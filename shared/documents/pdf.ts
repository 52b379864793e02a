import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * Plain report PDFs (A4, headings, paragraphs, simple tables) with pdf-lib's standard fonts, which cover
 * French (WinAnsi holds the accents, « », ’ and –). Table cells wrap inside their column, long words included.
 */
export interface PdfSection {
  heading?: string;
  paragraphs?: string[];
  table?: { header: string[]; rows: string[][] };
}

export interface PdfReport {
  title: string;
  subtitle?: string;
  sections: PdfSection[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

/** What WinAnsi (the standard fonts' encoding) holds beyond Latin-1: typographic quotes, dashes, ellipsis, Œ, €… */
const WIN_ANSI_EXTRA = '\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2020\u2021\u2022\u2026\u2030\u2039\u203A\u20AC\u2122';
const outsideWinAnsi = new RegExp(`[^\\x20-\\x7E\\u00A0-\\u00FF${WIN_ANSI_EXTRA}]`, 'g');

/**
 * Text the standard fonts can draw: « », ’, –, … and € are kept (WinAnsi has them); the narrow no-break space of
 * French typography becomes a no-break space; anything else is replaced rather than failing the export.
 */
export function winAnsi(text: string): string {
  return text.replace(/[\u202F\u2007\u2009]/g, '\u00A0').replace(outsideWinAnsi, '?');
}

/** A word wider than the line, cut after its hyphens (« Bourgogne-Franche-Comté »), else between letters. */
function breakWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const pieces = word.split(/(?<=-)/);
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (font.widthOfTextAtSize(current + piece, size) <= width) {
      current += piece;
      continue;
    }
    if (current) out.push(current);
    current = '';
    for (const char of piece) {
      if (current && font.widthOfTextAtSize(current + char, size) > width) {
        out.push(current);
        current = '';
      }
      current += char;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Lines of at most `width`; breaks at ordinary spaces only (a no-break space keeps « 18 h » or « 1 234 » whole). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of winAnsi(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).flatMap((w) => (font.widthOfTextAtSize(w, size) > width ? breakWord(w, font, size, width) : [w]))) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

export async function renderPdf(report: PdfReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(report.title));
  doc.setProducer('Essaimage programme manager');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;

  const write = (text: string, font: PDFFont, size: number, gapAfter = 4, x = MARGIN, maxWidth = width) => {
    for (const line of wrap(text, font, size, maxWidth)) {
      if (y - size < MARGIN) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x, y: y - size, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size + 3;
    }
    y -= gapAfter;
  };

  write(report.title, bold, 18, 6);
  if (report.subtitle) write(report.subtitle, regular, 11, 12);
  for (const section of report.sections) {
    if (section.heading) write(section.heading, bold, 13, 6);
    for (const paragraph of section.paragraphs ?? []) write(paragraph, regular, 10, 6);
    if (section.table) {
      const columns = section.table.header.length;
      const columnWidth = width / Math.max(columns, 1);
      const drawRow = (cells: string[], font: PDFFont) => {
        const wrapped = cells.map((c) => wrap(c, font, 9, columnWidth - 6));
        const height = Math.max(...wrapped.map((l) => l.length)) * 12 + 4;
        if (y - height < MARGIN) {
          page = doc.addPage(A4);
          y = A4[1] - MARGIN;
        }
        for (const [i, lines] of wrapped.entries()) {
          for (const [j, line] of lines.entries()) page.drawText(line, { x: MARGIN + i * columnWidth, y: y - 9 - j * 12, size: 9, font });
        }
        y -= height;
      };
      drawRow(section.table.header, bold);
      for (const row of section.table.rows) drawRow(row, regular);
      y -= 8;
    }
  }
  return doc.save();
}
