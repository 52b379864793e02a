import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { helvetica, helveticaBold, type PdfFont } from '../../shared/documents/pdf-file';
import { renderPdf, wrap } from '../../shared/documents/pdf';
import { overlappingRuns, pdfTextRuns } from '../support/pdf-text';

/**
 * The hand-written PDF writer (shared/documents/pdf-file.ts), checked against pdf-lib, which reads the files
 * back and holds the reference metrics of the standard fonts.
 */
let reference: Map<PdfFont, PDFFont>;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  reference = new Map([
    [helvetica, await doc.embedFont(StandardFonts.Helvetica)],
    [helveticaBold, await doc.embedFont(StandardFonts.HelveticaBold)],
  ]);
});

const winAnsiHigh = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const everyWinAnsiChar = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)), ...winAnsiHigh, ...Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i))];
const samples = ['Bourgogne-Franche-Comté', 'Le principe « une offre, un candidat » : l’équipe – deux chargés – prospecte… 15\u00a0€', 'ŒUVRE, Œuvre, AVATAR, Tâche, Ÿ', '0123456789 %‰ §'];

describe('standard font metrics (shared/documents/standard-font-metrics.ts)', () => {
  it('give every WinAnsi character the width pdf-lib gives it, in both fonts', () => {
    for (const [font, pdfLib] of reference) {
      for (const char of everyWinAnsiChar) expect(font.widthOfTextAtSize(char, 1000), `${font.name} ${char}`).toBe(pdfLib.widthOfTextAtSize(char, 1000));
    }
  });

  // pdf-lib measured with kerning though Tj draws unkerned: the old wrapping underestimated « AVATAR » a little.
  it('measure strings as drawn (unkerned, like Tj), never narrower than pdf-lib’s kerned measure', () => {
    for (const [font, pdfLib] of reference) {
      for (const text of samples) {
        const glyphByGlyph = [...text].reduce((sum, char) => sum + pdfLib.widthOfTextAtSize(char, 9), 0);
        expect(font.widthOfTextAtSize(text, 9)).toBeCloseTo(glyphByGlyph, 9);
        expect(pdfLib.widthOfTextAtSize(text, 9)).toBeLessThanOrEqual(font.widthOfTextAtSize(text, 9) + 1e-9);
      }
    }
  });

  it('wrap lines that fit by pdf-lib’s measure too, cutting long words after their hyphens', () => {
    const lines = wrap(`${samples.join(' ')} Provence-Alpes-Côte-d’Azur-et-Corse`, helvetica, 10, 90);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(reference.get(helvetica)!.widthOfTextAtSize(line, 10), line).toBeLessThanOrEqual(90);
    expect(lines).toContain('Bourgogne-');
  });
});

describe('report PDF file', () => {
  const rows = Array.from({ length: 300 }, (_, i) => [`Ligne ${i + 1}`, 'Île-de-France', '43,8\u00a0%']);
  const longReport = { title: 'Œuvre « essaimage » – bilan', subtitle: undefined, sections: [{ heading: 'Tableau', table: { header: ['Ligne', 'Région', 'Taux'], rows } }] };

  it('opens in pdf-lib with its title, producer and the pages the layout needs', async () => {
    const doc = await PDFDocument.load(await renderPdf(longReport), { updateMetadata: false, throwOnInvalidObject: true });
    expect(doc.getTitle()).toBe('Œuvre « essaimage » – bilan');
    expect(doc.getProducer()).toBe('Essaimage programme manager');
    // Rows are 16 pt: 42 fit under the title, heading and header on page 1, then 46 a page (841.89 − 2 × 50 margins).
    expect(doc.getPageCount()).toBe(1 + Math.ceil((300 - 42) / 46));
    const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    expect([width, height]).toEqual([595.28, 841.89]);
  });

  it('keeps every row once, in order, inside the margins of its page', async () => {
    const { runs } = await pdfTextRuns(await renderPdf(longReport));
    const rowLabels = runs.filter((r) => r.text.startsWith('Ligne ')).map((r) => r.text);
    expect(rowLabels).toEqual(rows.map((r) => r[0]));
    for (const run of runs) {
      expect(run.y).toBeGreaterThanOrEqual(50);
      expect(run.y + run.size).toBeLessThanOrEqual(841.89 - 50);
    }
    expect(new Set(runs.map((r) => r.page)).size).toBe(7);
  });

  it('points its cross-reference table at each object', async () => {
    const text = Buffer.from(await renderPdf(longReport)).toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 5)).toBe('xref\n');
    const [, first, count, entries] = /^xref\n(\d+) (\d+)\n([\s\S]*?)trailer/.exec(text.slice(xrefAt))!;
    expect(Number(first)).toBe(0);
    const lines = entries!.match(/.{18}[ \r]\n/g)!;
    expect(lines).toHaveLength(Number(count));
    for (const [id, line] of lines.entries()) {
      if (id === 0) continue;
      const offset = Number(line.slice(0, 10));
      expect(text.slice(offset, offset + `${id} 0 obj`.length)).toBe(`${id} 0 obj`);
    }
    expect(/\/Size (\d+)/.exec(text)![1]).toBe(count);
  });

  it('draws French text in WinAnsi: accents, « », ’, –, …, € and Œ', async () => {
    const paragraph = 'Œuvre « Nouveaux territoires » : l’équipe – deux chargés – prospecte… 15\u00a0€, à Besançon, où ça s’ébruite.';
    const { runs } = await pdfTextRuns(await renderPdf({ title: 'Accusé de réception', sections: [{ paragraphs: [paragraph] }] }));
    const all = runs.map((r) => r.text).join(' ');
    expect(all).toContain('Accusé de réception');
    // renderPdf sets French typography: a no-break space inside « » and before « : ».
    expect(all).toContain('Œuvre «\u00a0Nouveaux territoires\u00a0»\u00a0: l’équipe – deux chargés – prospecte… 15\u00a0€, à Besançon, où ça s’ébruite.');
    expect(runs[0]).toMatchObject({ font: 'Helvetica-Bold', size: 18, x: 50 });
    expect(runs[1]).toMatchObject({ font: 'Helvetica', size: 10, x: 50 });
  });

  it('keeps table cells apart, long words and hyphenated names wrapped in their column', async () => {
    const cell = 'Communauté-de-communes-du-Grand-Besançon-Métropole et son intercommunalité rurale';
    const { runs, pageWidth } = await pdfTextRuns(
      await renderPdf({ title: 'Tableau', sections: [{ table: { header: ['A', 'B', 'C', 'D', 'E'], rows: [[cell, cell, 'Anticonstitutionnellement', cell, '1\u202f234\u00a0€']] } }] }),
    );
    expect(runs.length).toBeGreaterThan(20);
    expect(overlappingRuns(runs)).toEqual([]);
    for (const run of runs) expect(run.x + run.width, run.text).toBeLessThanOrEqual(pageWidth - 50);
    expect(runs.some((r) => r.text === '1\u00a0234\u00a0€')).toBe(true);
  });
});
