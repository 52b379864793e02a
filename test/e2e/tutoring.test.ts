import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, jsErrors, navTo, screenshot, settled, startE2E, text, type E2E } from './browser';
import { errorMessages } from '../../web/src/i18n/error-messages';

/**
 * Tutoring in a real browser: the referent asks the tutor; the tutor answers and marks the exchange for the
 * guide (generalised wording); the referent closes it with a rating; staff review the guide entry and export
 * the guide; staff add a tutor to the directory and assign them from the suggestions.
 */
let e2e: E2E;
let requestPath = '';

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe('tutoring', () => {
  it('the referent asks their tutor', async () => {
    const page = await e2e.signIn('demo-referent-passerelle');
    await navTo(page, 'Demandes au tuteur');
    expect(await heading(page)).toBe('Demandes au tuteur');
    const form = page.getByRole('form', { name: 'Nouvelle demande au tuteur' });
    await form.getByLabel('Objet').fill('Fidéliser les TPE après un premier recrutement');
    await form.getByLabel('Axe concerné').selectOption('loyalty');
    await form.getByLabel('Urgence').selectOption('high');
    await form.getByLabel('Votre question').fill('Comment garder le contact avec une TPE qui a recruté une fois, sans la solliciter trop souvent ?');
    await form.getByRole('button', { name: 'Envoyer au tuteur' }).click();
    await page.waitForURL(/\/demandes\/trq_/);
    requestPath = new URL(page.url()).pathname;
    expect(await heading(page)).toBe('Fidéliser les TPE après un premier recrutement');
    await page.getByText('En attente de réponse').waitFor();
    await screenshot(page, 'referent-request');
    await expectAccessible(page, 'referent request');
  });

  it('the tutor sees it first in their list, answers and marks it for the guide', async () => {
    const page = await e2e.signIn('demo-tutor-michel');
    await navTo(page, 'Demandes');
    expect(await heading(page)).toBe('Demandes des référents');
    await settled(page);
    const mine = page.locator('tbody tr', { hasText: 'Fidéliser les TPE' });
    expect(await text(mine)).toContain('Urgence haute');
    // Overdue requests first, then the most urgent.
    const rows = await page.locator('tbody tr').allTextContents();
    const rank = (row: string) => (row.includes('En retard') ? 0 : 1) * 10 + (row.includes('Urgence haute') ? 0 : row.includes('Urgence normale') ? 1 : 2);
    expect(rows.map(rank)).toEqual([...rows.map(rank)].sort((a, b) => a - b));
    const first = mine;
    await screenshot(page, 'tutor-requests');
    await expectAccessible(page, 'tutor requests');
    await first.getByRole('link').click();
    await page.getByRole('form', { name: 'Répondre' }).getByLabel('Votre message').fill(
      'Un appel de courtoisie un mois après l’embauche, puis un point trimestriel : le CRE propose un nouveau candidat seulement quand une offre se présente.',
    );
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.locator('.subtitle').getByText('Répondue').waitFor();
    await page.getByRole('list', { name: 'Fil de la demande' }).getByText('Un appel de courtoisie').waitFor();

    // Marking for the guide: the wording must be general; naming the structure is refused at the field.
    const guide = page.getByRole('form', { name: 'Proposer pour le guide' });
    await guide.getByLabel('Question, généralisée').fill('Comment Passerelle peut-elle fidéliser une TPE après un premier recrutement ?');
    await guide.getByLabel('Réponse, généralisée').fill('Un appel de courtoisie un mois après l’embauche, puis un point trimestriel, sans solliciter plus souvent.');
    await guide.getByRole('button', { name: 'Proposer pour le guide' }).click();
    await guide.locator('[data-field="question"] .field-message').waitFor();
    expect(await text(guide.locator('[data-field="question"] .field-message'))).toContain('Retirez ce nom propre');
    expect(await guide.getByLabel('Réponse, généralisée').inputValue()).toContain('Un appel de courtoisie');
    await screenshot(page, 'tutor-guide-refused');
    await guide.getByLabel('Question, généralisée').fill('Comment fidéliser une TPE après un premier recrutement ?');
    await guide.getByRole('button', { name: 'Proposer pour le guide' }).click();
    await page.getByTestId('notice').getByText('Proposée pour le guide').waitFor();
    await screenshot(page, 'tutor-request');
    await expectAccessible(page, 'tutor request thread');
    expect(jsErrors(page)).toEqual([]);
  });

  it('the referent reads the answer and closes the request with a rating', async () => {
    const page = await e2e.signIn('demo-referent-passerelle', `${requestPath}`);
    await page.getByText('Un appel de courtoisie').waitFor();
    const close = page.getByRole('form', { name: 'Clore la demande' });
    await close.getByRole('button', { name: 'Clore la demande' }).click();
    await close.locator('[data-field="rating"] .field-message').waitFor();
    await close.getByLabel('5 / 5').check();
    await close.getByRole('button', { name: 'Clore la demande' }).click();
    await page.getByText('utilité de la réponse : 5 / 5').waitFor();
  });

  it('staff review the guide entry and export the guide', async () => {
    const page = await e2e.signIn('demo-staff-claire');
    await navTo(page, 'Guide d’essaimage');
    expect(await heading(page)).toBe('Guide d’essaimage');
    await settled(page);
    const entry = page.getByRole('form', { name: /Fiche du guide : Comment fidéliser une TPE/ });
    await entry.getByLabel('Statut').selectOption('reviewed');
    await entry.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await entry.waitFor({ state: 'detached' });
    await page.getByLabel('Fiches', { exact: true }).selectOption('reviewed');
    await page.getByRole('form', { name: /Fiche du guide : Comment fidéliser une TPE/ }).waitFor();
    await screenshot(page, 'staff-guide');
    await expectAccessible(page, 'guide editor');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Exporter le guide \(PDF\)/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    await page.getByText(/téléchargé/).first().waitFor();
  });

  it('staff see the tutor suggestions with their reasons and assign one; the directory refuses a duplicate in French', async () => {
    const page = await e2e.signIn('demo-staff-thomas');
    await navTo(page, 'Tutorat');
    expect(await heading(page)).toBe('Tutorat');
    await settled(page);
    const add = page.getByRole('form', { name: 'Ajouter un tuteur à l’annuaire' });
    await add.getByLabel('Identifiant du compte').fill('demo-tutor-isabelle');
    await add.getByRole('button', { name: 'Ajouter à l’annuaire' }).click();
    await add.getByTestId('error-summary').getByText(errorMessages.TUTOR_EXISTS).waitFor();
    expect(await add.getByLabel('Identifiant du compte').inputValue()).toBe('demo-tutor-isabelle');

    const jura = page.locator('tbody tr', { hasText: 'Jura Service' }).first();
    await jura.getByText(/score \d+ \/ 100/).waitFor();
    await jura.getByText(/Besoin prioritaire/).waitFor();
    await screenshot(page, 'staff-tutoring');
    await expectAccessible(page, 'tutoring page');
    const button = jura.getByRole('button', { name: /^Assigner / });
    const name = ((await button.textContent()) ?? '').replace(/^Assigner /, '').trim();
    await button.click();
    await page.getByTestId('notice').getByText(`${name} est désormais tuteur`).waitFor();
    expect(jsErrors(page)).toEqual([]);
  });
});
