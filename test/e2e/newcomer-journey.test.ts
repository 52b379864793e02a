import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { sampleFiles } from '../support/attachments';
import { pdfText } from '../support/pdf-text';
import { go, heading, jsErrors, screenshot, settled, startE2E, text, type E2E } from './browser';

/**
 * Issue 10's first "Done when", in a real browser: a new person creates an account, applies with documents
 * attached to the criteria that need evidence and gets a receipt; staff open those documents while
 * verifying, decide and publish; the applicant downloads the decision letter and writes to Ansa in the
 * thread; staff answer. Setting up the call and filling the answers of the draft go through the API (the
 * same requests the screens send; their screens have e2e tests of their own), every other step is clicked.
 */
let e2e: E2E;
let callId: string;
let applicant: Page;
let applicationPath = '';
let dossierNumber = '';
const STAFF = 'demo-staff-claire';
const DAY = 86_400_000;
const RATIONALE = 'Un consortium solide autour du Pays de Gâtine et une équipe prête à se former.';

beforeAll(async () => {
  e2e = await startE2E();
  const seasons = (await e2e.api.call('GET', '/seasons?limit=100', { as: STAFF })).body.items as { seasonId: string; hypotheses: string[]; status: string }[];
  const season = seasons.find((s) => s.hypotheses.includes('A') && s.status !== 'closed')!;
  const created = await e2e.api.call('POST', '/calls', {
    as: STAFF,
    body: { seasonId: season.seasonId, title: 'Appel « Nouveaux territoires »', hypotheses: ['A'], opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString() },
  });
  callId = created.body.callId;
  expect((await e2e.api.call('POST', `/calls/${callId}/open`, { as: STAFF })).status).toBe(200);
});
afterAll(async () => {
  await e2e?.stop();
});

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, undefined];
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

describe('a newcomer from sign-up to the answer of Ansa', () => {
  it('a new person creates an account and confirms it with the e-mailed code', async () => {
    applicant = await e2e.anonymous();
    applicant.setDefaultTimeout(20_000);
    await applicant.goto(`${e2e.url}/creer-un-compte`);
    const form = applicant.getByRole('form', { name: 'Créer un compte' });
    await form.getByLabel('Prénom et nom').fill('Inès Morel');
    await form.getByLabel('Structure').fill('Avenir Emploi Gâtine');
    await form.getByLabel('Adresse e-mail').fill('ines.morel@avenir-gatine.example');
    await form.getByLabel('Mot de passe').fill('Essaimage-2026!');
    await form.getByRole('button', { name: 'Créer mon compte' }).click();
    await applicant.waitForURL(/\/confirmer-mon-compte\?compte=/);
    const userId = new URL(applicant.url()).searchParams.get('compte')!;
    const outbox = await e2e.api.call('GET', '/outbox?limit=100', { as: STAFF });
    const mail = outbox.body.items.find((m: { kind: string; recipientUserId: string }) => m.kind === 'account.sign-up-code' && m.recipientUserId === userId);
    await applicant.getByLabel('Code de confirmation').fill(/: (\d{6})\n/.exec(mail.body)![1]!);
    await applicant.getByRole('button', { name: 'Confirmer' }).click();
    await applicant.locator('.shell h1').first().waitFor();
  });

  it('applies, attaches the evidence of the criteria checked on documents, submits and gets the receipt', async () => {
    await go(applicant, `${e2e.url}/candidater/${callId}`);
    await applicant.getByLabel('Nom de la structure').fill('Avenir Emploi Gâtine');
    await applicant.getByLabel(/^Hypothèse A/).check();
    await applicant.getByRole('button', { name: 'Commencer la candidature' }).click();
    await applicant.waitForURL(/\/candidatures\/app_/);
    applicationPath = new URL(applicant.url()).pathname;
    const applicationId = applicationPath.split('/').pop()!;
    // The answers of the draft, as the form saves them, with the person's own token.
    const token = (await applicant.evaluate(`sessionStorage.getItem('essaimage.token')`)) as string;
    const draft = await e2e.api.call('GET', `/applications/${applicationId}`, { token });
    const { hypothesis: _h, ...sections } = demoApplicationInput('str_air-aicm', new Date(Date.now() - DAY).toISOString().slice(0, 10), { structure: { name: 'Avenir Emploi Gâtine', staffFte: 4 } });
    const saved = await e2e.api.call('PATCH', `/applications/${applicationId}`, { token, body: { expectedVersion: draft.body.version, ...sections } });
    expect(saved.status, saved.text).toBe(200);
    await applicant.reload();
    await settled(applicant);
    for (const [criterionId, fileName] of [['A1.2', 'comptes-2025.pdf'], ['A2.3', 'deliberation-ca.pdf']] as const) {
      const evidence = applicant.locator(`[data-attachments="evidence-${criterionId}"]`);
      await evidence.scrollIntoViewIfNeeded();
      await evidence.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: sampleFiles.pdf() });
      await evidence.getByRole('button', { name: fileName, exact: true }).waitFor();
    }
    await applicant.getByRole('button', { name: 'Déposer la candidature' }).click();
    await applicant.getByRole('dialog').getByRole('button', { name: 'Déposer', exact: true }).click();
    const receipt = applicant.locator('.dossier-files');
    await receipt.getByRole('button', { name: /Télécharger l’accusé de réception/ }).waitFor();
    dossierNumber = (await receipt.getAttribute('data-dossier-number'))!;
    expect(dossierNumber).toMatch(/^\d{4}-ESS-\d{4}$/);
    expect(await text(receipt)).toContain(`Dossier n° ${dossierNumber}`);
    const file = await downloaded(applicant, () => receipt.getByRole('button', { name: /Télécharger l’accusé de réception/ }).click());
    expect(file.name).toBe(`accuse-reception-${dossierNumber}.pdf`);
    const pdf = await pdfText(file.bytes);
    for (const expected of [`Dossier n° ${dossierNumber}`, 'Avenir Emploi Gâtine', '«\u00a0Appel “Nouveaux territoires”\u00a0»', 'comptes-2025.pdf', 'deliberation-ca.pdf']) expect(pdf).toContain(expected);
    await screenshot(applicant, 'newcomer-receipt');
    expect(jsErrors(applicant)).toEqual([]);
  });

  it('staff open the documents while verifying, decide and publish', async () => {
    const staff = await e2e.signIn(STAFF, applicationPath);
    staff.setDefaultTimeout(20_000);
    expect(await heading(staff)).toBe('Avenir Emploi Gâtine');
    for (const [criterionId, fileName] of [['A1.2', 'comptes-2025.pdf'], ['A2.3', 'deliberation-ca.pdf']] as const) {
      const criterion = staff.locator(`[data-criterion="${criterionId}"]`);
      const opened = await downloaded(staff, () => criterion.getByRole('button', { name: fileName, exact: true }).click());
      expect(opened.bytes.equals(sampleFiles.pdf())).toBe(true);
      await criterion.getByRole('button', { name: 'Vérifié sur pièces' }).click();
      await criterion.getByText('Justificatif : vérifié').waitFor();
    }
    const decision = staff.getByRole('form', { name: 'Décider' });
    await decision.getByLabel('Sélectionnée').check();
    await decision.getByLabel('Motivation').fill(RATIONALE);
    await decision.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await staff.getByText('Décision enregistrée').waitFor();
    expect((await e2e.api.call('POST', `/calls/${callId}/close`, { as: STAFF })).status).toBe(200);
    await go(staff, `${e2e.url}/appels/${callId}`);
    await staff.getByRole('button', { name: 'Publier les décisions' }).click();
    await staff.getByRole('dialog').getByRole('button', { name: 'Publier et notifier' }).click();
    await staff.getByText(/publiée/i).first().waitFor();
    expect(jsErrors(staff)).toEqual([]);
  });

  it('the applicant downloads the decision letter and writes to Ansa; staff answer', async () => {
    await go(applicant, `${e2e.url}${applicationPath}`);
    const letterButton = applicant.getByRole('button', { name: /Télécharger le courrier de décision/ });
    const letter = await downloaded(applicant, () => letterButton.click());
    expect(letter.name).toBe(`decision-${dossierNumber}.pdf`);
    // French typography puts a no-break space before « : »; compared as plain spaces.
    const pdf = (await pdfText(letter.bytes)).replace(/[\u00a0\u202f]/g, ' ');
    expect(pdf).toContain('Candidature retenue');
    expect(pdf).toContain(`Motif : ${RATIONALE}`);
    const form = applicant.getByRole('form', { name: 'Écrire un message' });
    await form.getByLabel('Votre message à l’équipe Ansa').fill('Merci ! Quand aura lieu la première séance de formation ?');
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await applicant.getByText('Quand aura lieu la première séance').waitFor();

    const staff = await e2e.signIn(STAFF, '/messages');
    staff.setDefaultTimeout(20_000);
    await staff.locator('tbody tr', { hasText: 'Avenir Emploi Gâtine' }).getByRole('link', { name: 'Avenir Emploi Gâtine' }).click();
    await staff.getByText('Quand aura lieu la première séance').waitFor();
    const answer = staff.getByRole('form', { name: 'Écrire un message' });
    await answer.getByLabel('Votre message à la structure').fill('Bonjour, la première séance aura lieu le mois prochain ; vous recevrez la convocation par courriel.');
    await answer.getByRole('button', { name: 'Envoyer' }).click();
    await staff.getByText('vous recevrez la convocation').waitFor();

    await go(applicant, `${e2e.url}${applicationPath}`);
    await applicant.getByText('vous recevrez la convocation').waitFor();
    await screenshot(applicant, 'newcomer-thread');
    expect(jsErrors(applicant)).toEqual([]);
    expect(jsErrors(staff)).toEqual([]);
  });
});
