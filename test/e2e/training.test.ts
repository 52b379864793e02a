import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, jsErrors, navTo, screenshot, settled, startE2E, text, type E2E } from './browser';
import { errorMessages } from '../../web/src/i18n/error-messages';
import { demoCalendar } from '../../scripts/seed/demo-calendar';
import { addDays } from '../../shared/calendar';
import { formatDate } from '../../shared/i18n/french';

/**
 * The formation-action in a real browser: a staff member opens the cohort of the running season, adds a
 * session and records its attendance in bulk (with progress); the referent sees it on their structure's
 * training page; the cohort's progress shows the rates.
 */
let e2e: E2E;
let cohortPath = '';
const calendar = demoCalendar(new Date());
/** Within the seeded cohort's five months, already past (so its attendance can be recorded). */
const sessionDate = addDays(calendar.trainingStart, 101);
const sessionDay = formatDate(sessionDate);
/** Passerelle's attendance after this walk: its 3 people present at every recorded session but Karim at the added one. */
const seededSessionDates = [0, 1, 2, 3, 4].flatMap((i) => [addDays(calendar.trainingStart, i * 28), addDays(calendar.trainingStart, i * 28 + 14)]);
// The seed records every session held but the latest; this walk records one more.
const recordedSessions = seededSessionDates.filter((d) => d < calendar.today).length;
const passerelleRate = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 })
  .format((3 * recordedSessions - 1) / (3 * recordedSessions))
  .replace(/\s/g, ' ');

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe('formation-action', () => {
  it('a staff member opens the season’s cohort and adds a session (errors in French at the field)', async () => {
    const page = await e2e.signIn('demo-staff-claire');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Formation-action' }).click();
    expect(await heading(page)).toBe('Formation-action');
    await settled(page);
    // The new season has no essaimé yet: creating its cohort is refused, in French.
    const next = page.locator('section', { has: page.getByRole('heading', { name: calendar.callSeason.name }) });
    await next.getByLabel('Début de la formation-action').fill(addDays(calendar.today, 200));
    await next.getByRole('button', { name: 'Créer la promotion' }).click();
    await next.getByTestId('error-summary').getByText(errorMessages.NO_ESSAIMES).waitFor();
    await screenshot(page, 'staff-training');
    await expectAccessible(page, 'training page');

    const season = page.locator('section', { has: page.getByRole('heading', { name: calendar.cohortSeason.name }) });
    await season.getByRole('link', { name: 'Modules et séances' }).click();
    await page.waitForURL(/\/formation\/coh/);
    cohortPath = new URL(page.url()).pathname;
    expect(await heading(page)).toBe(`Formation-action ${calendar.cohortSeason.year}-${calendar.cohortSeason.year + 1}`);
    await settled(page);
    expect(await page.locator('section', { hasText: 'Modules' }).first().locator('tbody tr').count()).toBe(5);

    const form = page.getByRole('form', { name: 'Ajouter une séance' });
    // A session outside the five months is refused at its field; what was typed stays.
    await form.getByLabel('Module').selectOption({ index: 1 });
    await form.getByLabel('Date').fill(addDays(calendar.trainingStart, 400));
    await form.getByLabel(/Lieu ou lien/).fill('Thiers — salle du conseil de Passerelle');
    await form.getByRole('button', { name: 'Ajouter la séance' }).click();
    await form.locator('[data-field="date"] .field-message').waitFor();
    expect(await form.getByLabel(/Lieu ou lien/).inputValue()).toBe('Thiers — salle du conseil de Passerelle');
    await form.getByLabel('Date').fill(sessionDate);
    await form.getByRole('button', { name: 'Ajouter la séance' }).click();
    await page.getByTestId('notice').getByText('Séance ajoutée').waitFor();
    await page.locator('tbody tr', { hasText: sessionDay }).getByRole('link', { name: 'Saisir les présences' }).waitFor();
    await screenshot(page, 'staff-cohort');
    await expectAccessible(page, 'cohort page');
  });

  it('the staff member records the attendance of the session in bulk, with its progress shown', async () => {
    const page = await e2e.signIn('demo-staff-claire', `${cohortPath}`);
    await page.locator('tbody tr', { hasText: sessionDay }).getByRole('link', { name: 'Saisir les présences' }).click();
    expect(await heading(page)).toBe('Feuille de présence');
    await settled(page);
    const rows = page.locator('table.attendance tbody tr');
    expect(await rows.count()).toBe(11);
    await page.getByRole('button', { name: 'Marquer présents les non saisis' }).click();
    await page.getByLabel('Karim Haddad : Absent', { exact: true }).check();
    await page.getByLabel('Remarque pour Karim Haddad').fill('Malade, prévenu la veille');
    await page.getByLabel('Élodie Fabre : Absent excusé').check();
    await screenshot(page, 'staff-attendance-sheet');
    await expectAccessible(page, 'attendance sheet');

    // Slow the API down a little so the progress of the bulk save can be seen.
    await page.route('**/attendance', async (route) => {
      if (route.request().method() === 'PUT') await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await page.getByRole('status').filter({ hasText: 'Enregistrement des présences' }).waitFor();
    await page.getByTestId('notice').getByText('Présences enregistrées : 11 modifications').waitFor();
    await page.unroute('**/attendance');
    await settled(page);
    // The sheet shows what is recorded.
    await expect.poll(() => page.getByLabel('Karim Haddad : Absent', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Remarque pour Karim Haddad').inputValue()).toBe('Malade, prévenu la veille');
    expect(jsErrors(page)).toEqual([]);
  });

  it('the cohort’s progress and the referent’s training page show the attendance', async () => {
    const page = await e2e.signIn('demo-staff-thomas', `${cohortPath}/avancement`);
    expect(await heading(page)).toBe('Avancement de la formation-action');
    const passerelle = page.locator('tbody tr', { hasText: 'Passerelle' });
    // Six seeded sessions all present (18), then Karim absent, Élodie excused (neutral), Nadia present: 19 / 20.
    expect(await text(passerelle.locator('td').nth(1))).toBe(passerelleRate);
    await page.getByRole('img', { name: /Taux de présence par module/ }).waitFor();
    await screenshot(page, 'staff-cohort-progress');
    await expectAccessible(page, 'cohort progress');

    const referent = await e2e.signIn('demo-referent-passerelle');
    await navTo(referent, 'Ma structure');
    await settled(referent);
    await referent.getByRole('link', { name: 'Passerelle' }).click();
    await referent.getByRole('link', { name: 'Formation-action' }).last().click();
    expect(await heading(referent)).toBe('Formation-action — Passerelle');
    await referent.getByText('Karim Haddad : absent').waitFor();
    expect(await text(referent.locator('.kpi', { hasText: 'assiduité' }).locator('.kpi-value'))).toBe(passerelleRate);

    // The referent submits the module's deliverable (the structure's action plan on the axis).
    const module = referent.locator('div.card', { has: referent.getByRole('heading', { name: /^Module 3/ }) });
    await module.getByRole('button', { name: 'Déposer le livrable' }).click();
    await module.getByLabel('Titre du plan d’action').fill('Plan de prospection 2020');
    await module.getByLabel(/Plan d’action de la structure/).fill('Trop court');
    await module.getByRole('button', { name: 'Déposer' }).click();
    await module.locator('[data-field="content"] .field-message').waitFor();
    await module.getByLabel(/Plan d’action de la structure/).fill('Deux CRE prospectent 40 TPE du bassin thiernois par mois, en binôme avec le tuteur.');
    await module.getByRole('button', { name: 'Déposer' }).click();
    await module.getByText(/Plan de prospection 2020 \(déposé le/).waitFor();
    await screenshot(referent, 'referent-training');
    await expectAccessible(referent, 'referent training page');
    expect(jsErrors(referent)).toEqual([]);
  });
});
