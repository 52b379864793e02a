import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCalendar } from '../../scripts/seed/demo-calendar';
import { expectAccessible, jsErrors, screenshot, settled, startE2E, text, type E2E } from './browser';

/**
 * The application form as a candidate uses it, at a laptop's and a phone's width: a draft saved with only
 * the structure's name and one criterion, still there after a reload and from the home page; a submission
 * refused with the list of what is missing, each item a link to its field; the form completed (the staff
 * figure typed once, with a decimal comma or point), submitted, and the receipt shown and downloaded.
 */
let e2e: E2E;
let callId = '';
const STAFF = 'demo-staff-claire';
const DAY = 86_400_000;

beforeAll(async () => {
  e2e = await startE2E();
  const season = (await e2e.api.call('GET', '/seasons', { as: STAFF })).body.items.find((s: { year: number }) => s.year === demoCalendar(new Date()).callSeason.year);
  const call = await e2e.api.call('POST', '/calls', {
    as: STAFF,
    body: { seasonId: season.seasonId, title: 'Appel « Brouillons »', hypotheses: ['A'], opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString() },
  });
  callId = call.body.callId;
  expect((await e2e.api.call('POST', `/calls/${callId}/open`, { as: STAFF })).status).toBe(200);
});

afterAll(async () => {
  await e2e?.stop();
});

const draftForm = (page: Page) => page.getByRole('form', { name: 'Brouillon de candidature' });

/** The name of the control that has the focus. */
const focused = (page: Page) => page.evaluate(`document.activeElement && document.activeElement.getAttribute('name')`) as Promise<string | null>;

async function completeApplication(page: Page, fte: string, domain: string) {
  const form = draftForm(page);
  await form.getByLabel('Forme juridique').fill('Association loi 1901');
  await form.getByLabel('Adresse').fill('3 place du Marché, 79200 Parthenay');
  await form.getByLabel('Effectif (ETP)').fill(fte);
  await form.getByLabel('Situation budgétaire').selectOption('balanced');
  await form.getByLabel(/^Missions/).fill('Accompagnement vers l’emploi des personnes qui en sont éloignées.');
  await form.getByLabel('Public accompagné').fill('Demandeurs d’emploi de longue durée, bénéficiaires du RSA.');
  await form.getByLabel('Relations avec le service public de l’emploi').fill('Convention avec France Travail et la mission locale.');
  await form.getByLabel(/^Territoire( \*)?$/).fill('Pays de Gâtine');
  await form.getByLabel('Région').selectOption('Nouvelle-Aquitaine');
  await form.getByLabel(/^Département( \*)?$/).fill('Deux-Sèvres');
  await form.getByLabel('Code du département').fill('79');
  await form.getByLabel('Milieu').selectOption('rural');
  await form.getByLabel('Population').fill('37 000');
  await form.getByLabel('Nom du prescripteur').fill('Département des Deux-Sèvres');
  await form.getByLabel(/^Type( \*)?$/).selectOption('departement');
  for (const [group, name, role] of [
    ['Personne 1', 'Inès Morel', 'Directrice'],
    [/Référent ou référente/, 'Inès Morel', 'Directrice'],
  ] as const) {
    const person = form.getByRole('group', { name: group });
    await person.getByLabel('Nom').fill(name);
    await person.getByLabel('Fonction').fill(role);
    await person.getByLabel('Courriel').fill(`ines.morel@${domain}`);
  }
  await form.getByLabel('Prospecter les entreprises (« aller-vers »)').check();
  for (const id of ['A2.1', 'A2.2', 'A2.3', 'A3', 'A4.1']) await form.locator(`[data-criterion="${id}"]`).getByLabel('Oui', { exact: true }).check();
  for (const [id, signer] of [['A4.2', 'Marie Dupuis'], ['A5.2', 'Alain Pichon']] as const) {
    const c = form.locator(`[data-criterion="${id}"]`);
    await c.getByRole('checkbox', { name: /^Signé par/ }).check();
    await c.getByLabel('Nom du ou de la signataire').fill(signer);
    await c.getByLabel('Date de signature').fill(new Date(Date.now() - DAY).toISOString().slice(0, 10));
  }
  await form.locator('[data-criterion="A5.1"]').getByLabel(/Marché préexistant/).check();
  await form.locator('[data-criterion="A5.3"]').getByRole('textbox').fill('calendrier-gatine.pdf');
}

describe.each([
  { device: 'desktop', viewport: { width: 1366, height: 900 }, user: 'demo-applicant-envol', structure: 'Avenir Emploi Gâtine', fte: '3.5', domain: 'avenir-gatine.example' },
  { device: 'phone', viewport: { width: 390, height: 844 }, user: 'demo-applicant-collectif-pes', structure: 'Collectif Emploi Bocage', fte: '3,5', domain: 'emploi-bocage.example' },
])('the application form on a $device', ({ device, viewport, user, structure, fte, domain }) => {
  let page: Page;
  let applicationId = '';

  it('saves a draft with only the name and one criterion; a reload and the home page bring it back', async () => {
    page = await e2e.signIn(user, `/candidater/${callId}`);
    await page.setViewportSize(viewport);
    await page.getByLabel('Nom de la structure').fill(structure);
    await page.getByLabel(/^Hypothèse A/).check();
    await page.getByRole('button', { name: 'Commencer la candidature' }).click();
    await page.waitForURL(/\/candidatures\/app_/);
    applicationId = new URL(page.url()).pathname.split('/').pop()!;
    await settled(page);
    await draftForm(page).locator('[data-criterion="A1.1"]').getByLabel('Oui', { exact: true }).check();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => text(page.getByTestId('notice'))).toMatch(/^Brouillon enregistré le \d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h( \d{2})?\./u);
    const saved = (await e2e.api.call('GET', `/applications/${applicationId}`, { as: STAFF })).body;
    expect(saved.answers['A1.1']).toEqual({ kind: 'yes_no', value: true });
    expect(saved.structure.name).toBe(structure);

    await page.reload();
    await settled(page);
    expect(await draftForm(page).locator('[data-criterion="A1.1"]').getByLabel('Oui', { exact: true }).isChecked()).toBe(true);
    expect(await page.locator('[data-field="structure.name"] input').inputValue()).toBe(structure);

    // Starting again offers the draft instead of a form the API would refuse (one application per call).
    await page.goto(`${e2e.url}/candidater/${callId}`);
    await settled(page);
    expect(await text(page.getByTestId('existing-application'))).toContain(`Vous avez déjà une candidature à cet appel (${structure}, brouillon).`);
    await page.goto(`${e2e.url}/`);
    await settled(page);
    await page.getByRole('link', { name: `Reprendre mon brouillon : ${structure}` }).click();
    await page.waitForURL(new RegExp(`/candidatures/${applicationId}$`));
    await settled(page);
    expect(await draftForm(page).locator('[data-criterion="A1.1"]').getByLabel('Oui', { exact: true }).isChecked()).toBe(true);
  });

  it('says at their fields what a half-filled section lacks, and saves the rest', async () => {
    await draftForm(page).getByLabel('Région').selectOption('Nouvelle-Aquitaine');
    await draftForm(page).getByLabel('Forme juridique').fill('Association loi 1901');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => text(page.getByTestId('notice'))).toContain('ne le sont pas encore');
    expect(await text(page.locator('[data-field="territory.population"] .field-message'))).toBe('À renseigner pour enregistrer le territoire.');
    const saved = (await e2e.api.call('GET', `/applications/${applicationId}`, { as: STAFF })).body;
    expect(saved.structure.legalForm).toBe('Association loi 1901');
    expect(saved.territory).toBeNull();
  });

  it('refuses the submission with the list of what is missing, each item leading to its field', async () => {
    await page.getByRole('button', { name: 'Déposer la candidature' }).click();
    await page.getByRole('dialog', { name: /^Déposer la candidature de/ }).getByRole('button', { name: 'Déposer', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByText('La candidature n’est pas complète').waitFor();
    const list = await text(summary.getByTestId('problem-list'));
    for (const expected of ['Adresse : Adresse à renseigner.', 'Effectif (ETP) : Effectif en ETP à renseigner.', 'Critère A2.1 : Critère non renseigné.', 'Personnes à former : Au moins une personne à former']) expect(list).toContain(expected);
    expect(list).not.toContain('Forme juridique');
    expect(await text(page.locator('[data-field="structure.address"] .field-message'))).toBe('Adresse à renseigner.');
    expect(await page.locator('[data-field="structure.staffFte"] input').getAttribute('aria-invalid')).toBe('true');
    // A1.3 is the structure's staff: its link leads to the one field where it is typed.
    await summary.getByRole('link', { name: 'Critère A1.3' }).click();
    expect(await focused(page)).toBe('structure.staffFte');
    await summary.getByRole('link', { name: 'Adresse' }).click();
    expect(await focused(page)).toBe('structure.address');
    await summary.getByRole('link', { name: 'Personnes à former' }).click();
    expect(await focused(page)).toBe('people.0.name');
    await screenshot(page, `application-draft-refused-${device}`);
  });

  it('asks the staff once, accepts a decimal comma or point, submits and shows the receipt', async () => {
    await completeApplication(page, fte, domain);
    const a13 = page.getByTestId('linked-A1.3');
    await expect.poll(() => text(a13)).toContain('3,5 ETP');
    expect(await page.locator('[data-criterion="A1.3"] input').count()).toBe(0);
    await expect.poll(() => text(page.getByTestId('feedback-A1.3'))).toContain('3,5 ETP déclarés');
    await expect.poll(() => text(page.getByTestId('live-eligibility'))).toContain('Éligible');
    await a13.getByRole('link', { name: 'modifier dans la section Structure' }).click();
    expect(await focused(page)).toBe('structure.staffFte');
    await expectAccessible(page, `application form (${device})`);

    await page.getByRole('button', { name: 'Déposer la candidature' }).click();
    await page.getByRole('dialog', { name: /^Déposer la candidature de/ }).getByRole('button', { name: 'Déposer', exact: true }).click();
    await page.getByTestId('submitted-notice').waitFor();
    const receipt = page.locator('.dossier-files');
    const dossierNumber = (await receipt.getAttribute('data-dossier-number'))!;
    expect(dossierNumber).toMatch(/^\d{4}-ESS-\d{4}$/);
    expect(await text(page.getByTestId('submitted-notice'))).toContain(`n° ${dossierNumber}`);
    expect(await text(page.getByTestId('submitted-at'))).toMatch(/^Dossier déposé le \d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h/u);
    const button = receipt.getByRole('button', { name: 'Télécharger l’accusé de réception (PDF)' });
    const [download] = (await Promise.all([page.waitForEvent('download'), button.click()])) as [Download, undefined];
    expect(download.suggestedFilename()).toBe(`accuse-reception-${dossierNumber}.pdf`);
    const submitted = (await e2e.api.call('GET', `/applications/${applicationId}`, { as: STAFF })).body;
    expect(submitted.structure.staffFte).toBe(3.5);
    expect(submitted.answers['A1.3']).toEqual({ kind: 'number', value: 3.5 });
    const body = await text(page.locator('main'));
    for (const vague of ['Saisissez un nombre', 'Valeur non valide']) expect(body).not.toContain(vague);
    await screenshot(page, `application-draft-receipt-${device}`);
    expect(jsErrors(page)).toEqual([]);
  });
});
