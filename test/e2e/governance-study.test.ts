import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';
import { expectAccessible, heading, jsErrors, navTo, screenshot, settled, startE2E, text, type E2E } from './browser';

/**
 * Governance and the response target as the study has them, in a real browser: staff record a meeting whose
 * typed decision (the result indicators) applies to the season at once, see each committee on time, due or
 * late, and set the tutors' target to the same working day before a cut-off hour.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe('governance and response target', () => {
  it('staff record a meeting with a typed decision, applied to the season', async () => {
    const page = await e2e.signIn('demo-staff-claire');
    await navTo(page, 'Gouvernance');
    expect(await heading(page)).toBe('Gouvernance de l’essaimage');
    await settled(page);
    const cohortName = `Saison ${demoSeasonYears().cohort}-${demoSeasonYears().cohort + 1} — essaimage A.CO.R.`;
    await page.getByRole('link', { name: cohortName }).click();
    expect(await heading(page)).toBe(`Gouvernance — ${cohortName}`);
    await settled(page);
    const committees = page.getByRole('table', { name: 'Chaque comité se réunit au moins une fois par an' });
    expect(await text(committees)).toContain('Comité de gouvernance de l’essaimage');
    expect(await text(page.locator('main'))).toContain('Pas encore validés');

    // Passerelle's action plan of the year, with its two referents, from the plans table.
    await page.getByRole('link', { name: 'Passerelle' }).click();
    expect(await heading(page)).toBe('Plan d’action — Passerelle');
    await settled(page);
    const year = new Date().getFullYear();
    const plan = page.getByRole('form', { name: `Plan d’action ${year}` });
    const structure = plan.getByRole('group', { name: 'Référent·e de la structure essaimée' });
    await structure.getByLabel('Nom').fill('Nadia Benali');
    await structure.getByLabel('Fonction').fill('Directrice');
    await structure.getByLabel('Organisation').fill('Passerelle');
    const programme = plan.getByRole('group', { name: 'Référent·e du programme (Ansa ou A.CO.R.)' });
    await programme.getByLabel('Nom').fill('Claire Moreau');
    await programme.getByLabel('Fonction').fill('Responsable du programme');
    await programme.getByLabel('Organisation').fill('Ansa');
    await plan.getByLabel('Objectif').fill('Rencontrer vingt entreprises du bassin');
    await plan.getByLabel('Ce que fait chaque partie').fill('Deux CRE prospectent chaque semaine ; le tuteur relit le fichier entreprises.');
    await plan.getByLabel('Indicateurs').fill('Entreprises rencontrées par mois');
    await plan.getByRole('button', { name: 'Enregistrer le plan' }).click();
    await page.getByTestId('notice').getByText('Plan d’action enregistré.').waitFor();
    await expectAccessible(page, 'action plan');
    await page.goBack();
    await settled(page);

    const form = page.getByRole('form', { name: 'Enregistrer une réunion' });
    await form.getByLabel('Instance').selectOption('steering-body');
    await form.getByLabel('Membres présents').fill('Claire Moreau ; Ansa\nCo-directrice ; A.CO.R.');
    await form.getByLabel('Nature de la décision').selectOption('validate-indicators');
    await form.getByLabel('Indicateurs de résultat validés').fill('Personnes accompagnées en emploi ; 60 % en un an\nEntreprises contactées par CRE et par mois');
    await form.getByRole('button', { name: 'Ajouter une décision' }).click();
    const second = form.getByRole('group', { name: 'Décision 2' });
    await second.getByLabel('Nature de la décision').selectOption('validate-action-plan');
    await second.getByLabel(`Plan d’action ${year} à valider`).selectOption({ label: 'Passerelle' });
    await form.getByRole('button', { name: 'Enregistrer la réunion' }).click();
    await page.getByTestId('notice').getByText('Réunion enregistrée avec 2 décisions, appliquées à la saison.').waitFor();
    await settled(page);
    // The decisions in force are read again after the save: wait for them.
    await expect.poll(() => text(page.getByRole('region', { name: 'Décisions en vigueur pour la saison' }))).toContain('Personnes accompagnées en emploi — 60 % en un an');
    const meeting = page.getByTestId('meeting').first();
    expect(await text(meeting)).toContain('Validation des indicateurs de résultat — Indicateurs de résultat validés : Personnes accompagnées en emploi (60 % en un an)');
    expect(await text(committees)).toContain('À jour');
    expect(await text(page.locator('tbody tr', { hasText: 'Passerelle' }))).toContain('Validé');
    await screenshot(page, 'staff-governance');
    await expectAccessible(page, 'staff governance');
    expect(jsErrors(page)).toEqual([]);
  });

  it('staff set the tutors’ target to the same working day before 14 h', async () => {
    const page = await e2e.signIn('demo-staff-claire', '/tutorat');
    await page.getByRole('link', { name: 'Changer l’objectif' }).click();
    expect(await heading(page)).toBe('Objectif de réponse des tuteurs');
    await settled(page);
    const form = page.getByRole('form', { name: 'Changer l’objectif de réponse' });
    await form.getByLabel('Le jour ouvré même (« dans la journée »), avant une heure limite').check();
    await form.getByLabel('Heure limite', { exact: true }).fill('14');
    await form.getByRole('button', { name: 'Enregistrer l’objectif' }).click();
    await page.getByTestId('notice').getByText('première réponse dans la journée ouvrée si la demande arrive avant 14 h').waitFor();
    await screenshot(page, 'staff-response-target');
    await expectAccessible(page, 'staff response target');
    const settings = await e2e.api.call('GET', '/tutoring/settings', { as: 'demo-staff-claire' });
    expect(settings.body.responseTarget).toEqual({ rule: 'same-day', cutoffHour: 14 });
    expect(jsErrors(page)).toEqual([]);
  });
});
