import type { Page } from 'playwright-core';

/**
 * Filling the application form as a person does, shared by the e2e walks that apply (selection, whole season):
 * the structure, its territory, its people and the criteria of hypothesis A, with `staffFte` employees (typed
 * once, in the structure section, which criterion A1.3 reads).
 */
export async function fillApplication(page: Page, staffFte = '6,5'): Promise<void> {
  const form = page.getByRole('form', { name: 'Brouillon de candidature' });
  await form.getByLabel('Forme juridique').fill("Entreprise d'insertion");
  await form.getByLabel('Adresse').fill('12 rue des Tanneurs, 86160 Gençay');
  await form.getByLabel('Effectif (ETP)').fill(staffFte);
  await form.getByLabel('Situation budgétaire').selectOption('balanced');
  await form.getByLabel(/^Missions/).fill('Insertion par l’activité économique et accompagnement vers l’emploi durable.');
  await form.getByLabel('Public accompagné').fill('Demandeurs d’emploi de longue durée, bénéficiaires du RSA.');
  await form.getByLabel('Relations avec le service public de l’emploi').fill('Convention avec France Travail et la mission locale.');
  await form.getByLabel(/^Territoire( \*)?$/).fill('Pays des Six Vallées');
  await form.getByLabel('Région').selectOption('Nouvelle-Aquitaine');
  await form.getByLabel(/^Département( \*)?$/).fill('Vienne');
  await form.getByLabel('Code du département').fill('86');
  await form.getByLabel('Milieu').selectOption('rural');
  await form.getByLabel('Population').fill('40000');
  await form.getByLabel('Nom du prescripteur').fill('Département de la Vienne');
  await form.getByLabel(/^Type( \*)?$/).selectOption('departement');
  const person = form.getByRole('group', { name: 'Personne 1' });
  await person.getByLabel('Nom').fill('Sophie Marchand');
  await person.getByLabel('Fonction').fill('Directrice');
  await person.getByLabel('Courriel').fill('sophie.marchand@envol.example');
  const person2 = form.getByRole('group', { name: 'Personne 2' });
  await person2.getByLabel('Nom').fill('Lucas Bernier');
  await person2.getByLabel('Fonction').fill('Chargé de relation entreprises');
  await person2.getByLabel('Courriel').fill('lucas.bernier@envol.example');
  const referent = form.getByRole('group', { name: /Référent ou référente/ });
  await referent.getByLabel('Nom').fill('Sophie Marchand');
  await referent.getByLabel('Fonction').fill('Directrice');
  await referent.getByLabel('Courriel').fill('sophie.marchand@envol.example');
  await form.getByLabel('Prospecter les entreprises (« aller-vers »)').check();
  await form.getByLabel('Fidéliser les entreprises').check();
  // The criteria of hypothesis A.
  const yes = async (id: string, answer: 'Oui' | 'Non') => form.locator(`[data-criterion="${id}"]`).getByLabel(answer, { exact: true }).check();
  // A1.2 (structural deficit) and A1.3 (staff) are the structure's budget situation and staff, typed above.
  await yes('A1.1', 'Oui');
  for (const id of ['A2.1', 'A2.2', 'A2.3', 'A3', 'A4.1']) await yes(id, 'Oui');
  for (const [id, signer] of [['A4.2', 'Marie Dupuis'], ['A5.2', 'Alain Pichon']] as const) {
    const c = form.locator(`[data-criterion="${id}"]`);
    // A4.2 also offers an equivalent to the signature (verified by staff): the signature is checked here.
    await c.getByRole('checkbox', { name: /^Signé par/ }).check();
    await c.getByLabel('Nom du ou de la signataire').fill(signer);
    await c.getByLabel('Date de signature').fill('2020-01-15');
  }
  await form.locator('[data-criterion="A5.1"]').getByLabel(/Marché préexistant/).check();
  await form.locator('[data-criterion="A5.3"]').getByRole('textbox').fill('calendrier-envol-2020.pdf');
}
