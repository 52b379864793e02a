import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchCsvNumber, parseCsv } from '../../shared/documents/csv';
import { overlappingRuns, pdfTextRuns } from '../support/pdf-text';
import { startTestApi, type TestApi } from '../support/api';
import { demoCalendar, demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();
const calendar = demoCalendar(new Date());

/**
 * Exports of the staged evaluation: the stage CSV parses back to the reports' values; the PDFs load, have
 * pages, and the text actually drawn on them holds the structure's name.
 */
let api: TestApi;
let season2019: string;
let stage1: string;
const essaime: Record<string, string> = {};
const staff = 'demo-staff-claire';

beforeAll(async () => {
  api = await startTestApi();
  const seasons = (await api.call('GET', '/seasons', { as: staff })).body.items as { seasonId: string; year: number }[];
  season2019 = seasons.find((s) => s.year === demoSeasons.cohort)!.seasonId;
  for (const e of (await api.call('GET', `/seasons/${season2019}/essaimes?limit=50`, { as: staff })).body.items) essaime[e.structureId] = e.essaimeId;
  stage1 = (await api.call('GET', `/seasons/${season2019}/stages`, { as: staff })).body.items[0].stageId;
});
afterAll(() => api.stop());

/**
 * The text drawn on each page: inflates every content stream and decodes the hex strings of the text
 * operators (pdf-lib writes standard-font text as `<hex> Tj`, WinAnsi, which is Latin-1 for French letters).
 */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const m of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(Buffer.from(m[1]!, 'hex').toString('latin1'));
    }
  }
  return { pages: doc.getPageCount(), text: lines.join('\n') };
}

async function getPdf(path: string, as: string) {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${await api.product.tokenFor(as)}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('stage CSV', () => {
  it('parses back: one row per essaimé, with the reports’ figures and answers', async () => {
    const res = await api.call('GET', `/stages/${stage1}/export.csv`, { as: staff });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="etape-1-.*\.csv"/);
    const rows = parseCsv(res.text, ';');
    const [header, ...data] = rows;
    expect(data).toHaveLength(Object.keys(essaime).length);
    const col = (label: string) => header!.indexOf(label);
    expect(col('Structure')).toBe(0);
    expect(col('Personnes accompagnées (file active)')).toBeGreaterThan(0);
    for (const row of data) expect(row).toHaveLength(header!.length);
    const row = (name: string) => data.find((r) => r[0] === name)!;

    const report = (await api.call('GET', `/stages/${stage1}/reports/${essaime.str_passerelle}`, { as: staff })).body;
    const passerelle = row('Passerelle');
    expect(passerelle[col('Avancement')]).toBe('Accepté');
    expect(passerelle[col('Région')]).toBe('Auvergne-Rhône-Alpes');
    expect(passerelle[col('Personnes accompagnées (file active)')]).toBe(String(report.indicators.activeFile));
    expect(passerelle[col('Chargés de relation entreprises (ETP)')]).toBe('2');
    expect(passerelle[col('Début de période')]).toBe(calendar.trainingStart.split('-').reverse().join('/'));
    const question = "Quels freins avez-vous rencontrés ?";
    expect(passerelle[col(question)]).toBe(report.answers.obstacles); // text with commas and accents survives
    expect(row('Jura Service')[col('Chargés de relation entreprises (ETP)')]).toBe('1,5');
    expect(frenchCsvNumber(row('Jura Service')[col('Chargés de relation entreprises (ETP)')]!)).toBe(1.5);
    expect(row("Act'Eure Insertion")[col('Avancement')]).toBe('Soumis');
    expect(row('SEMES')[col('Statut du rapport')]).toBe('Brouillon');
    expect(row('AIR & AICM')[col('Avancement')]).toBe('Non remis');
    expect(row('AIR & AICM')[col('Personnes accompagnées (file active)')]).toBe('');
  });

  it('is for staff only', async () => {
    expect((await api.call('GET', `/stages/${stage1}/export.csv`, { as: 'demo-referent-passerelle' })).status).toBe(403);
  });
});

describe('final reports as PDF', () => {
  it("renders a structure's final report for staff, its referent and its tutor", async () => {
    for (const as of [staff, 'demo-referent-passerelle', 'demo-tutor-michel']) {
      const res = await getPdf(`/essaimes/${essaime.str_passerelle}/final-report.pdf`, as);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/pdf');
      expect(res.disposition).toContain('rapport-final-passerelle.pdf');
      expect(Buffer.from(res.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const { pages, text } = await pdfText(res.bytes);
      expect(pages).toBeGreaterThan(0);
      expect(text).toContain('Ville de Thiers');
      expect((await pdfTextRuns(res.bytes)).runs.map((r) => r.text)).toContain('Rapport final — Passerelle'); // the dash survives
      expect(text).toContain('Ville de Thiers');
      expect(text).toContain('Comparaison avec la référence A.CO.R.');
      expect(text).toContain('Pleinement fidèle'); // the seeded fidelity assessment
    }
  });

  it('hides another structure’s report', async () => {
    expect((await getPdf(`/essaimes/${essaime.str_passerelle}/final-report.pdf`, 'demo-referent-jura')).status).toBe(404);
  });

  it("renders the programme's final report with every structure", async () => {
    const res = await getPdf(`/seasons/${season2019}/final-report.pdf`, staff);
    expect(res.status).toBe(200);
    const { pages, text } = await pdfText(res.bytes);
    expect(pages).toBeGreaterThan(0);
    expect(text).toContain('Bilan du programme');
    for (const name of ['Passerelle', 'Jura Service', 'SEMES', 'AIR & AICM']) expect(text).toContain(name);
    expect(text).toContain('Par région');
    // Every cell stays in its column (« Bourgogne-Franche-Comté » included): no two runs of a line overlap.
    const { pageWidth, runs } = await pdfTextRuns(res.bytes);
    expect(overlappingRuns(runs)).toEqual([]);
    for (const run of runs) expect(run.x + run.width, run.text).toBeLessThanOrEqual(pageWidth);
    expect(runs.map((r) => r.text).join('')).toContain('Bourgogne-');
    expect((await getPdf(`/seasons/${season2019}/final-report.pdf`, 'demo-referent-passerelle')).status).toBe(403);
  });
});
