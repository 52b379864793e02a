import { frenchTypography } from '../i18n/french';
import { helvetica, helveticaBold, pdfFile, type PdfFont, type PlacedText } from './pdf-file';

/**
 * Plain report PDFs (A4, headings, paragraphs, simple tables) in the standard fonts Helvetica and Helvetica-Bold,
 * which cover French (WinAnsi holds the accents, « », ’ and –). Table cells wrap inside their column, long words
 * included. Written by ./pdf-file.ts (pdf-lib is only a devDependency, for tests that read PDFs back).
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

/** What wrapping needs of a font (a pdf-lib PDFFont has it too). */
type Measure = Pick<PdfFont, 'widthOfTextAtSize'>;

/** A word wider than the line, cut after its hyphens (« Bourgogne-Franche-Comté »), else between letters. */
function breakWord(word: string, font: Measure, size: number, width: number): string[] {
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

/**
 * Lines of at most `width`; breaks at ordinary spaces only (a no-break space keeps « 18 h » or « 1 234 » whole).
 * Every text gets French typography first (a no-break space before ; : ! ? » and after «), so that no report
 * leaves « : » or « » » alone at a line's start.
 */
export function wrap(text: string, font: Measure, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of winAnsi(frenchTypography(text)).split('\n')) {
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

const TEXT_GRAY = 0.1;
const TABLE_GRAY = 0;

export async function renderPdf(report: PdfReport): Promise<Uint8Array> {
  const width = A4[0] - 2 * MARGIN;
  const pages: PlacedText[][] = [];
  let page: PlacedText[] = [];
  let y = 0;
  const newPage = () => {
    page = [];
    pages.push(page);
    y = A4[1] - MARGIN;
  };
  newPage();
  const draw = (text: string, font: PdfFont, size: number, x: number, baseline: number, gray: number) =>
    page.push({ text, font: font.name, size, x, y: baseline, gray });

  const write = (text: string, font: PdfFont, size: number, gapAfter = 4, x = MARGIN, maxWidth = width) => {
    for (const line of wrap(text, font, size, maxWidth)) {
      if (y - size < MARGIN) newPage();
      draw(line, font, size, x, y - size, TEXT_GRAY);
      y -= size + 3;
    }
    y -= gapAfter;
  };

  write(report.title, helveticaBold, 18, 6);
  if (report.subtitle) write(report.subtitle, helvetica, 11, 12);
  for (const section of report.sections) {
    if (section.heading) write(section.heading, helveticaBold, 13, 6);
    for (const paragraph of section.paragraphs ?? []) write(paragraph, helvetica, 10, 6);
    if (section.table) {
      const columns = section.table.header.length;
      const columnWidth = width / Math.max(columns, 1);
      const drawRow = (cells: string[], font: PdfFont) => {
        const wrapped = cells.map((c) => wrap(c, font, 9, columnWidth - 6));
        const height = Math.max(...wrapped.map((l) => l.length)) * 12 + 4;
        if (y - height < MARGIN) newPage();
        for (const [i, lines] of wrapped.entries()) {
          for (const [j, line] of lines.entries()) draw(line, font, 9, MARGIN + i * columnWidth, y - 9 - j * 12, TABLE_GRAY);
        }
        y -= height;
      };
      drawRow(section.table.header, helveticaBold);
      for (const row of section.table.rows) drawRow(row, helvetica);
      y -= 8;
    }
  }
  return pdfFile({ title: winAnsi(report.title), producer: 'Essaimage programme manager', pageSize: A4, pages });
}
