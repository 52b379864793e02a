import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { snapshotTable } from '../support/db';
import { startTestApi, type TestApi } from '../support/api';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/**
 * Who may see and change applications, on the demo data: the new season's call is open with applications of
 * L'Envol (draft, owned by demo-applicant-envol), Collectif PES, Erdre et Loire and Solidarité Multi-Services.
 */
let api: TestApi;
let callId: string;
let envolAppId: string;
let otherAppId: string;

beforeAll(async () => {
  api = await startTestApi();
  const seasons = await api.call('GET', '/seasons', { as: 'demo-staff-claire' });
  const season2020 = seasons.body.items.find((s: { year: number }) => s.year === demoSeasons.call);
  const calls = await api.call('GET', `/calls?seasonId=${season2020.seasonId}`, { as: 'demo-applicant-envol' });
  callId = calls.body.items[0].callId;
  const mine = await api.call('GET', '/me/applications', { as: 'demo-applicant-envol' });
  envolAppId = mine.body.items[0].applicationId;
  const list = await api.call('GET', `/calls/${callId}/applications?status=under_review`, { as: 'demo-staff-claire' });
  otherAppId = list.body.items[0].applicationId;
});
afterAll(() => api.stop());

describe('demo data of the call', () => {
  it('the new season has an open call with applications in various states (one under hypothesis B); the cohort season’s essaimés are untouched', async () => {
    const call = await api.call('GET', `/calls/${callId}`, { as: 'demo-applicant-envol' });
    expect(call.body).toMatchObject({ status: 'open', acceptingApplications: true, hypotheses: ['A', 'B'], selectedCount: 0 });
    const list = await api.call('GET', `/calls/${callId}/applications`, { as: 'demo-staff-claire' });
    const rows = list.body.items.map((a: { structureName: string; status: string; eligibility: { status: string }; score: number | null }) => [a.structureName, a.status, a.eligibility.status, a.score]);
    // (3×4 + 3×4 + 2×3 + 2×4 + 2×5) / 60 = 80; the unscored ones follow in no particular order.
    expect(rows[0]).toEqual(['Erdre et Loire Initiatives', 'under_review', 'eligible', 80]);
    expect(rows.slice(1).sort()).toEqual([
      ['Collectif PES', 'submitted', 'eligible', null],
      ['Communauté de communes du Thouarsais', 'submitted', 'eligible', null],
      ["L'Envol", 'draft', 'ineligible', null],
      ['Solidarité Multi-Services', 'under_review', 'eligible', null],
    ]);
    const envol = await api.call('GET', `/applications/${envolAppId}`, { as: 'demo-applicant-envol' });
    expect(envol.body.eligibility.reasons).toEqual([expect.objectContaining({ criterionId: 'A1.3', code: 'BELOW_MINIMUM' })]);
    const seasons = await api.call('GET', '/seasons', { as: 'demo-staff-claire' });
    const season2019 = seasons.body.items.find((s: { year: number }) => s.year === demoSeasons.cohort);
    const essaimes = await api.call('GET', `/seasons/${season2019.seasonId}/essaimes?limit=100`, { as: 'demo-staff-claire' });
    expect(essaimes.body.items).toHaveLength(6);
  });
});

describe('applicants and referents only reach their own applications', () => {
  it('another referent gets 404 on every read and change of an application that is not theirs, and nothing is written', async () => {
    const before = await snapshotTable(api.product.deps.db);
    for (const as of ['demo-referent-passerelle', 'demo-referent-jura']) {
      expect((await api.call('GET', `/applications/${envolAppId}`, { as })).status).toBe(404);
      expect((await api.call('GET', `/applications/${envolAppId}/eligibility`, { as })).status).toBe(404);
      expect((await api.call('PATCH', `/applications/${envolAppId}`, { as, body: { expectedVersion: 1, needs: [] } })).status).toBe(404);
      expect((await api.call('POST', `/applications/${envolAppId}/submit`, { as })).status).toBe(404);
      expect((await api.call('POST', `/applications/${envolAppId}/withdraw`, { as })).status).toBe(404);
    }
    // The applicant of L'Envol cannot reach the other structures' applications either.
    expect((await api.call('GET', `/applications/${otherAppId}`, { as: 'demo-applicant-envol' })).status).toBe(404);
    expect((await api.call('POST', `/applications/${otherAppId}/withdraw`, { as: 'demo-applicant-envol' })).status).toBe(404);
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
    const mine = await api.call('GET', '/me/applications', { as: 'demo-referent-passerelle' });
    expect(mine.body.items).toEqual([]);
  });

  it('nobody applies on behalf of a structure they are not the referent of (403)', async () => {
    const res = await api.call('POST', `/calls/${callId}/applications`, {
      as: 'demo-referent-jura',
      body: { ...demoApplicationInput('str_passerelle', '2020-01-01'), structureId: 'str_passerelle' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_YOUR_STRUCTURE');
  });

  it('one application per applicant and call (409)', async () => {
    const res = await api.call('POST', `/calls/${callId}/applications`, { as: 'demo-applicant-envol', body: { structure: { name: "L'Envol bis" } } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('APPLICATION_EXISTS');
  });
});

describe('tutors cannot see applications (403)', () => {
  const paths: Record<string, () => string> = {
    'GET /applications/{id}': () => `/applications/${envolAppId}`,
    'GET /applications/{id}/eligibility': () => `/applications/${envolAppId}/eligibility`,
    'GET /calls/{id}/applications': () => `/calls/${callId}/applications`,
    'GET /calls/{id}/applications/export': () => `/calls/${callId}/applications/export`,
    'GET /me/applications': () => '/me/applications',
  };
  it.each(Object.keys(paths))('%s', async (name) => {
    const method = 'GET';
    const path = paths[name]!;
    for (const as of ['demo-tutor-michel', 'demo-tutor-isabelle']) {
      const res = await api.call(method, path(), { as });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('ROLE_NOT_ALLOWED');
    }
  });
});

describe('only staff review and decide (403 for referents and tutors)', () => {
  const staffOnly = [
    ['POST', 'decision', { outcome: 'selected', rationale: 'Je me choisis' }],
    ['POST', 'reviewers', { reviewerUserId: 'demo-staff-thomas' }],
    ['POST', 'recusal', { reason: 'Conflit' }],
    ['PUT', 'review', { scores: { consortium: 5 } }],
    ['POST', 'notes', { text: 'Note' }],
    ['POST', 'verifications', { criterionId: 'A1.2', outcome: 'verified' }],
    ['POST', 'return-for-correction', { message: 'À revoir' }],
  ] as const;
  it.each(staffOnly)('%s /applications/{id}/%s', async (method, action, body) => {
    const before = await snapshotTable(api.product.deps.db);
    for (const as of ['demo-applicant-envol', 'demo-referent-passerelle', 'demo-tutor-michel']) {
      const res = await api.call(method, `/applications/${envolAppId}/${action}`, { as, body });
      expect(res.status).toBe(403);
    }
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
  });

  it('calls are run by staff only', async () => {
    for (const as of ['demo-applicant-envol', 'demo-tutor-michel']) {
      expect((await api.call('POST', `/calls/${callId}/close`, { as })).status).toBe(403);
      expect((await api.call('POST', `/calls/${callId}/publish-decisions`, { as })).status).toBe(403);
      expect((await api.call('PATCH', `/calls/${callId}`, { as, body: { expectedVersion: 1, title: 'Piraté' } })).status).toBe(403);
    }
  });

  it('the staff list is ranked, paginated and filtered', async () => {
    const first = await api.call('GET', `/calls/${callId}/applications?limit=2`, { as: 'demo-staff-thomas' });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].structureName).toBe('Erdre et Loire Initiatives');
    const second = await api.call('GET', `/calls/${callId}/applications?limit=2&cursor=${first.body.nextCursor}`, { as: 'demo-staff-thomas' });
    expect(second.body.items).toHaveLength(2);
    const ids = [...first.body.items, ...second.body.items].map((a: { applicationId: string }) => a.applicationId);
    expect(new Set(ids).size).toBe(4);
    const filtered = await api.call('GET', `/calls/${callId}/applications?eligibility=ineligible`, { as: 'demo-staff-thomas' });
    expect(filtered.body.items.map((a: { structureName: string }) => a.structureName)).toEqual(["L'Envol"]);
    const region = await api.call('GET', `/calls/${callId}/applications?region=${encodeURIComponent('Pays de la Loire')}&minScore=50`, { as: 'demo-staff-thomas' });
    expect(region.body.items.map((a: { structureName: string }) => a.structureName)).toEqual(['Erdre et Loire Initiatives']);
    const bad = await api.call('GET', `/calls/${callId}/applications?status=maybe`, { as: 'demo-staff-thomas' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.status');
  });
});
