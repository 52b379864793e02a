import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/** The guide d'essaimage: marking by the tutor, review by staff, export as Markdown and PDF without names. */
let api: TestApi;
let seasonId: string;
let passerelleId: string;
let requestId: string;
let entryId: string;

const staff = { as: 'demo-staff-claire' };
const referent = { as: 'demo-referent-passerelle' };
const michel = { as: 'demo-tutor-michel' };

/** Names present in the raw request and answer below, or tied to Passerelle: none may reach the guide. */
const NAMES = ['Passerelle', 'Karim', 'Haddad', 'Nadia', 'Benali', 'Thiers', 'Michel', 'Lacoste', 'Élodie', 'Fabre', 'Coutellerie Dumas'];

const QUESTION = 'Comment présenter la méthode à une entreprise qui a déjà été déçue par une structure d’insertion ?';
const ANSWER = 'Reconnaître la déception, proposer un seul candidat présélectionné pour un poste réel et revenir vers l’employeur dans la semaine qui suit le démarrage.';

/** The text a PDF draws: inflate each content stream and decode its hex-string text operators. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  let text = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) text += `${Buffer.from(hex[1]!, 'hex').toString('latin1')}\n`;
  }
  return text;
}

beforeAll(async () => {
  api = await startTestApi();
  const seasons = await api.call('GET', '/seasons?limit=10', staff);
  seasonId = seasons.body.items.find((s: { year: number }) => s.year === demoSeasons.cohort).seasonId;
  const list = await api.call('GET', `/seasons/${seasonId}/essaimes?limit=100`, staff);
  passerelleId = list.body.items.find((e: { structureId: string }) => e.structureId === 'str_passerelle').essaimeId;
  const created = await api.call('POST', '/tutoring/requests', {
    ...referent,
    body: {
      essaimeId: passerelleId,
      subject: 'La Coutellerie Dumas ne veut plus nous voir',
      axis: 'loyalty',
      text: "Bonjour Michel, Karim Haddad (CRE de Passerelle) s'est fait éconduire par la Coutellerie Dumas à Thiers, déçue par une autre structure. Élodie Fabre pense qu'il faut insister. Qu'en pensez-vous ? Nadia Benali, nadia.benali@passerelle.example",
      urgency: 'high',
    },
  });
  requestId = created.body.requestId;
});
afterAll(() => api.stop());

describe('marking a Q&A for the guide', () => {
  it('refuses an unanswered request (422)', async () => {
    const res = await api.call('POST', `/tutoring/requests/${requestId}/guide`, { ...michel, body: { question: QUESTION, answer: ANSWER } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NOT_ANSWERED');
    await api.call('POST', `/tutoring/requests/${requestId}/messages`, {
      ...michel,
      body: { text: "Nadia, que Karim retourne voir la Coutellerie Dumas avec un seul candidat et rappelle dans la semaine. Michel" },
    });
  });

  it('refuses a wording that names the structure, a place, a person, or gives contact details (422, field paths)', async () => {
    const cases = [
      { question: 'Comment Passerelle peut-elle relancer une entreprise déçue ?', answer: ANSWER, path: 'body.question' },
      { question: QUESTION, answer: 'Karim doit revenir avec un seul candidat présélectionné.', path: 'body.answer' },
      { question: 'Comment relancer une coutellerie de Thiers déçue ?', answer: ANSWER, path: 'body.question' },
      { question: QUESTION, answer: 'Demander conseil à ÉLODIE avant la visite de relance.', path: 'body.answer' },
      { question: QUESTION, answer: 'Écrire à contact@acor.example pour un modèle de relance.', path: 'body.answer' },
    ];
    for (const { path, ...body } of cases) {
      const res = await api.call('POST', `/tutoring/requests/${requestId}/guide`, { ...michel, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe('GUIDE_WORDING_NOT_GENERALISED');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  it('refuses another tutor (404) and a referent (403)', async () => {
    expect((await api.call('POST', `/tutoring/requests/${requestId}/guide`, { as: 'demo-tutor-isabelle', body: { question: QUESTION, answer: ANSWER } })).status).toBe(404);
    expect((await api.call('POST', `/tutoring/requests/${requestId}/guide`, { ...referent, body: { question: QUESTION, answer: ANSWER } })).status).toBe(403);
  });

  it('accepts a generalised wording, with review hints for names it cannot know', async () => {
    const res = await api.call('POST', `/tutoring/requests/${requestId}/guide`, {
      ...michel,
      body: { question: 'Comment relancer une entreprise comme Dumas, déçue par une autre structure ?', answer: ANSWER },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'proposed', axis: 'loyalty', requestId, version: 1 });
    expect(res.body.reviewHints).toContain('Dumas');
    expect(res.body).not.toHaveProperty('sensitiveTerms');
    entryId = res.body.guideEntryId;
    // The tutor rewords while it is not reviewed.
    const reworded = await api.call('POST', `/tutoring/requests/${requestId}/guide`, { ...michel, body: { question: QUESTION, answer: ANSWER } });
    expect(reworded.body).toMatchObject({ guideEntryId: entryId, version: 2, question: QUESTION, reviewHints: [] });
    expect((await api.call('GET', `/tutoring/requests/${requestId}`, michel)).body.guideEntryId).toBe(entryId);
  });
});

describe('staff review', () => {
  it('lists proposed entries of the season (paginated), staff only', async () => {
    const res = await api.call('GET', `/seasons/${seasonId}/guide/entries?status=proposed&limit=1`, staff);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const rest = await api.call('GET', `/seasons/${seasonId}/guide/entries?status=proposed&limit=10&cursor=${res.body.nextCursor}`, staff);
    const ids = [...res.body.items, ...rest.body.items].map((e: { guideEntryId: string }) => e.guideEntryId);
    expect(ids).toContain(entryId);
    expect(ids.length).toBeGreaterThanOrEqual(2); // the seeded one too
    expect((await api.call('GET', `/seasons/${seasonId}/guide/entries`, michel)).status).toBe(403);
  });

  it('leaves proposed entries out of the export', async () => {
    const md = await api.call('GET', `/seasons/${seasonId}/guide/export/markdown`, staff);
    expect(md.status).toBe(200);
    expect(md.text).not.toContain(QUESTION);
    expect(md.text).not.toContain('Faut-il prendre rendez-vous'); // the seeded, unreviewed entry
  });

  it('refuses names in an edit, a stale edit; accepts the review, audited', async () => {
    const named = await api.call('PATCH', `/guide/entries/${entryId}`, { ...staff, body: { expectedVersion: 2, answer: 'Voir ce que Nadia Benali en pense.' } });
    expect(named.status).toBe(422);
    const reviewed = await api.call('PATCH', `/guide/entries/${entryId}`, { ...staff, body: { expectedVersion: 2, status: 'reviewed', answer: `${ANSWER} Garder une trace écrite de chaque relance.` } });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'reviewed', reviewedBy: 'demo-staff-claire', version: 3 });
    expect((await api.call('PATCH', `/guide/entries/${entryId}`, { ...staff, body: { expectedVersion: 2, status: 'rejected' } })).status).toBe(409);
    const tutorAfter = await api.call('POST', `/tutoring/requests/${requestId}/guide`, { ...michel, body: { question: QUESTION, answer: ANSWER } });
    expect(tutorAfter.status).toBe(409);
    expect(tutorAfter.body.error.code).toBe('GUIDE_ENTRY_ALREADY_REVIEWED');
    const audit = await api.call('GET', `/audit/guide-entry/${entryId}`, staff);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['guide-entry.reviewed', 'guide-entry.reworded', 'guide-entry.proposed']);
  });

  it('leaves rejected entries out of the export', async () => {
    const seeded = (await api.call('GET', `/seasons/${seasonId}/guide/entries?status=proposed`, staff)).body.items[0];
    const res = await api.call('PATCH', `/guide/entries/${seeded.guideEntryId}`, { ...staff, body: { expectedVersion: seeded.version, status: 'rejected' } });
    expect(res.status).toBe(200);
    expect((await api.call('GET', `/seasons/${seasonId}/guide/export/markdown`, staff)).text).not.toContain(seeded.question);
  });
});

describe('export', () => {
  it('Markdown: only reviewed entries, under their axis, in programme order, and no name from the request', async () => {
    const res = await api.call('GET', `/seasons/${seasonId}/guide/export/markdown`, staff);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/markdown');
    expect(res.headers.get('content-disposition')).toContain(`guide-essaimage-${demoSeasons.cohort}.md`);
    const md = res.text;
    const headings = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      '1. Prospecter les entreprises (« aller-vers »)',
      '2. Fidéliser les entreprises',
      "3. Accompagner les demandeurs d'emploi (PER)",
      '4. Mettre en relation offres et candidats',
      '5. Transformer la structure',
    ]);
    const loyalty = md.slice(md.indexOf('## 2.'), md.indexOf('## 3.'));
    expect(loyalty).toContain(`### ${QUESTION}`);
    expect(loyalty).toContain('Garder une trace écrite de chaque relance.');
    expect(md.match(/^### /gm)).toHaveLength(1);
    for (const name of [...NAMES, 'Dumas', 'nadia.benali']) expect(md).not.toContain(name);
  });

  it('PDF: a valid document holding the same content, without names', async () => {
    const res = await api.call('GET', `/seasons/${seasonId}/guide/export/pdf`, staff);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await (await fetch(`${api.url}/seasons/${seasonId}/guide/export/pdf`, {
      headers: { authorization: `Bearer ${await api.product.tokenFor('demo-staff-claire')}` },
    })).arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Guide d'essaimage de la méthode A.CO.R.");
    const text = pdfText(bytes);
    expect(text).toContain('2. Fidéliser les entreprises');
    expect(text).toContain('Reconnaître la déception');
    for (const name of [...NAMES, 'Dumas']) expect(text).not.toContain(name);
  });

  it('is staff-only, and 404 for an unknown season', async () => {
    expect((await api.call('GET', `/seasons/${seasonId}/guide/export/markdown`, michel)).status).toBe(403);
    expect((await api.call('GET', `/seasons/${seasonId}/guide/export/pdf`, referent)).status).toBe(403);
    expect((await api.call('GET', '/seasons/sea_unknown-season/guide/export/markdown', staff)).status).toBe(404);
  });
});
