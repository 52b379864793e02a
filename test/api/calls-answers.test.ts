import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCriteriaFor } from '../../shared/calls/defaults';
import { startTestApi, type TestApi } from '../support/api';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/**
 * The answers of the call and application routes the other files reach only through refusals: each is
 * checked against its declared schema by the wrapper (CHECK_ANSWERS), and shows no staff-only field to
 * applicants.
 */
let api: TestApi;
let callId: string;
let envolAppId: string;
const STAFF = 'demo-staff-claire';
const APPLICANT = 'demo-applicant-envol';

beforeAll(async () => {
  api = await startTestApi();
  const seasons = await api.call('GET', '/seasons', { as: STAFF });
  const season2020 = seasons.body.items.find((s: { year: number }) => s.year === demoSeasons.call);
  callId = (await api.call('GET', `/calls?seasonId=${season2020.seasonId}`, { as: APPLICANT })).body.items[0].callId;
  envolAppId = (await api.call('GET', '/me/applications', { as: APPLICANT })).body.items[0].applicationId;
});
afterAll(() => api.stop());

describe('answers of calls', () => {
  it('lists every call as a page, without who created it', async () => {
    for (const as of [STAFF, APPLICANT, 'demo-tutor-michel']) {
      const res = await api.call('GET', '/calls?limit=5', { as });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: expect.any(Array), nextCursor: null });
      expect(res.body.items.map((c: { callId: string }) => c.callId)).toContain(callId);
      for (const call of res.body.items) expect(call.createdBy).toBeUndefined();
    }
  });

  it('versions the criteria of an open call (201, the call in its new version)', async () => {
    const call = (await api.call('GET', `/calls/${callId}`, { as: STAFF })).body;
    const res = await api.call('POST', `/calls/${callId}/criteria-versions`, {
      as: STAFF,
      body: { expectedVersion: call.version, criteria: defaultCriteriaFor(['A', 'B']), reason: 'Précision des seuils' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ criteriaVersion: call.criteriaVersion + 1, version: call.version + 1 });
    const versions = await api.call('GET', `/calls/${callId}/criteria-versions`, { as: APPLICANT });
    expect(versions.body.currentVersion).toBe(call.criteriaVersion + 1);
    expect(versions.body.versions.every((v: { createdBy?: string }) => v.createdBy === undefined)).toBe(true);
  });
});

describe('answers of applications', () => {
  it('the applicant reads their application and its eligibility; withdrawing answers the applicant view', async () => {
    const own = await api.call('GET', `/applications/${envolAppId}`, { as: APPLICANT });
    expect(own.status).toBe(200);
    expect(own.body.reviewerUserIds).toBeUndefined();
    const eligibility = await api.call('GET', `/applications/${envolAppId}/eligibility`, { as: APPLICANT });
    expect(eligibility.body).toMatchObject({ status: 'ineligible', criteriaVersion: expect.any(Number), checkedAt: expect.any(String) });
    const withdrawn = await api.call('POST', `/applications/${envolAppId}/withdraw`, { as: APPLICANT });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', decision: null });
    expect(withdrawn.body.score).toBeUndefined();
    const again = await api.call('POST', `/applications/${envolAppId}/withdraw`, { as: APPLICANT });
    expect(again.body.error.code).toBe('APPLICATION_WITHDRAWN');
  });

  it('staff get the ranked list as a page of summaries', async () => {
    const res = await api.call('GET', `/calls/${callId}/applications?limit=2`, { as: STAFF });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(typeof res.body.nextCursor).toBe('string');
    const next = await api.call('GET', `/calls/${callId}/applications?limit=2&cursor=${encodeURIComponent(res.body.nextCursor)}`, { as: STAFF });
    expect(next.status).toBe(200);
  });
});
