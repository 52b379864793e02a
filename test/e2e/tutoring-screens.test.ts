import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, jsErrors, navTo, screenshot, settled, startE2E, text, type E2E } from './browser';

/**
 * Tutoring from the browser: a tutor's capacity, availability and expertise, the essaimé's tutor by name, its
 * needs, the assignment history, and the end of a tutoring behind its dialog.
 */
let e2e: E2E;
const STAFF = 'demo-staff-claire';
let essaimeId = '';

beforeAll(async () => {
  e2e = await startE2E();
  const essaimes = (await e2e.api.call('GET', '/tutors/demo-tutor-michel/essaimes', { as: STAFF })).body.items as { essaimeId: string }[];
  essaimeId = essaimes[0]!.essaimeId;
});

afterAll(async () => {
  await e2e?.stop();
});

describe('tutoring screens', () => {
  it('staff edit a tutor’s availability, capacity and expertise; the tutor sees their own entry', async () => {
    const page = await e2e.signIn(STAFF, '/tutorat');
    await page.getByRole('link', { name: 'Michel Lacoste' }).click();
    await page.getByRole('heading', { name: 'Michel Lacoste', level: 1 }).waitFor();
    await settled(page);
    const form = page.getByRole('form', { name: 'Modifier la fiche du tuteur' });
    await form.getByLabel('Disponible pour de nouvelles structures').uncheck();
    await form.getByLabel('Précision sur la disponibilité').fill('Congé jusqu’au 15 janvier');
    await form.getByLabel('Capacité (essaimés suivis au plus)').fill('4');
    await form.getByLabel(/^Expertise\s:\sProspecter/).selectOption('3');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('notice').getByText('Fiche du tuteur enregistrée.').waitFor();
    expect(await text(page.locator('dl'))).toContain('Non (Congé jusqu’au 15 janvier)');
    await page.locator('section', { has: page.getByRole('heading', { name: 'Structures suivies' }) }).locator('tbody tr').first().waitFor();
    await screenshot(page, 'staff-tutor');
    await expectAccessible(page, 'tutor page');

    const tutor = await e2e.signIn('demo-tutor-michel');
    await navTo(tutor, 'Ma fiche de tuteur');
    await tutor.getByText('Non (Congé jusqu’au 15 janvier)').waitFor();
    expect(await tutor.getByRole('form', { name: 'Modifier la fiche du tuteur' }).count()).toBe(0);
    expect(jsErrors(page)).toEqual([]);
  });

  it('the essaimé page names its tutor, staff edit its needs, read the history and end the tutoring', async () => {
    const page = await e2e.signIn(STAFF, `/structure-essaimee/${essaimeId}`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Tutorat', exact: true }) });
    await section.getByText('Michel Lacoste').first().waitFor();

    await section.getByText('Modifier les besoins de la structure').click();
    const needs = section.getByRole('form', { name: 'Besoins de la structure' });
    const matching = needs.locator('fieldset', { has: page.locator('legend', { hasText: /^Mettre en relation/ }) });
    await matching.getByLabel('Priorité').fill('9');
    await needs.getByRole('button', { name: 'Enregistrer les besoins' }).click();
    await needs.getByTestId('error-summary').waitFor();
    await matching.getByLabel('Priorité').fill('1');
    await matching.getByLabel('Précisions').fill('Trouver des entreprises du bassin thiernois');
    await needs.getByRole('button', { name: 'Enregistrer les besoins' }).click();
    await page.getByTestId('notice').getByText('Besoins enregistrés.').waitFor();

    const history = section.getByRole('table', { name: 'Historique des assignations de tuteur' });
    expect(await text(history)).toContain('Michel Lacoste');

    await section.getByRole('button', { name: 'Mettre fin au tutorat' }).click();
    const dialog = page.getByRole('dialog', { name: /^Mettre fin au tutorat de Michel Lacoste/ });
    await dialog.getByText(/demandes ouvertes de la structure seront closes/).waitFor();
    await screenshot(page, 'staff-release-tutor-dialog');
    await expectAccessible(page, 'release dialog');
    await dialog.getByRole('button', { name: 'Mettre fin au tutorat' }).click();
    await page.getByTestId('notice').getByText(/Tutorat terminé pour/).waitFor();
    await section.getByText('À assigner').waitFor();
    await settled(page);
    await expect.poll(async () => text(section.getByRole('table', { name: 'Historique des assignations de tuteur' }))).toContain('Fin du tutorat');
    expect(jsErrors(page)).toEqual([]);
  });
});
