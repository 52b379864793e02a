import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../shared/documents/pdf';
import { overlappingRuns, pdfTextRuns } from '../support/pdf-text';

/** The report PDF writer, read back from its bytes: text stays in its column and French punctuation survives. */
describe('report PDFs', () => {
  const regions = ['Bourgogne-Franche-Comté', 'Provence-Alpes-Côte d’Azur', 'Auvergne-Rhône-Alpes', 'Île-de-France'];
  const report = {
    title: 'Bilan du programme « essaimage »',
    subtitle: 'Édité le 25 novembre 2026, avant 18\u202fh',
    sections: [
      { heading: 'Par région', table: { header: ['Région', 'Rapports acceptés', 'Retour à l’emploi', 'Emploi durable', 'Entreprises contactées', 'ETP'], rows: regions.map((r, i) => [r, String(i + 1), '43,8\u00a0%', '34,9\u00a0%', '1\u202f234', '4,5']) } },
      { paragraphs: ['Le principe « une offre, un candidat » est appliqué ; l’équipe – deux chargés – prospecte… 15\u00a0€ par visite.'] },
    ],
  };

  it('keeps every table cell inside its column, long hyphenated names included (no overprint)', async () => {
    const { pageWidth, runs } = await pdfTextRuns(await renderPdf(report));
    expect(runs.length).toBeGreaterThan(20);
    expect(overlappingRuns(runs)).toEqual([]);
    for (const run of runs) expect(run.x + run.width, run.text).toBeLessThanOrEqual(pageWidth - 40);
    const pieces = runs.filter((r) => r.text.startsWith('Bourgogne') || r.text.startsWith('Franche') || r.text.includes('Comté'));
    expect(pieces.map((r) => r.text).join('')).toBe('Bourgogne-Franche-Comté');
  });

  it('keeps « », ’, – and … as such, and no-break spaces inside « 18 h » and numbers', async () => {
    const { runs } = await pdfTextRuns(await renderPdf(report));
    const all = runs.map((r) => r.text).join('\n');
    // renderPdf sets French typography: a no-break space inside « » and before « : ».
    expect(all).toContain('Bilan du programme «\u00a0essaimage\u00a0»');
    expect(all).toContain('«\u00a0une offre, un candidat\u00a0»');
    expect(all).toContain('l’équipe – deux chargés – prospecte…');
    expect(all).toContain('avant 18\u00a0h');
    expect(all).toContain('1\u00a0234');
    expect(all).not.toMatch(/"|\?/);
  });
});
