import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { dossierNumberPattern } from '../../shared/applications/dossier-numbers';
import { commit } from '../../shared/db/transact';
import { putProfileWrite } from '../../shared/identity/repository';
import { startTestApi, type TestApi } from '../support/api';
import { pdfText } from '../support/pdf-text';

/**
 * Receipts and decision letters over HTTP: twenty applicants submit at once and get twenty distinct,
 * gapless dossier numbers; the receipt PDF holds the number, the call and the structure; each decision
 * kind has its letter, which the applicant gets only once published; the essaimé continues the thread.
 */
let api: TestApi;
const STAFF = 'demo-staff-claire';
const OTHER_REFERENT = 'demo-referent-passerelle';
const TUTOR = 'demo-tutor-michel';
const DAY = 86_400_000;
const COUNT = 20;
const applicants = Array.from({ length: COUNT }, (_, i) => `test-applicant-${String(i + 1).padStart(2, '0')}`);
const tokens = new Map<string, string>();
const appIds: string[] = [];
let callId: string;
const signedOn = new Date(Date.now() - DAY).toISOString().slice(0, 10);

const as = (userId: string) => ({ token: tokens.get(userId)! });

async function getPdf(path: string, auth: { token?: string; as?: string }) {
  const token = auth.token ?? (await api.product.tokenFor(auth.as!));
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes, json: () => JSON.parse(Buffer.from(bytes).toString('utf8')) };
}

beforeAll(async () => {
  api = await startTestApi();
  const db = api.product.deps.db;
  const staff = { userId: 'test-setup', role: 'staff' as const };
  // Twenty applicants with a profile each (as sign-up would make them), each signing in with a token.
  await commit(db, staff, applicants.map((userId, i) => putProfileWrite(db, { userId, role: 'referent', displayName: `Candidate ${i + 1}`, email: `${userId}@example.org`, organisation: `Structure ${i + 1}` })), []);
  for (const userId of applicants) tokens.set(userId, await api.product.auth.sign({ userId, role: 'referent' }));
  const seasons = (await api.call('GET', '/seasons?limit=100', { as: STAFF })).body.items as { seasonId: string; hypotheses: string[]; status: string }[];
  const season = seasons.find((s) => s.hypotheses.includes('A') && s.status !== 'closed')!;
  const created = await api.call('POST', '/calls', {
    as: STAFF,
    body: { seasonId: season.seasonId, title: 'Appel « Accusés de réception »', hypotheses: ['A'], opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString() },
  });
  expect(created.status, created.text).toBe(201);
  callId = created.body.callId;
  expect((await api.call('POST', `/calls/${callId}/open`, { as: STAFF })).status).toBe(200);
  const drafts = await Promise.all(
    applicants.map((userId, i) => {
      const input = demoApplicationInput('str_envol', signedOn, { structure: { name: `Régie Numéro ${i + 1}`, staffFte: 4 } });
      return api.call('POST', `/calls/${callId}/applications`, { ...as(userId), body: input });
    }),
  );
  for (const draft of drafts) {
    expect(draft.status, draft.text).toBe(201);
    appIds.push(draft.body.applicationId);
  }
});
afterAll(() => api.stop());

describe('dossier numbers', () => {
  it('a draft has no number and no receipt (409 APPLICATION_NOT_SUBMITTED)', async () => {
    const draft = await api.call('GET', `/applications/${appIds[0]}`, as(applicants[0]!));
    expect(draft.body.dossierNumber).toBeNull();
    const receipt = await getPdf(`/applications/${appIds[0]}/receipt.pdf`, as(applicants[0]!));
    expect(receipt.status).toBe(409);
    expect(receipt.json().error.code).toBe('APPLICATION_NOT_SUBMITTED');
  });

  it('twenty submissions at once get twenty distinct numbers of the year, with no gap', async () => {
    const results = await Promise.all(appIds.map((id, i) => api.call('POST', `/applications/${id}/submit`, as(applicants[i]!))));
    for (const r of results) expect(r.status, r.text).toBe(200);
    const numbers = results.map((r) => r.body.dossierNumber as string);
    for (const n of numbers) expect(n).toMatch(dossierNumberPattern);
    expect(new Set(numbers).size).toBe(COUNT);
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date());
    const ordinals = numbers.map((n) => {
      expect(n.startsWith(`${year}-ESS-`)).toBe(true);
      return Number(n.slice(-4));
    });
    const sorted = [...ordinals].sort((a, b) => a - b);
    expect(sorted).toEqual(Array.from({ length: COUNT }, (_, i) => sorted[0]! + i));
    const audit = await api.call('GET', `/audit/application/${appIds[0]}?limit=20`, { as: STAFF });
    const submitted = audit.body.items.find((e: { action: string }) => e.action === 'application.submitted');
    expect(submitted.changes.dossierNumber).toBe(numbers[0]);
  });
});

describe('the receipt', () => {
  it('is a PDF holding the number, the date and time in French, the call, the structure and the answers', async () => {
    const app = (await api.call('GET', `/applications/${appIds[0]}`, as(applicants[0]!))).body;
    const res = await getPdf(`/applications/${appIds[0]}/receipt.pdf`, as(applicants[0]!));
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toContain(`accuse-reception-${app.dossierNumber}.pdf`);
    const text = await pdfText(res.bytes);
    expect(text).toContain('Accusé de réception');
    expect(text).toContain(`Dossier n° ${app.dossierNumber}`);
    expect(text).toContain('Régie Numéro 1');
    expect(text).toContain('«\u00a0Appel “Accusés de réception”\u00a0»'); // no-break spaces; the title's own quotes become the inner “ ”
    expect(text).toMatch(/Dossier déposé le \d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2}\u00a0h(\u00a0\d{2})?\./);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}:\d{2}/);
    expect(text).toContain('Réponses aux critères');
    expect(text).toContain('A1.3');
  });

  it('staff get it too; another structure’s referent does not (404), nor a tutor (403)', async () => {
    expect((await getPdf(`/applications/${appIds[0]}/receipt.pdf`, { as: STAFF })).status).toBe(200);
    expect((await getPdf(`/applications/${appIds[0]}/receipt.pdf`, { as: OTHER_REFERENT })).status).toBe(404);
    expect((await getPdf(`/applications/${appIds[0]}/receipt.pdf`, as(applicants[1]!))).status).toBe(404);
    expect((await getPdf(`/applications/${appIds[0]}/receipt.pdf`, { as: TUTOR })).status).toBe(403);
  });
});

describe('decision letters', () => {
  const kinds = [
    { outcome: 'selected', rationale: 'Un consortium solide et une équipe prête à se former.', words: ['Candidature retenue', 'est retenue'] },
    { outcome: 'waitlisted', rationale: 'Un dossier solide, mais les places sont prises par des territoires plus prioritaires.', words: ["Candidature sur liste d'attente", "liste d'attente"] },
    { outcome: 'rejected', rationale: 'Le territoire ne compte pas encore de prescripteur engagé.', words: ['Candidature non retenue', "n'est pas retenue"] },
  ] as const;

  it('staff decide; before publication the applicant gets no letter (409) while staff read a draft', async () => {
    for (const criterionId of ['A1.2', 'A2.3']) {
      const verified = await api.call('POST', `/applications/${appIds[0]}/verifications`, { as: STAFF, body: { criterionId, outcome: 'verified', comment: 'Pièces examinées' } });
      expect(verified.status, verified.text).toBe(200);
    }
    for (const [i, kind] of kinds.entries()) {
      const res = await api.call('POST', `/applications/${appIds[i]}/decision`, { as: STAFF, body: { outcome: kind.outcome, rationale: kind.rationale } });
      expect(res.status, res.text).toBe(200);
    }
    const early = await getPdf(`/applications/${appIds[2]}/decision-letter.pdf`, as(applicants[2]!));
    expect(early.status).toBe(409);
    expect(early.json().error.code).toBe('DECISION_NOT_PUBLISHED');
    const undecided = await getPdf(`/applications/${appIds[5]}/decision-letter.pdf`, as(applicants[5]!));
    expect(undecided.json().error.code).toBe('DECISION_NOT_PUBLISHED');
    const draft = await getPdf(`/applications/${appIds[2]}/decision-letter.pdf`, { as: STAFF });
    expect(draft.status).toBe(200);
    expect(await pdfText(draft.bytes)).toContain('projet\u00a0: décision non publiée');
  });

  it('once published, each applicant downloads the letter of their decision, with the rationale written for them', async () => {
    expect((await api.call('POST', `/calls/${callId}/close`, { as: STAFF })).status).toBe(200);
    const published = await api.call('POST', `/calls/${callId}/publish-decisions`, { as: STAFF, body: { waitlistUndecided: true } });
    expect(published.status, published.text).toBe(200);
    for (const [i, kind] of kinds.entries()) {
      const app = (await api.call('GET', `/applications/${appIds[i]}`, as(applicants[i]!))).body;
      const res = await getPdf(`/applications/${appIds[i]}/decision-letter.pdf`, as(applicants[i]!));
      expect(res.status, kind.outcome).toBe(200);
      expect(res.disposition).toContain(`decision-${app.dossierNumber}.pdf`);
      const text = await pdfText(res.bytes);
      for (const word of kind.words) expect(text, kind.outcome).toContain(word);
      expect(text).toContain(`Motif\u00a0: ${kind.rationale}`);
      expect(text).toContain(`Dossier n° ${app.dossierNumber}`);
      expect(text).not.toContain('projet');
      expect((await getPdf(`/applications/${appIds[i]}/decision-letter.pdf`, { as: OTHER_REFERENT })).status).toBe(404);
    }
  });

  it("the essaimé continues its application's thread", async () => {
    const app = (await api.call('GET', `/applications/${appIds[0]}`, as(applicants[0]!))).body;
    expect(app.essaimeId).toMatch(/^ess_/);
    const posted = await api.call('POST', `/threads/${appIds[0]}/messages`, { ...as(applicants[0]!), body: { text: 'Merci ! Quand commence la formation ?' } });
    expect(posted.status, posted.text).toBe(201);
    const viaEssaime = await api.call('GET', `/threads/${app.essaimeId}`, as(applicants[0]!));
    expect(viaEssaime.status, viaEssaime.text).toBe(200);
    expect(viaEssaime.body).toMatchObject({ threadId: appIds[0], applicationId: appIds[0], essaimeId: app.essaimeId, messageCount: 1 });
  });
});
