import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, go, heading, jsErrors, navTo, screenshot, settled, startE2E, text, type E2E } from './browser';
import { fillApplication } from './application-form';
import { demoCalendar } from '../../scripts/seed/demo-calendar';

/**
 * The call for candidate territories in a real browser: a staff member opens a call; a referent applies,
 * sees an unmet criterion, fixes it and submits; the staff member scores, verifies and selects it, closes the
 * call and publishes the decisions; the new essaimé appears.
 */
let e2e: E2E;
let callUrl = '';
let applicationUrl = '';

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe('selection of a territory', () => {
  it('a staff member prepares and opens a call', async () => {
    const page = await e2e.signIn('demo-staff-claire');
    await navTo(page, 'Appels et sélection');
    expect(await heading(page)).toBe('Appels à territoires candidats');
    const form = page.getByRole('form', { name: 'Préparer un appel' });
    await form.getByLabel('Saison').selectOption({ label: demoCalendar(new Date()).callSeason.name });
    await form.getByLabel('Titre').fill('Appel complémentaire 2020 : territoires ruraux');
    await form.getByLabel('Présentation').fill('Rejoignez l’essaimage de la méthode A.CO.R. de médiation active vers l’emploi.');
    await form.getByRole('button', { name: 'Créer l’appel (brouillon)' }).click();
    await page.waitForURL(/\/appels\/call_/);
    callUrl = new URL(page.url()).pathname;
    expect(await heading(page)).toBe('Appel complémentaire 2020 : territoires ruraux');
    await page.getByText('Brouillon', { exact: true }).first().waitFor();
    // The study's criteria are there, per hypothesis.
    await page.getByRole('table', { name: /Critères — Hypothèse A/ }).getByText('Nombre de salariés en équivalent temps plein').waitFor();
    // Staff adjust the criteria of the draft: an invalid threshold is refused at its field, in French.
    await page.getByRole('button', { name: 'Modifier les critères' }).click();
    const criteria = page.getByRole('form', { name: 'Critères de l’appel' });
    const staffFte = criteria.getByRole('group', { name: /^A1\.3 / });
    await staffFte.getByLabel('Minimum (ETP)').fill('deux');
    await criteria.getByRole('button', { name: 'Enregistrer les critères' }).click();
    await staffFte.locator('.field-message').waitFor();
    expect(await staffFte.locator('.field-message').textContent()).toContain('Saisissez un nombre.');
    await staffFte.getByLabel('Minimum (ETP)').fill('2');
    await criteria.getByRole('button', { name: 'Enregistrer les critères' }).click();
    await page.getByTestId('notice').getByText('Critères enregistrés.').waitFor();
    await page.getByRole('button', { name: 'Ouvrir l’appel' }).click();
    await page.getByRole('dialog', { name: 'Ouvrir l’appel ?' }).getByRole('button', { name: 'Ouvrir l’appel' }).click();
    await page.getByTestId('notice').getByText('Appel ouvert').waitFor();
    await page.locator('.subtitle').getByText('Ouvert', { exact: true }).waitFor();
    await screenshot(page, 'staff-call');
    await expectAccessible(page, 'staff call page');
    expect(jsErrors(page)).toEqual([]);
  });

  it('a referent applies, sees an unmet criterion live and at submission, fixes it and submits', async () => {
    const page = await e2e.signIn('demo-applicant-envol');
    await navTo(page, 'Appels et candidatures');
    await page.getByRole('link', { name: 'Appel complémentaire 2020 : territoires ruraux', exact: true }).click();
    await page.getByRole('link', { name: 'Candidater' }).click();
    expect(await heading(page)).toBe('Candidater');
    await page.getByLabel('Nom de la structure').fill("L'Envol");
    await page.getByLabel(/Hypothèse A/).check();
    await page.getByRole('button', { name: 'Commencer la candidature' }).click();
    await page.waitForURL(/\/candidatures\/app_/);
    applicationUrl = new URL(page.url()).pathname;
    expect(await heading(page)).toBe("Candidature de L'Envol");
    await settled(page);
    await fillApplication(page);

    // One employee only: the live check says the criterion is not met, at the criterion. The staff is one fact,
    // typed in the structure section only; A1.3 shows it (the API refuses a contradiction, CONTRADICTORY_FACTS).
    const staff = page.locator('[data-criterion="A1.3"]');
    const structureFte = page.getByRole('form', { name: 'Brouillon de candidature' }).getByLabel('Effectif (ETP)');
    await structureFte.fill('1');
    const feedback = page.getByTestId('feedback-A1.3');
    await expect.poll(() => text(feedback)).toContain('1 ETP déclarés ; le minimum est de 2 ETP.');
    expect(await feedback.textContent()).toContain('Non rempli');
    await expect.poll(() => page.getByTestId('live-eligibility').textContent()).toContain('Non éligible');
    await screenshot(page, 'referent-application-unmet');
    await expectAccessible(page, 'application form');

    // Submitting anyway is refused, with the reason at the field; nothing typed is lost.
    await page.getByRole('button', { name: 'Déposer la candidature' }).click();
    await page.getByRole('dialog', { name: /^Déposer la candidature de/ }).getByRole('button', { name: 'Déposer', exact: true }).click();
    await page.getByTestId('error-summary').getByText('La candidature ne remplit pas tous les critères').waitFor();
    expect(await staff.locator('.field-message').textContent()).toContain('le minimum est de 2 ETP');
    expect(await structureFte.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Adresse').inputValue()).toBe('12 rue des Tanneurs, 86160 Gençay');
    await screenshot(page, 'referent-application-refused');

    // Fixed: four employees, typed once.
    await structureFte.fill('4');
    await expect.poll(() => feedback.textContent()).toContain('Rempli');
    await expect.poll(() => page.getByTestId('live-eligibility').textContent()).toContain('Éligible');
    await page.getByRole('button', { name: 'Déposer la candidature' }).click();
    await page.getByRole('dialog', { name: /^Déposer la candidature de/ }).getByRole('button', { name: 'Déposer', exact: true }).click();
    await page.locator('.subtitle').getByText('Déposée').waitFor();
    await page.getByRole('list', { name: 'Éligibilité par critère' }).waitFor();
    await screenshot(page, 'referent-application-submitted');
    expect(jsErrors(page)).toEqual([]);
  });

  it('a staff member finds it in the ranked list, scores, verifies and selects it', async () => {
    const page = await e2e.signIn('demo-staff-thomas', `${callUrl}/candidatures`);
    expect(await heading(page)).toBe('Candidatures');
    // Filters live in the address.
    await page.getByLabel('Éligibilité').selectOption('eligible');
    await page.waitForURL(/eligibilite=eligible/);
    await settled(page);
    const row = page.locator('tbody tr', { hasText: "L'Envol" });
    await row.getByText('Éligible').waitFor();
    await page.getByLabel('Milieu').selectOption('urban');
    await page.getByText('Aucune candidature ne correspond à ces filtres.').waitFor();
    await page.getByLabel('Milieu').selectOption('rural');
    await row.waitFor();
    await screenshot(page, 'staff-applications');
    await expectAccessible(page, 'ranked applications');
    await row.getByRole('link', { name: "L'Envol" }).click();
    expect(await heading(page)).toBe("L'Envol");
    await settled(page);

    await page.getByRole('button', { name: 'Me désigner comme évaluateur' }).click();
    const scoring = page.getByRole('form', { name: 'Ma notation' });
    await scoring.waitFor();
    // A score off the scale is refused at its field.
    const inputs = scoring.locator('input');
    const count = await inputs.count();
    for (let i = 0; i < count; i++) await inputs.nth(i).fill('4');
    await inputs.first().fill('7');
    await scoring.getByRole('button', { name: 'Enregistrer ma notation' }).click();
    await scoring.locator('.field-message').first().waitFor();
    expect(await scoring.locator('.field-message').first().textContent()).toContain('inférieure ou égale à 5');
    expect(await inputs.nth(1).inputValue()).toBe('4');
    await inputs.first().fill('5');
    await scoring.getByLabel('Commentaire').fill('Consortium solide avec le Département ; équipe motivée.');
    await scoring.getByRole('button', { name: 'Enregistrer ma notation' }).click();
    await page.getByRole('cell', { name: '85', exact: true }).waitFor();

    for (const id of ['A1.2', 'A2.3']) {
      const item = page.locator(`li[data-criterion="${id}"]`);
      await item.getByRole('button', { name: 'Vérifié sur pièces' }).click();
      await item.getByText('Justificatif : vérifié').waitFor();
    }

    await page.getByRole('form', { name: 'Ajouter une note privée' }).getByLabel(/Nouvelle note/).fill('Appel avec la directrice le 3 février : très bon échange.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.getByText('très bon échange').waitFor();

    const decision = page.getByRole('form', { name: 'Décider' });
    await decision.getByLabel('Sélectionnée').check();
    await decision.getByLabel('Motivation').fill('Territoire rural prioritaire, critères remplis, consortium engagé.');
    await decision.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.getByTestId('notice').getByText('Décision enregistrée').waitFor();
    await page.getByRole('heading', { name: 'Historique' }).waitFor();
    await page.getByText('Décision (candidature)').first().waitFor();
    // The history paginates: eight events a page, the creation on the next one.
    const pager = page.getByRole('navigation', { name: 'Pagination de l’historique' });
    await pager.getByRole('button', { name: 'Page suivante →' }).click();
    await pager.getByText('Page 2').waitFor();
    await page.getByText('Création (candidature)').waitFor();
    await pager.getByRole('button', { name: '← Page précédente' }).click();
    await page.getByText('Décision (candidature)').first().waitFor();
    await screenshot(page, 'staff-application');
    await expectAccessible(page, 'staff application page');
    expect(jsErrors(page)).toEqual([]);
  });

  it('the staff member closes the call and publishes the decisions; the structure becomes an essaimé', async () => {
    const page = await e2e.signIn('demo-staff-claire', `${callUrl}`);
    await page.getByRole('button', { name: 'Clore l’appel' }).click();
    await page.getByRole('dialog', { name: /^Clore l’appel maintenant/ }).getByRole('button', { name: 'Clore l’appel' }).click();
    await page.getByTestId('notice').getByText('Appel clos.').waitFor();
    await page.getByRole('button', { name: 'Publier les décisions' }).click();
    // The guard states the figures; every application here is decided, so nothing is to waitlist
    // (test/e2e/selection-guards.test.ts checks the refusal of undecided ones).
    const publish = page.getByRole('dialog', { name: /^Publier : 1\sretenue sur .*, 0\scandidature sans décision$/ });
    await publish.getByText(/1\ssélection, 0 en liste d’attente, 0\srefus/).waitFor();
    expect(await publish.getByRole('checkbox').count()).toBe(0);
    await publish.getByRole('button', { name: 'Publier et notifier', exact: true }).click();
    await page.getByTestId('notice').getByText('1 sélection,').waitFor();
    expect(await text(page.getByTestId('notice'))).toContain('1 structure essaimée créée.');

    const referent = await e2e.signIn('demo-applicant-envol', `${applicationUrl}`);
    await referent.getByText('Territoire rural prioritaire').waitFor();
    await go(referent, `${e2e.url}/messages`);
    await referent.locator('.message').first().waitFor();
    await go(referent, `${e2e.url}/ma-structure`);
    await referent.getByRole('link', { name: "L'Envol" }).waitFor();
    expect(jsErrors(referent)).toEqual([]);
  });
});
