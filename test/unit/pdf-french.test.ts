import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../shared/documents/pdf';
import { pdfText } from '../support/pdf-text';

describe('PDF text in French', () => {
  it('keeps the guillemets « » and the accents (WinAnsi holds them)', async () => {
    const text = await pdfText(await renderPdf({ title: 'Accusé de réception', sections: [{ paragraphs: ['Appel « Nouveaux territoires » : déposé le 1er décembre, à 9 h 05.'] }] }));
    expect(text).toContain('Accusé de réception');
    expect(text).toContain('Appel «\u00a0Nouveaux territoires\u00a0»\u00a0: déposé le 1er décembre'); // French typography set by renderPdf
  });
});
