import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar';
import { formatDate as frenchDate } from '../../shared/i18n/french';
import { demoCalendar } from '../../scripts/seed/demo-calendar';
import { DemoIds } from '../support/demo-ids';
import { fillApplication } from './application-form';
import { navTo, settled, startE2E, text, type E2E } from './browser';
import { desktop, downloaded, PageChecks } from './page-checks';

/**
 * A whole season run from the browser alone, at a laptop's width (1366×900): staff create and open a call; a
 * candidate applies (a partial draft saved, then submitted, with its receipt); staff designate a reviewer by
 * name, who scores and decides; publication is refused while the application is undecided, then made; the
 * cohort is created, its participants added and replaced, sessions moved and cancelled, attendance taken; a
 * tutor is assigned and named on the essaimé, and answers the referent's request; evaluation stages are set up
 * with an edited template; the referent's report is accepted; a label decision and a steering meeting are
 * recorded; a person's data is exported then erased. Every page visited gets a screenshot, an axe check and a
 * visible-text check (no raw id, no raw enum value, no English word); each step's main page is also checked at
 * a phone's width (390×844) by resizing it. The API is used only to read back what a test must know (ids).
 */
let e2e: E2E;
const STAFF = 'demo-staff-claire';
const REVIEWER = 'demo-staff-thomas';
const CANDIDATE = 'demo-applicant-envol';
const LABEL_LEAD = 'demo-tutor-isabelle';
const STRUCTURE = "L'Envol";
const CALL_TITLE = 'Appel de la saison : territoires ruraux';
const calendar = demoCalendar(new Date());
const state = {
  callSeasonId: '',
  callPath: '',
  applicationPath: '',
  essaimeId: '',
  cohortPath: '',
  tutorUserId: '',
  tutorName: '',
  requestPath: '',
  stageId: '',
};
const walk = new PageChecks('season');
const open = (userId: string, path?: string) => walk.open(e2e, userId, path);
const check = (page: Page, name: string, alsoOnPhone = false) => walk.check(page, name, alsoOnPhone);

beforeAll(async () => {
  e2e = await startE2E();
  const ids = new DemoIds(e2e.api);
  for (const name of ['seasonId', 'essaimeId', 'cohortId', 'callId', 'applicationId', 'requestId', 'stageId', 'participantId', 'sessionId', 'moduleId']) walk.forbidden.add(await ids.get(name));
  const seasons = (await e2e.api.call('GET', '/seasons?limit=100', { as: STAFF })).body.items as { seasonId: string; year: number }[];
  state.callSeasonId = seasons.find((s) => s.year === calendar.callSeason.year)!.seasonId;
  for (const s of seasons) walk.forbidden.add(s.seasonId);
}, 60_000);

afterAll(async () => {
  await e2e?.stop();
});

/** The walk is a chain: once a step fails the next ones cannot run (the failing page is kept as a screenshot). */
let broken = false;
beforeEach((ctx) => {
  if (broken && !ctx.task.name.startsWith('no page')) ctx.skip();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  broken = true;
  await walk.keepFailure();
});

describe('a whole season from the browser', () => {
  it('staff create a call of the new season and open it behind its dialog', async () => {
    const page = await open(STAFF);
    await navTo(page, 'Appels et sélection');
    await check(page, 'staff-calls');
    const form = page.getByRole('form', { name: 'Préparer un appel' });
    await form.getByLabel('Saison').selectOption({ label: calendar.callSeason.name });
    await form.getByLabel('Titre').fill(CALL_TITLE);
    await form.getByLabel('Présentation').fill('Rejoignez l’essaimage de la méthode A.CO.R. de médiation active vers l’emploi.');
    await form.getByRole('button', { name: 'Créer l’appel (brouillon)' }).click();
    await page.waitForURL(/\/appels\/call_/);
    state.callPath = new URL(page.url()).pathname;
    await page.locator('.subtitle').getByText('Brouillon', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ouvrir l’appel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir l’appel ?' });
    await dialog.getByText(/seront figés/).waitFor();
    await dialog.getByText(/Les structures pourront candidater dès maintenant/).waitFor();
    await check(page, 'staff-call-open-dialog');
    await dialog.getByRole('button', { name: 'Ouvrir l’appel' }).click();
    await page.getByTestId('notice').getByText('Appel ouvert').waitFor();
    await page.locator('.subtitle').getByText('Ouvert', { exact: true }).waitFor();
    await check(page, 'staff-call', true);
  }, 90_000);

  it('the candidate signs in, saves a partial draft, completes and submits it, and gets the receipt', async () => {
    const page = await e2e.signInThroughPage(CANDIDATE);
    page.setDefaultTimeout(20_000);
    await page.setViewportSize(desktop);
    await check(page, 'candidate-home', true);
    await navTo(page, 'Appels et candidatures');
    await settled(page);
    await page.getByRole('link', { name: CALL_TITLE, exact: true }).click();
    await settled(page);
    await check(page, 'candidate-call');
    await page.getByRole('link', { name: 'Candidater' }).click();
    await settled(page);
    await page.getByLabel('Nom de la structure').fill(STRUCTURE);
    await page.getByLabel(/^Hypothèse A/).check();
    await page.getByRole('button', { name: 'Commencer la candidature' }).click();
    await page.waitForURL(/\/candidatures\/app_/);
    state.applicationPath = new URL(page.url()).pathname;
    await settled(page);

    // A partial draft: a few fields, saved, still there after reloading.
    const form = page.getByRole('form', { name: 'Brouillon de candidature' });
    await form.getByLabel('Forme juridique').fill("Entreprise d'insertion");
    await form.getByLabel('Adresse').fill('12 rue des Tanneurs, 86160 Gençay');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByTestId('notice').getByText(/^Brouillon enregistré le .*Éligibilité à ce stade\s:\sincomplète\.$/).waitFor();
    await check(page, 'candidate-draft-saved');
    await page.reload();
    await settled(page);
    expect(await form.getByLabel('Adresse').inputValue()).toBe('12 rue des Tanneurs, 86160 Gençay');

    // Submitting it now is refused, with the list of what is missing, each a link to its field.
    const submit = async () => {
      await page.getByRole('button', { name: 'Déposer la candidature' }).click();
      await page.getByRole('dialog', { name: /^Déposer la candidature de/ }).getByRole('button', { name: 'Déposer', exact: true }).click();
    };
    await submit();
    const missing = page.getByTestId('problem-list');
    await missing.waitFor();
    const missingCount = await missing.locator('li').count();
    expect(missingCount).toBeGreaterThan(3);
    expect(await missing.getByRole('link').count()).toBe(missingCount);
    await check(page, 'candidate-missing-list', true);

    await fillApplication(page, '4');
    await expect.poll(() => page.getByTestId('live-eligibility').textContent()).toContain('Éligible');
    await submit();
    await page.locator('.subtitle').getByText('Déposée').waitFor();
    const receipt = page.locator('.dossier-files');
    await receipt.getByRole('button', { name: /Télécharger l’accusé de réception/ }).waitFor();
    expect(await text(receipt)).toMatch(/Dossier n° \d{4}-ESS-\d{4}/);
    await check(page, 'candidate-receipt', true);
  }, 120_000);

  it('staff designate another reviewer by name, who scores; publication is refused while undecided, then made', async () => {
    const staff = await open(STAFF, state.applicationPath);
    const reviewers = staff.locator('section', { has: staff.getByRole('heading', { name: 'Évaluateurs et conflits d’intérêts' }) });
    await reviewers.getByRole('combobox', { name: /Désigner un évaluateur/ }).selectOption({ label: 'Thomas Leroy' });
    await reviewers.getByRole('button', { name: 'Désigner', exact: true }).click();
    await reviewers.locator('p', { hasText: 'Évaluateurs désignés : Thomas Leroy' }).waitFor();
    await check(staff, 'staff-application-reviewer', true);

    const reviewer = await open(REVIEWER, state.applicationPath);
    const scoring = reviewer.getByRole('form', { name: 'Ma notation' });
    const inputs = scoring.locator('input');
    for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill('4');
    await scoring.getByLabel('Commentaire').fill('Consortium solide avec le Département ; équipe motivée.');
    await scoring.getByRole('button', { name: 'Enregistrer ma notation' }).click();
    await reviewer.getByTestId('notice').getByText('Notation enregistrée.').waitFor();
    expect(await scoring.locator('input').first().inputValue()).toBe('4');
    await check(reviewer, 'reviewer-scored');

    // The call is closed early (the dialog counts the days), then publication is refused: one undecided.
    await staff.goto(`${e2e.url}${state.callPath}`);
    await settled(staff);
    await staff.getByRole('button', { name: 'Clore l’appel' }).click();
    const close = staff.getByRole('dialog', { name: /^Clore l’appel maintenant, \d+\sjours avant la date prévue/ });
    await close.getByText(/1\scandidature déposée/).waitFor();
    await check(staff, 'staff-close-dialog');
    await close.getByRole('button', { name: 'Clore l’appel' }).click();
    await staff.getByTestId('notice').getByText('Appel clos.').waitFor();
    await staff.getByRole('button', { name: 'Publier les décisions' }).click();
    const guard = staff.getByRole('dialog', { name: /^Publier : 0\sretenue sur .*, 1\scandidature sans décision$/ });
    await guard.getByRole('link', { name: STRUCTURE }).waitFor();
    expect(await guard.getByRole('button', { name: 'Placer en liste d’attente et publier' }).isDisabled()).toBe(true);
    await check(staff, 'staff-publish-refused', true);
    await guard.getByRole('button', { name: 'Annuler' }).click();

    await reviewer.reload();
    await settled(reviewer);
    walk.current = reviewer;
    // The evidence of the criteria checked on documents is verified before the structure can be selected.
    for (const id of ['A1.2', 'A2.3']) {
      const item = reviewer.locator(`li[data-criterion="${id}"]`);
      await item.getByRole('button', { name: 'Vérifié sur pièces' }).click();
      await item.getByText('Justificatif : vérifié').waitFor();
    }
    const decision = reviewer.getByRole('form', { name: 'Décider' });
    await decision.getByLabel('Sélectionnée').check();
    await decision.getByLabel('Motivation').fill('Territoire rural prioritaire, critères remplis, consortium engagé.');
    await decision.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await reviewer.getByTestId('notice').getByText('Décision enregistrée').waitFor();
    await check(reviewer, 'reviewer-decided', true);

    await staff.reload();
    await settled(staff);
    await staff.getByRole('button', { name: 'Publier les décisions' }).click();
    const publish = staff.getByRole('dialog', { name: /^Publier : 1\sretenue sur .*, 0\scandidature sans décision$/ });
    await publish.getByText(/sous le minimum/).waitFor();
    await check(staff, 'staff-publish-dialog');
    await publish.getByRole('button', { name: 'Publier et notifier', exact: true }).click();
    await staff.getByTestId('notice').getByText(/Décisions publiées/).waitFor();
    await check(staff, 'staff-call-published', true);
  }, 150_000);

  it('staff create the cohort; participants are added and one replaced; sessions are added, moved and cancelled', async () => {
    const page = await open(STAFF, `/saisons/${state.callSeasonId}`);
    await page.getByRole('link', { name: STRUCTURE }).first().click();
    await page.waitForURL(/\/structure-essaimee\/ess_/);
    state.essaimeId = new URL(page.url()).pathname.split('/').pop()!;
    await settled(page);
    await check(page, 'staff-season');

    await navTo(page, 'Formation-action');
    await settled(page);
    const season = page.locator('section', { has: page.getByRole('heading', { name: calendar.callSeason.name }) });
    await check(page, 'staff-training', true);
    // The training started two weeks ago: its first session is already held.
    await season.getByLabel('Début de la formation-action').fill(addDays(calendar.today, -14));
    await season.getByRole('button', { name: 'Créer la promotion' }).click();
    await page.waitForURL(/\/formation\/coh_/);
    state.cohortPath = new URL(page.url()).pathname;
    await settled(page);

    // Three sessions: one held last week (its attendance is taken next), one to move, one to cancel.
    const [held, toMove, toCancel] = [addDays(calendar.today, -7), addDays(calendar.today, 14), addDays(calendar.today, 28)];
    const add = page.getByRole('form', { name: 'Ajouter une séance' });
    for (const [i, date] of [held, toMove, toCancel].entries()) {
      await add.getByLabel('Module').selectOption({ index: i + 1 });
      await add.getByLabel('Date').fill(date);
      await add.getByLabel(/Lieu ou lien/).fill('Gençay — salle de L’Envol');
      await add.getByRole('button', { name: 'Ajouter la séance' }).click();
      await page.locator('tbody tr', { hasText: frenchDate(date) }).first().waitFor();
    }
    const moved = addDays(toMove, 1);
    const moveRow = page.locator('tbody tr', { hasText: frenchDate(toMove) }).first();
    await moveRow.getByRole('button', { name: 'Déplacer' }).click();
    const move = moveRow.getByRole('form', { name: 'Déplacer la séance' });
    await move.getByLabel('Nouvelle date').fill(moved);
    await move.getByRole('button', { name: 'Déplacer la séance' }).click();
    await page.getByTestId('notice').getByText(`au ${frenchDate(moved)}`, { exact: false }).waitFor();
    const cancelRow = page.locator('tbody tr', { hasText: frenchDate(toCancel) }).first();
    await cancelRow.getByRole('button', { name: 'Annuler la séance' }).click();
    const cancel = cancelRow.getByRole('form', { name: 'Annuler la séance' });
    await cancel.getByLabel('Motif de l’annulation').fill('Formateur indisponible');
    await cancel.getByRole('button', { name: 'Annuler la séance' }).click();
    const dialog = page.getByRole('dialog', { name: /^Annuler la séance du/ });
    await dialog.getByText('Formateur indisponible', { exact: false }).waitFor();
    await check(page, 'staff-cancel-session-dialog');
    await dialog.getByRole('button', { name: 'Annuler la séance' }).click();
    await page.locator('tbody tr', { hasText: 'Formateur indisponible' }).getByText('Annulée').waitFor();
    await check(page, 'staff-cohort', true);

    const essaime = await open(STAFF, `/structure-essaimee/${state.essaimeId}`);
    const section = essaime.locator('section', { has: essaime.getByRole('heading', { name: /^Participants à la formation/ }) });
    const addPerson = section.getByRole('form', { name: 'Ajouter un participant' });
    await addPerson.getByLabel('Nom et prénom').fill('Lucie Ferrand');
    await addPerson.getByLabel('Fonction').fill('Chargée de relations entreprises');
    await addPerson.getByLabel('Courriel').fill('lucie.ferrand@envol.example');
    await addPerson.getByRole('button', { name: 'Ajouter' }).click();
    await essaime.getByTestId('notice').getByText('Lucie Ferrand suit désormais la formation.').waitFor();
    await section.getByRole('button', { name: 'Remplacer Lucas Bernier' }).click();
    const replace = section.getByRole('form', { name: 'Remplacer Lucas Bernier' });
    await replace.getByLabel('Nom et prénom').fill('Aurélien Marchetti');
    await replace.getByLabel('Fonction').fill('Conseiller emploi');
    await replace.getByLabel('Courriel').fill('aurelien.marchetti@envol.example');
    await replace.getByRole('button', { name: 'Remplacer', exact: true }).click();
    const confirmReplace = essaime.getByRole('dialog', { name: 'Remplacer Lucas Bernier par Aurélien Marchetti ?' });
    await confirmReplace.waitFor();
    await check(essaime, 'staff-replace-dialog');
    await confirmReplace.getByRole('button', { name: 'Remplacer', exact: true }).click();
    await essaime.getByTestId('notice').getByText(/remplace désormais Lucas Bernier/).waitFor();
    expect(await text(section.locator('tbody tr', { hasText: 'Aurélien Marchetti' }))).toContain('Actif');
    await check(essaime, 'staff-essaime-participants', true);
  }, 150_000);

  it('staff take the attendance of the session held last week', async () => {
    const page = await open(STAFF, state.cohortPath);
    await page.locator('tbody tr', { hasText: frenchDate(addDays(calendar.today, -7)) }).getByRole('link', { name: 'Saisir les présences' }).click();
    await settled(page);
    await page.getByRole('button', { name: 'Marquer présents les non saisis' }).click();
    await page.getByLabel('Aurélien Marchetti : Absent excusé').check();
    await check(page, 'staff-attendance-sheet', true);
    await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await page.getByText(/Présences enregistrées/).first().waitFor();
    await settled(page);
    await expect.poll(() => page.getByLabel('Aurélien Marchetti : Absent excusé').isChecked()).toBe(true);
    await check(page, 'staff-attendance-recorded');
  }, 90_000);

  it('staff assign a tutor, named on the essaimé; the referent asks and the tutor answers', async () => {
    const page = await open(STAFF);
    await navTo(page, 'Tutorat');
    await settled(page);
    await page.getByLabel('Saison', { exact: true }).selectOption({ label: calendar.callSeason.name });
    await page.waitForURL(/saison=/);
    await settled(page);
    const row = page.locator('tbody tr', { hasText: STRUCTURE }).filter({ has: page.getByRole('button', { name: /^Assigner / }) }).first();
    const button = row.getByRole('button', { name: /^Assigner / });
    state.tutorName = ((await button.textContent()) ?? '').replace(/^Assigner /, '').trim();
    await check(page, 'staff-tutoring', true);
    await button.click();
    await page.getByTestId('notice').getByText(`${state.tutorName} est désormais tuteur`).waitFor();

    await page.goto(`${e2e.url}/structure-essaimee/${state.essaimeId}`);
    await settled(page);
    const tutoring = page.locator('section', { has: page.getByRole('heading', { name: 'Tutorat', exact: true }) });
    const tutorLink = tutoring.getByRole('link', { name: state.tutorName });
    state.tutorUserId = decodeURIComponent((await tutorLink.getAttribute('href'))!.split('/').pop()!);
    walk.forbidden.add(state.tutorUserId);
    await check(page, 'staff-essaime-tutor', true);

    const referent = await open(CANDIDATE);
    await check(referent, 'referent-home', true);
    await navTo(referent, 'Demandes au tuteur');
    await settled(referent);
    const form = referent.getByRole('form', { name: 'Nouvelle demande au tuteur' });
    await form.getByLabel('Objet').fill('Premiers contacts avec les entreprises du Civraisien');
    await form.getByLabel('Axe concerné').selectOption({ index: 1 });
    await form.getByLabel('Urgence').selectOption({ index: 1 });
    await form.getByLabel('Votre question').fill('Par quelles entreprises commencer la prospection quand la structure n’en connaît encore aucune ?');
    await form.getByRole('button', { name: 'Envoyer au tuteur' }).click();
    await referent.waitForURL(/\/demandes\/trq_/);
    state.requestPath = new URL(referent.url()).pathname;
    await settled(referent);
    await check(referent, 'referent-request');

    const tutor = await open(state.tutorUserId, state.requestPath);
    await tutor.getByRole('form', { name: 'Répondre' }).getByLabel('Votre message').fill('Commencez par les entreprises qui recrutent déjà localement : une liste de dix, un appel par jour.');
    await tutor.getByRole('button', { name: 'Envoyer' }).click();
    await tutor.locator('.subtitle').getByText('Répondue').waitFor();
    await check(tutor, 'tutor-request-answered', true);
    await referent.reload();
    await settled(referent);
    await referent.getByText('une liste de dix').waitFor();
    await check(referent, 'referent-request-answered');
  }, 150_000);

  it('staff set up the evaluation stages and edit a template; the referent’s report is accepted', async () => {
    const page = await open(STAFF, `/evaluation?saison=${state.callSeasonId}`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Étapes d’évaluation' }) });
    await section.getByText(/Aucune étape d’évaluation pour cette saison/).waitFor();
    const form = section.getByRole('form', { name: 'Créer les étapes par défaut' });
    await check(page, 'staff-evaluation-empty', true);
    await form.getByRole('button', { name: 'Créer les trois étapes' }).click();
    await page.getByTestId('notice').getByText('3 étapes créées').waitFor();
    await check(page, 'staff-evaluation-stages');

    await section.getByRole('link', { name: 'Premier retour' }).click();
    await page.waitForURL(/\/evaluation\/etapes\/stg_/);
    state.stageId = new URL(page.url()).pathname.split('/').pop()!;
    await settled(page);
    const editor = page.getByRole('form', { name: 'Modèle de rapport' });
    await editor.getByRole('button', { name: 'Ajouter une question' }).click();
    const question = editor.locator('fieldset').filter({ has: page.locator('legend', { hasText: /^Question \d+$/ }) }).last();
    await question.getByLabel('Question').fill('Quelles entreprises avez-vous rencontrées ?');
    await question.getByLabel('Clé technique').fill('entreprisesRencontrees');
    await editor.getByRole('button', { name: 'Enregistrer une nouvelle version du modèle' }).click();
    await page.getByTestId('notice').getByText('Modèle enregistré : version 2.').waitFor();
    // The template is edited before the stage opens; staff then open it today (it closes in three weeks).
    const dates = page.getByRole('form', { name: 'Intitulé et dates de l’étape' });
    await dates.getByLabel('Ouverture').fill(calendar.today);
    await dates.getByLabel('À rendre avant le').fill(addDays(calendar.today, 21));
    await dates.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await page.getByText('L’étape est ouverte : son modèle ne peut plus changer.').waitFor();
    await check(page, 'staff-stage-template', true);

    const referent = await open(CANDIDATE);
    await navTo(referent, 'Rapports');
    await settled(referent);
    await check(referent, 'referent-reports', true);
    await referent.locator('tbody tr', { hasText: 'Premier retour' }).getByRole('link', { name: 'Remplir le rapport' }).click();
    await settled(referent);
    const report = referent.getByRole('form', { name: 'Rapport d’évaluation' });
    await report.getByLabel('Quelles entreprises avez-vous rencontrées ?').waitFor();
    await report.getByLabel('Début de la période').fill(addDays(calendar.today, -14));
    await report.getByLabel('Fin de la période').fill(addDays(calendar.today, -1));
    const numbers = report.locator('section', { hasText: 'Indicateurs (chiffres agrégés)' }).locator('input');
    for (let i = 0; i < (await numbers.count()); i++) await numbers.nth(i).fill('10');
    await report.getByLabel(/^Personnes accompagnées/).fill('20');
    await report.getByLabel(/^Personnes de retour à l'emploi/).fill('6');
    await report.getByLabel(/^dont en emploi durable/).fill('3');
    const questions = report.locator('textarea');
    for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).fill('Démarrage avec l’appui du tuteur ; dix entreprises rencontrées.');
    await check(referent, 'referent-report-form');
    await report.getByRole('button', { name: 'Transmettre le rapport' }).click();
    const confirmSubmit = referent.getByRole('dialog');
    if (await confirmSubmit.isVisible().catch(() => false)) await confirmSubmit.getByRole('button').last().click();
    await referent.locator('.subtitle').getByText('Transmis', { exact: true }).waitFor();
    await check(referent, 'referent-report-submitted', true);

    await page.goto(`${e2e.url}/evaluation?saison=${state.callSeasonId}`);
    await settled(page);
    const queue = page.locator('section', { has: page.getByRole('heading', { name: 'Rapports à relire' }) });
    await queue.getByRole('link', { name: STRUCTURE }).first().click();
    await settled(page);
    await page.getByRole('button', { name: 'Accepter le rapport' }).click();
    const accept = page.getByRole('dialog', { name: /^Accepter le rapport de/ });
    await accept.waitFor();
    await check(page, 'staff-accept-report-dialog');
    await accept.getByRole('button', { name: 'Accepter le rapport' }).click();
    await page.locator('.subtitle').getByText('Accepté', { exact: true }).waitFor();
    await check(page, 'staff-report-accepted', true);
  }, 150_000);

  it('A.CO.R.’s lead records a label decision; staff record a steering meeting', async () => {
    const lead = await open(LABEL_LEAD, `/structure-essaimee/${state.essaimeId}/fidelite`);
    const label = lead.getByRole('form', { name: 'Décider du label' });
    await label.getByLabel('Pas encore labellisée').check();
    await label.getByLabel(/Motifs/).fill('La formation-action vient de commencer : la fidélité sera évaluée au bilan intermédiaire.');
    await label.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await lead.getByTestId('notice').getByText(/Décision de label enregistrée/).waitFor();
    await expect.poll(() => text(lead.getByTestId('current-label'))).toContain('Pas encore labellisée');
    await check(lead, 'lead-label-decision', true);

    const page = await open(STAFF, `/gouvernance/${state.callSeasonId}`);
    const form = page.getByRole('form', { name: 'Enregistrer une réunion' });
    await form.getByLabel('Instance').selectOption('steering-body');
    await form.getByLabel('Membres présents').fill('Claire Moreau ; Ansa\nCo-directrice ; A.CO.R.');
    await form.getByLabel('Nature de la décision').selectOption('validate-indicators');
    await form.getByLabel('Indicateurs de résultat validés').fill('Personnes accompagnées en emploi ; 60 % en un an');
    await form.getByRole('button', { name: 'Enregistrer la réunion' }).click();
    await page.getByTestId('notice').getByText(/Réunion enregistrée/).waitFor();
    // The decisions in force reload after the notice: waited for, not read once.
    await expect.poll(() => text(page.getByRole('region', { name: 'Décisions en vigueur pour la saison' }))).toContain('Personnes accompagnées en emploi — 60 % en un an');
    await settled(page);
    await check(page, 'staff-governance', true);
  }, 90_000);

  it('staff export a person’s data, then erase it once her name is typed', async () => {
    const page = await open(STAFF, `/structure-essaimee/${state.essaimeId}`);
    const row = page.locator('tbody tr', { hasText: 'Lucie Ferrand' });
    expect(await downloaded(page, () => row.getByRole('button', { name: 'Exporter ses données' }).click())).toBe('donnees-personnelles-lucie-ferrand.json');
    await row.getByText(/Données de Lucie Ferrand exportées/).waitFor();
    await row.getByRole('button', { name: 'Effacer ses données' }).click();
    await row.getByLabel('Demande reçue par').selectOption('letter');
    await row.getByRole('button', { name: 'Effacer les données' }).click();
    const dialog = page.getByRole('dialog', { name: 'Effacer définitivement les données de Lucie Ferrand ?' });
    const confirm = dialog.getByRole('button', { name: 'Effacer définitivement' });
    await dialog.getByLabel('Pour confirmer, saisissez le nom de la personne').fill('Lucie');
    expect(await confirm.isDisabled()).toBe(true);
    await check(page, 'staff-erasure-dialog');
    await dialog.getByLabel('Pour confirmer, saisissez le nom de la personne').fill('Lucie Ferrand');
    await confirm.click();
    await page.getByText(/Données de Lucie Ferrand effacées/).waitFor();
    await settled(page);
    await expect.poll(async () => (await page.locator('tbody tr td:first-child').allTextContents()).includes('Lucie Ferrand')).toBe(false);
    await check(page, 'staff-essaime-erased', true);
  }, 90_000);

  it('no page of the walk shows a raw id, a raw value or an English word, nor a serious axe violation', () => {
    expect(walk.problems).toEqual([]);
  });
});
