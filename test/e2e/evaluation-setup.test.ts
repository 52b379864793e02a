import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar';
import { demoCalendar } from '../../scripts/seed/demo-calendar';
import { expectAccessible, jsErrors, screenshot, settled, startE2E, type E2E } from './browser';

/**
 * Setting up evaluation from the browser: a new season starts with no stage, staff create the three default
 * stages, edit a stage's report template (a new version, the old one still readable), add an open stage with a
 * questionnaire, which a referent answers.
 */
let e2e: E2E;
const STAFF = 'demo-staff-claire';
const calendar = demoCalendar(new Date());
const state: { callSeasonId?: string; cohortSeasonId?: string; essaimeId?: string; stageId?: string } = {};

beforeAll(async () => {
  e2e = await startE2E();
  const seasons = (await e2e.api.call('GET', '/seasons', { as: STAFF })).body.items as { seasonId: string; year: number }[];
  state.callSeasonId = seasons.find((s) => s.year === calendar.callSeason.year)!.seasonId;
  state.cohortSeasonId = seasons.find((s) => s.year === calendar.cohortSeason.year)!.seasonId;
  const essaimes = (await e2e.api.call('GET', `/seasons/${state.cohortSeasonId}/essaimes`, { as: STAFF })).body.items as { essaimeId: string; referentUserId: string }[];
  state.essaimeId = essaimes.find((e) => e.referentUserId === 'demo-referent-passerelle')!.essaimeId;
});

afterAll(async () => {
  await e2e?.stop();
});

describe('evaluation set-up', () => {
  it('a new season has no stage: staff create the three default stages, errors at the field first', async () => {
    const page = await e2e.signIn(STAFF, `/evaluation?saison=${state.callSeasonId}`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Étapes d’évaluation' }) });
    await section.getByText(/Aucune étape d’évaluation pour cette saison/).waitFor();
    const form = section.getByRole('form', { name: 'Créer les étapes par défaut' });
    const final = form.locator('fieldset', { hasText: 'Bilan final' });
    const opens = await final.getByLabel('Ouverture').inputValue();
    await final.getByLabel('À rendre avant le').fill(addDays(opens, -1));
    await form.getByRole('button', { name: 'Créer les trois étapes' }).click();
    await form.getByTestId('error-summary').waitFor();
    await final.getByLabel('À rendre avant le').fill(addDays(opens, 15));
    await form.getByRole('button', { name: 'Créer les trois étapes' }).click();
    await page.getByTestId('notice').getByText('3 étapes créées').waitFor();
    await section.getByRole('link', { name: 'Premier retour' }).waitFor();
    await screenshot(page, 'staff-evaluation-stages');
    await expectAccessible(page, 'evaluation stages');
    expect(jsErrors(page)).toEqual([]);
  });

  it('staff edit a stage’s template: a new version, the previous one still readable', async () => {
    const page = await e2e.signIn(STAFF, `/evaluation?saison=${state.callSeasonId}`);
    await page.getByRole('link', { name: 'Premier retour' }).click();
    await page.getByRole('heading', { name: /^Modèle de rapport \(version 1\)/ }).waitFor();
    const editor = page.getByRole('form', { name: 'Modèle de rapport' });
    const firstLabel = editor.getByLabel('Intitulé').first();
    const before = await firstLabel.inputValue();
    await firstLabel.fill('Personnes accompagnées vers l’emploi');
    await editor.getByRole('button', { name: 'Ajouter une question' }).click();
    const question = editor.locator('fieldset').filter({ has: page.locator('legend', { hasText: /^Question \d+$/ }) }).last();
    await question.getByLabel('Question').fill('Quelles entreprises avez-vous rencontrées ?');
    await question.getByLabel('Clé technique').fill('Mauvaise clé');
    await editor.getByRole('button', { name: 'Enregistrer une nouvelle version du modèle' }).click();
    await question.locator('.field-message').waitFor();
    await question.getByLabel('Clé technique').fill('entreprisesRencontrees');
    await editor.getByRole('button', { name: 'Enregistrer une nouvelle version du modèle' }).click();
    await page.getByTestId('notice').getByText('Modèle enregistré : version 2.').waitFor();
    await settled(page);
    const versions = page.locator('section', { has: page.getByRole('heading', { name: 'Versions du modèle' }) });
    await versions.getByText('Personnes accompagnées vers l’emploi', { exact: false }).waitFor();
    await versions.getByLabel('Version').selectOption('1');
    await versions.getByText(before, { exact: false }).waitFor();
    await screenshot(page, 'staff-stage-template');
    await expectAccessible(page, 'stage template');
    expect(jsErrors(page)).toEqual([]);
  });

  it('an open stage with a questionnaire: the referent records an anonymous answer', async () => {
    const staff = await e2e.signIn(STAFF, `/evaluation?saison=${state.cohortSeasonId}`);
    const section = staff.locator('section', { has: staff.getByRole('heading', { name: 'Étapes d’évaluation' }) });
    await section.getByText('Ajouter une étape').click();
    const add = section.getByRole('form', { name: 'Ajouter une étape' });
    await add.getByLabel('Type d’étape').selectOption('intermediate');
    await add.getByLabel('Intitulé (facultatif)').fill('Point d’étape des équipes');
    await add.getByLabel('Ouverture').fill(addDays(calendar.today, -1));
    await add.getByLabel('À rendre avant le').fill(addDays(calendar.today, 20));
    await add.getByRole('button', { name: 'Ajouter l’étape' }).click();
    await staff.getByTestId('notice').getByText('Étape « Point d’étape des équipes » créée.').waitFor();
    const stages = (await e2e.api.call('GET', `/seasons/${state.cohortSeasonId}/stages`, { as: STAFF })).body.items as { stageId: string; name: string }[];
    state.stageId = stages.find((s) => s.name === 'Point d’étape des équipes')!.stageId;

    const page = await e2e.signIn('demo-referent-passerelle', `/rapports/${state.stageId}/${state.essaimeId}`);
    const questionnaire = page.locator('section', { has: page.getByRole('heading', { name: 'Questionnaire aux équipes' }) });
    await questionnaire.getByText('Aucune réponse pour l’instant.').waitFor();
    const form = questionnaire.getByRole('form', { name: 'Saisir une réponse au questionnaire' });
    await form.getByLabel('Répondant').selectOption('professional');
    await form.getByLabel('Fonction (jamais le nom)').fill('Chargée de relations entreprises');
    for (const select of await form.locator('select').all()) {
      if ((await select.getAttribute('name')) !== 'respondentRole') await select.selectOption('3');
    }
    await form.getByRole('button', { name: 'Enregistrer la réponse' }).click();
    await questionnaire.getByText('Réponse enregistrée.').waitFor();
    await questionnaire.locator('tbody tr', { hasText: 'Professionnel·le (Chargée de relations entreprises)' }).waitFor();
    await screenshot(page, 'referent-questionnaire');
    await expectAccessible(page, 'questionnaire');
    expect(jsErrors(page)).toEqual([]);
  });
});
