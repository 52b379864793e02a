import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';
import { snapshotTable } from '../support/db';
import { startTestApi, type TestApi } from '../support/api';

/**
 * Drafts save partly filled; completeness is checked at submission, answering the list of what is missing; the
 * structure's staff (FTE) and budget situation are one fact with criteria A1.3 and A1.2 (each side fills the other,
 * contradictory values are refused and write nothing). On the demo's open call, as a referent with no application.
 */
let api: TestApi;
let callId: string;
const applicant = 'demo-referent-jura';

beforeAll(async () => {
  api = await startTestApi();
  const seasons = await api.call('GET', '/seasons', { as: 'demo-staff-claire' });
  const season = seasons.body.items.find((s: { year: number }) => s.year === demoSeasonYears().call);
  callId = (await api.call('GET', `/calls?seasonId=${season.seasonId}`, { as: applicant })).body.items[0].callId;
});
afterAll(() => api.stop());

describe('a partly filled draft', () => {
  let appId = '';
  let version = 0;

  it('saves with the structure name alone, then more sections', async () => {
    const created = await api.call('POST', `/calls/${callId}/applications`, { as: applicant, body: { structure: { name: 'Atelier Emploi Dolois' } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', structure: { name: 'Atelier Emploi Dolois' }, eligibility: { status: 'incomplete' } });
    appId = created.body.applicationId;
    const more = await api.call('PATCH', `/applications/${appId}`, { as: applicant, body: { expectedVersion: created.body.version, hypothesis: 'A', structure: { name: 'Atelier Emploi Dolois', address: '12 rue des Arènes, 39100 Dole' } } });
    expect(more.status).toBe(200);
    expect(more.body.structure.address).toBe('12 rue des Arènes, 39100 Dole');
    version = more.body.version;
  });

  it('is refused at submission with the list of everything missing, and stays a draft', async () => {
    const res = await api.call('POST', `/applications/${appId}/submit`, { as: applicant });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('APPLICATION_INCOMPLETE');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths.length).toBeGreaterThan(5);
    for (const expected of ['territory', 'referent', 'answers.A1.3']) expect(paths.some((p: string) => p.includes(expected)), expected).toBe(true);
    expect((await api.call('GET', `/applications/${appId}`, { as: applicant })).body).toMatchObject({ status: 'draft', version });
  });

  it('fills criterion A1.3 from the structure’s staff, and the structure’s staff from A1.3', async () => {
    const fromStructure = await api.call('PATCH', `/applications/${appId}`, { as: applicant, body: { expectedVersion: version, structure: { name: 'Atelier Emploi Dolois', staffFte: 3.5 } } });
    expect(fromStructure.status).toBe(200);
    expect(fromStructure.body.answers['A1.3']).toEqual({ kind: 'number', value: 3.5 });
    const fromAnswer = await api.call('PATCH', `/applications/${appId}`, { as: applicant, body: { expectedVersion: fromStructure.body.version, answers: { 'A1.3': { kind: 'number', value: 1.5 } } } });
    expect(fromAnswer.status).toBe(200);
    expect(fromAnswer.body.structure.staffFte).toBe(1.5);
    expect(fromAnswer.body.eligibility.results.find((r: { criterionId: string }) => r.criterionId === 'A1.3')).toMatchObject({ status: 'unmet' });
    version = fromAnswer.body.version;
  });

  it('refuses contradictory values of one fact (422 at the answer’s path) and writes nothing', async () => {
    const before = await snapshotTable(api.product.deps.db);
    const fte = await api.call('PATCH', `/applications/${appId}`, {
      as: applicant,
      body: { expectedVersion: version, structure: { name: 'Atelier Emploi Dolois', staffFte: 1.5 }, answers: { 'A1.3': { kind: 'number', value: 2.5 } } },
    });
    expect(fte.status).toBe(422);
    expect(fte.body.error).toMatchObject({ code: 'CONTRADICTORY_FACTS', details: [expect.objectContaining({ path: 'body.answers.A1.3' })] });
    const budget = await api.call('PATCH', `/applications/${appId}`, {
      as: applicant,
      body: { expectedVersion: version, structure: { name: 'Atelier Emploi Dolois', budgetSituation: 'structural-deficit' }, answers: { 'A1.2': { kind: 'yes_no', value: false } } },
    });
    expect(budget.status).toBe(422);
    expect(budget.body.error.details[0].path).toBe('body.answers.A1.2');
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
  });

  it('refuses a contradictory new application too', async () => {
    const input = demoApplicationInput('str_acteure', '2026-11-01');
    const res = await api.call('POST', `/calls/${callId}/applications`, {
      as: 'demo-referent-passerelle',
      body: { ...input, structure: { ...input.structure, staffFte: 3 }, answers: { ...input.answers, 'A1.3': { kind: 'number', value: 4 } } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CONTRADICTORY_FACTS');
  });
});
