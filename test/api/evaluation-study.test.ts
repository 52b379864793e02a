import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFigures } from '../../shared/evaluation/reference';
import { twelveMonthWindow } from '../../shared/evaluation/ratio-rules';
import { startTestApi, type TestApi } from '../support/api';

/**
 * The study's complete reference in the dashboards and the final-report PDFs (each figure with its source),
 * the per-CRE ratios and the 60% goal over the structure's first twelve months, stage 1's interview log and
 * stage 2's CSV import (a bad row writes nothing; a good import matches the dashboard totals).
 */
let api: TestApi;
let seasonId: string;
const stage: Record<string, string> = {};
const essaime: Record<string, string> = {};
const names: Record<string, string> = {};
const staff = 'demo-staff-claire';

beforeAll(async () => {
  api = await startTestApi();
  const seasons = (await api.call('GET', '/seasons', { as: staff })).body.items as { seasonId: string; status: string }[];
  seasonId = seasons.find((s) => s.status === 'running')!.seasonId;
  for (const e of (await api.call('GET', `/seasons/${seasonId}/essaimes?limit=50`, { as: staff })).body.items) {
    essaime[e.structureId] = e.essaimeId;
    names[e.structureId] = e.structureName;
  }
  for (const s of (await api.call('GET', `/seasons/${seasonId}/stages`, { as: staff })).body.items) stage[s.kind] = s.stageId;
});
afterAll(() => api.stop());

/** Bytes 0x80–0x9F of WinAnsi (windows-1252) that differ from Latin-1: typographic quotes, dashes, €… */
const winAnsiHigh = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = { decode: (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? winAnsiHigh[b - 0x80] : String.fromCharCode(b))).join('') };

async function pdfText(path: string): Promise<string> {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${await api.product.tokenFor(staff)}` } });
  expect(res.status).toBe(200);
  const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
  const lines: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      // The standard fonts draw WinAnsi (windows-1252): « », ’, – and € have their own bytes there.
      for (const m of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(winAnsi.decode(Buffer.from(m[1]!, 'hex')));
    }
  }
  return lines.join(' ').replace(/\s+/g, ' ');
}

/** Compares PDF text and expected text with typographic quotes, dashes and spaces made plain on both sides. */
const asPdf = (text: string) => text.replace(/[\u2018\u2019]/g, "'").replace(/[«»"]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/[\u202f\u00a0]/g, ' ');

describe('the complete reference, with its sources', () => {
  it('is in both dashboards, every figure with its period and source, and compared where it can be', async () => {
    const programme = await api.call('GET', `/seasons/${seasonId}/dashboard`, { as: staff });
    const essaimeDashboard = await api.call('GET', `/essaimes/${essaime.str_passerelle}/dashboard`, { as: 'demo-referent-passerelle' });
    for (const body of [programme.body, essaimeDashboard.body]) {
      expect(body.reference.map((f: { key: string }) => f.key)).toEqual(referenceFigures.map((f) => f.key));
      for (const f of body.reference) expect(f.source).toMatch(/^Étude de faisabilité A\.CO\.R\. \(Ansa, février 2019\), « .+ », p\. \d+/);
    }
    const byKey = Object.fromEntries(programme.body.reference.map((f: { key: string }) => [f.key, f]));
    expect(byKey.returnToJobRate2016To2017).toMatchObject({ value: 0.69, period: '2016–2017' });
    expect(byKey.durableShare2016To2017).toMatchObject({ value: 0.35 });
    expect(byKey.stillEmployedAfterFourYears).toMatchObject({ value: 0.8, display: '80\u00a0%' });
    expect(byKey.peoplePerCre).toMatchObject({ value: 60, high: 70, display: '60 à 70' });
    expect(byKey.contactsPerCrePerMonth).toMatchObject({ value: 90 });
    expect(byKey.costPerPersonPerYear).toMatchObject({ value: 1900, display: '1\u00a0900\u00a0€' });
    const stage1 = programme.body.stages.find((s: { stageId: string }) => s.stageId === stage['first-return']);
    const comparison = Object.fromEntries(stage1.programme.comparison.map((c: { indicator: string }) => [c.indicator, c]));
    expect(Object.keys(comparison)).toEqual(expect.arrayContaining(['returnToJobRate2016To2017', 'durableShare2016To2017', 'peoplePerCre', 'contactsPerCrePerMonth', 'costPerPersonPerYear', 'teamGoalRate']));
    // Seeded stage 1: 48 + 35 + 28 people for 2 + 1.5 + 1 CRE FTE; no budget given.
    expect(stage1.programme.ratios.peoplePerCre).toBeCloseTo((48 + 35 + 28) / (2 + 1.5 + 1), 9);
    expect(comparison.peoplePerCre).toMatchObject({ status: 'below', reference: 60, referenceHigh: 70 });
    expect(comparison.costPerPersonPerYear).toMatchObject({ status: 'no-data', value: null });
    expect(comparison.teamGoalRate.source).toContain('p. 6');
  });

  it('is in the final-report PDFs, every figure with its source', async () => {
    for (const path of [`/seasons/${seasonId}/final-report.pdf`, `/essaimes/${essaime.str_passerelle}/final-report.pdf`]) {
      const text = asPdf(await pdfText(path));
      for (const f of referenceFigures) {
        expect(text).toContain(asPdf(f.label));
        expect(text).toContain(asPdf(f.source));
      }
    }
  });
});

describe('stage 1 interview log', () => {
  it('records date, role and notes, with no field for a name, and refuses contact details', async () => {
    const url = `/stages/${stage['first-return']}/interviews`;
    const body = { essaimeId: essaime.str_passerelle, interviewedOn: '2020-02-10', personRole: 'cre', notes: 'La prospection hebdomadaire des TPE est installée.' };
    const created = await api.call('POST', url, { as: staff, body });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(['essaimeId', 'interviewId', 'interviewedOn', 'notes', 'personRole', 'recordedAt', 'recordedBy', 'seasonId', 'stageId', 'structureName']);
    const named = await api.call('POST', url, { as: staff, body: { ...body, personName: 'Karim Haddad' } });
    expect(named.status).toBe(400);
    const phone = await api.call('POST', url, { as: staff, body: { ...body, notes: 'Rappeler la directrice au 06 12 34 56 78 demain.' } });
    expect(phone.status).toBe(422);
    expect(phone.body.error).toMatchObject({ code: 'PERSONAL_DATA_IN_NOTES', details: [{ path: 'body.notes' }] });
    const list = await api.call('GET', `${url}?limit=10`, { as: staff });
    expect(list.body.items.map((i: { interviewId: string }) => i.interviewId)).toContain(created.body.interviewId);
    expect(JSON.stringify(list.body)).not.toContain('06 12 34');
    expect((await api.call('GET', url, { as: 'demo-tutor-michel' })).status).toBe(403);
    expect((await api.call('POST', url, { as: 'demo-referent-passerelle', body })).status).toBe(403);
  });
});

describe('stage 2 CSV import', () => {
  const header = 'structure;periodStart;periodEnd;activeFile;newlyWelcomed;perSigned;backInJob;durableJob;companiesContacted;companyVisits;offersCaptured;creFte;budgetEuros';
  const row = (structureId: string, active: number, back: number, fte: string, budget = '') =>
    `${names[structureId]};2029-03-01;2029-08-31;${active};10;12;${back};3;150;30;40;${fte};${budget}`;

  it('previews row by row, and writes nothing when one row is wrong, naming its line and field', async () => {
    const csv = [header, row('str_passerelle', 50, 20, '2'), row('str_jura-service', 30, 45, '1,5'), row('str_acteure', 40, 12, '2')].join('\n');
    const preview = await api.call('POST', `/stages/${stage.intermediate}/figures-import/preview`, { as: staff, body: { csv } });
    expect(preview.status).toBe(200);
    expect(preview.body.valid).toBe(false);
    expect(preview.body.rows.map((r: { errors: unknown[] }) => r.errors.length)).toEqual([0, 1, 0]);
    expect(preview.body.rows[1].errors[0]).toMatchObject({ line: 3, field: 'backInJob' });
    const imported = await api.call('POST', `/stages/${stage.intermediate}/figures-import`, { as: staff, body: { csv } });
    expect(imported.status).toBe(422);
    expect(imported.body.error.code).toBe('IMPORT_ROWS_INVALID');
    expect(imported.body.error.details).toEqual([{ path: 'csv.lines.3.backInJob', message: expect.any(String) }]);
    for (const structureId of ['str_passerelle', 'str_acteure']) {
      expect((await api.call('GET', `/stages/${stage.intermediate}/reports/${essaime[structureId]}`, { as: staff })).status).toBe(404);
    }
    const dashboard = await api.call('GET', `/seasons/${seasonId}/dashboard`, { as: staff });
    expect(dashboard.body.stages.find((s: { stageId: string }) => s.stageId === stage.intermediate).programme.acceptedReports).toBe(0);
  });

  it('names unknown columns and structures on their line', async () => {
    const csv = [`${header};inconnu`, 'Structure fantôme;2020-03-01;2020-08-31;1;1;1;1;0;1;1;1;1;;'].join('\n');
    const preview = await api.call('POST', `/stages/${stage.intermediate}/figures-import/preview`, { as: staff, body: { csv } });
    expect(preview.body.headerErrors).toEqual([expect.objectContaining({ line: 1, field: 'inconnu' })]);
    expect(preview.body.rows[0].errors).toEqual(expect.arrayContaining([expect.objectContaining({ line: 2, field: 'structure' })]));
  });

  it('writes a good file as accepted reports whose totals are the dashboard totals', async () => {
    const csv = [header, row('str_passerelle', 50, 20, '2', '45000'), row('str_jura-service', 30, 14, '1,5'), row('str_acteure', 40, 12, '2')].join('\r\n');
    const preview = await api.call('POST', `/stages/${stage.intermediate}/figures-import/preview`, { as: staff, body: { csv } });
    expect(preview.body.valid).toBe(true);
    const imported = await api.call('POST', `/stages/${stage.intermediate}/figures-import`, { as: staff, body: { csv } });
    expect(imported.status).toBe(201);
    expect(imported.body.imported).toBe(3);
    const dashboard = await api.call('GET', `/seasons/${seasonId}/dashboard`, { as: staff });
    const programme = dashboard.body.stages.find((s: { stageId: string }) => s.stageId === stage.intermediate).programme;
    expect(programme.acceptedReports).toBe(3);
    expect(programme.totals).toEqual(preview.body.totals);
    expect(programme.totals).toMatchObject({ activeFile: 120, backInJob: 46, creFte: 5.5, budgetEuros: 45000 });
    const months = (Date.parse('2029-08-31') - Date.parse('2029-03-01')) / 86_400_000 + 1;
    expect(programme.ratios.contactsPerCrePerMonth).toBeCloseTo(450 / (5.5 * (months / 30.4375)), 9);
    expect(programme.ratios.costPerPersonPerYear).toBeCloseTo((45000 * 12) / (months / 30.4375) / 50, 9);
    const again = await api.call('POST', `/stages/${stage.intermediate}/figures-import`, { as: staff, body: { csv } });
    expect(again.status).toBe(422);
    expect(again.body.error.details[0].path).toBe('csv.lines.2.structure');
  });
});

describe('the 60% team goal over twelve months from the structure’s start', () => {
  it('counts only reports covering the structure’s first twelve months', async () => {
    const stage1 = await api.call('GET', `/stages/${stage['first-return']}/reports/${essaime.str_passerelle}`, { as: staff });
    const started = stage1.body.period.start as string;
    const window = twelveMonthWindow(started);
    const header = 'structure;periodStart;periodEnd;activeFile;newlyWelcomed;perSigned;backInJob;durableJob;companiesContacted;companyVisits;offersCaptured;creFte';
    const csv = [
      header,
      `${names.str_passerelle};${window.start};${window.end};50;20;30;31;10;900;200;250;2`,
      `${names['str_etudes-chantiers']};${window.start};${started.slice(0, 8)}28;40;10;10;30;5;100;20;30;1`,
    ].join('\n');
    const imported = await api.call('POST', `/stages/${stage.final}/figures-import`, { as: staff, body: { csv } });
    expect(imported.status).toBe(201);
    const dashboard = await api.call('GET', `/seasons/${seasonId}/dashboard`, { as: staff });
    const final = dashboard.body.stages.find((s: { stageId: string }) => s.stageId === stage.final).programme;
    const goal = final.comparison.find((c: { indicator: string }) => c.indicator === 'teamGoalRate');
    // Only Passerelle's twelve months count (31 / 50 = 62%); the one-month report of Études et Chantiers does not.
    expect(goal).toMatchObject({ value: 0.62, reference: 0.6, status: 'at-or-above' });
    expect(final.rates.returnToJobRate).toBeCloseTo(61 / 90, 9);
    const mine = await api.call('GET', `/essaimes/${essaime['str_etudes-chantiers']}/dashboard`, { as: staff });
    const theirs = mine.body.stages.find((s: { stageId: string }) => s.stageId === stage.final).figures.comparison.find((c: { indicator: string }) => c.indicator === 'teamGoalRate');
    expect(theirs).toMatchObject({ value: null, status: 'no-data' });
  });
});
