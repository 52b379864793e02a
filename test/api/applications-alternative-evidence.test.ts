import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

/**
 * An equivalent to the board president's signature (A4.2: the study gives the signature as an example) over
 * HTTP on the demo's open call: the applicant may give it and submit, selection waits until staff verify it,
 * staff may refuse it; no other criterion accepts one, and a signature still needs no verification.
 */
let api: TestApi;
const staff = 'demo-staff-claire';
const applicant = 'demo-applicant-envol';
let callId: string;
let appId: string;
const board = { kind: 'alternative', description: 'Délibération du conseil d’administration approuvant l’entrée dans l’essaimage', documentRef: 'deliberation-ca.pdf' };

beforeAll(async () => {
  api = await startTestApi();
  callId = (await api.call('GET', '/calls?limit=100', { as: staff })).body.items[0].callId;
  appId = (await api.call('GET', '/me/applications', { as: applicant })).body.items[0].applicationId;
});
afterAll(() => api?.stop());

const application = async (as = staff) => (await api.call('GET', `/applications/${appId}`, { as })).body;
const resultOf = (app: { eligibility: { results: { criterionId: string }[] } }, id: string) => app.eligibility.results.find((r) => r.criterionId === id);
const verify = (criterionId: string, outcome: 'verified' | 'not_verified', comment = 'Pièce examinée.') =>
  api.call('POST', `/applications/${appId}/verifications`, { as: staff, body: { criterionId, outcome, comment } });

describe('an equivalent to the president’s signature', () => {
  it('is shown on the call’s criteria, for A4.2 and B3.2 only', async () => {
    const call = (await api.call('GET', `/calls/${callId}`, { as: applicant })).body;
    const withAlternative = call.criteria.filter((c: { alternativeEvidence?: string }) => c.alternativeEvidence).map((c: { criterionId: string }) => c.criterionId);
    expect(withAlternative).toEqual(['A4.2', 'B3.2']);
  });

  it('is refused on a criterion that accepts none, and nothing is saved', async () => {
    const draft = await application(applicant);
    const res = await api.call('PATCH', `/applications/${appId}`, { as: applicant, body: { expectedVersion: draft.version, answers: { 'A5.2': board } } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'INVALID_ANSWER', details: [{ path: 'body.answers.A5.2.kind', code: 'ALTERNATIVE_NOT_ACCEPTED' }] });
    expect((await application(applicant)).version).toBe(draft.version);
  });

  it('lets the applicant submit; selection waits for staff, who may refuse it or accept it', async () => {
    const draft = await application(applicant);
    const saved = await api.call('PATCH', `/applications/${appId}`, {
      as: applicant,
      body: { expectedVersion: draft.version, answers: { 'A1.3': { kind: 'number', value: 2.5 }, 'A4.2': board } },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(resultOf(saved.body, 'A4.2')).toMatchObject({ status: 'met', alternative: true, verification: 'pending' });
    const submitted = await api.call('POST', `/applications/${appId}/submit`, { as: applicant });
    expect(submitted.status, submitted.text).toBe(200);

    for (const id of ['A1.2', 'A2.3']) expect((await verify(id, 'verified')).status).toBe(200);
    const waiting = await api.call('POST', `/applications/${appId}/decision`, { as: staff, body: { outcome: 'selected', rationale: 'Consortium solide.' } });
    expect(waiting.status).toBe(422);
    expect(waiting.body.error).toMatchObject({ code: 'VERIFICATION_PENDING', details: [{ path: 'verifications.A4.2' }] });

    const refused = await verify('A4.2', 'not_verified', 'Procès-verbal non signé.');
    expect(refused.status, refused.text).toBe(200);
    expect(refused.body.eligibility.status).toBe('ineligible');
    expect(resultOf(refused.body, 'A4.2')).toMatchObject({ status: 'unmet', code: 'ALTERNATIVE_NOT_VERIFIED' });

    const accepted = await verify('A4.2', 'verified', 'Délibération signée du 12 mars.');
    expect(accepted.body.eligibility.status).toBe('eligible');
    expect(resultOf(accepted.body, 'A4.2')).toMatchObject({ status: 'met', verification: 'verified', alternative: true });
    const selected = await api.call('POST', `/applications/${appId}/decision`, { as: staff, body: { outcome: 'selected', rationale: 'Consortium solide.' } });
    expect(selected.status, selected.text).toBe(200);
  });

  it('leaves the default unchanged: a signature needs no verification, so staff cannot verify it', async () => {
    const list = (await api.call('GET', `/calls/${callId}/applications?limit=100`, { as: staff })).body.items as { applicationId: string; structureName: string }[];
    const signed = list.find((a) => a.structureName === 'Erdre et Loire Initiatives')!;
    const res = await api.call('POST', `/applications/${signed.applicationId}/verifications`, { as: staff, body: { criterionId: 'A4.2', outcome: 'verified', comment: '' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CRITERION_NOT_VERIFIABLE');
    const app = (await api.call('GET', `/applications/${signed.applicationId}`, { as: staff })).body;
    expect(resultOf(app, 'A4.2')).toMatchObject({ status: 'met', alternative: false, verification: null });
  });
});
