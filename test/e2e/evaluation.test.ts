import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCalendar } from '../../scripts/seed/demo-calendar';
import { expectAccessible, go, heading, jsErrors, navTo, screenshot, settled, startE2E, text, type E2E } from './browser';

/**
 * The staged evaluation in a real browser: the referent submits a report with an inconsistent figure, sees the
 * error at the field, corrects it and submits; staff accept it; the programme dashboard shows the new figures;
 * the tutor assesses fidelity; a referent cannot open another structure's report.
 */
let e2e: E2E;
let seasonId = '';
let intermediateStageId = '';
let passerelleId = '';
let juraId = '';

beforeAll(async () => {
  e2e = await startE2E();
  const seasons = await e2e.api.call('GET', '/seasons', { as: 'demo-staff-claire' });
  seasonId = seasons.body.items.find((s: { status: string }) => s.status === 'running').seasonId;
  const essaimes = (await e2e.api.call('GET', `/seasons/${seasonId}/essaimes`, { as: 'demo-staff-claire' })).body.items as { essaimeId: string; structureId: string }[];
  passerelleId = essaimes.find((e) => e.structureId === 'str_passerelle')!.essaimeId;
  juraId = essaimes.find((e) => e.structureId === 'str_jura-service')!.essaimeId;
  const stages = (await e2e.api.call('GET', `/seasons/${seasonId}/stages`, { as: 'demo-staff-claire' })).body.items as { stageId: string; kind: string }[];
  intermediateStageId = stages.find((s) => s.kind === 'intermediate')!.stageId;
  // The seeded intermediate stage opens months from now (demo calendar): staff open it today for this walk.
  const stage = await e2e.api.call('GET', `/stages/${intermediateStageId}`, { as: 'demo-staff-claire' });
  const opened = await e2e.api.call('PATCH', `/stages/${intermediateStageId}`, { as: 'demo-staff-claire', body: { expectedVersion: stage.body.version, opensOn: demoCalendar(new Date()).today } });
  if (opened.status !== 200) throw new Error(`Opening the intermediate stage answered ${opened.status}`);
});

afterAll(async () => {
  await e2e?.stop();
});

async function dashboardKpi(page: Page, label: string): Promise<string> {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text(page.getByTestId('kpis').locator('.kpi', { has: page.locator('.kpi-label', { hasText: new RegExp(`^${escaped}`) }) }).locator('.kpi-value'));
}

describe('staged evaluation', () => {
  it('the programme dashboard has no figure yet for the intermediate stage', async () => {
    const page = await e2e.signIn('demo-staff-thomas');
    await navTo(page, 'Tableau de bord');
    expect(await heading(page)).toBe('Tableau de bord du programme');
    await settled(page);
    // The first stage (seeded): three reports accepted, with the comparison to the A.CO.R. reference.
    expect(await dashboardKpi(page, 'rapport')).toBe('3');
    await page.getByRole('img', { name: /Taux du programme et référence A\.CO\.R\./ }).waitFor();
    await screenshot(page, 'staff-dashboard');
    await expectAccessible(page, 'programme dashboard');
    await page.getByLabel('Étape').selectOption(intermediateStageId);
    await expect.poll(() => dashboardKpi(page, 'rapport')).toBe('0');
  });

  it('the referent submits a report with an inconsistent figure, sees it at the field, corrects it and submits', async () => {
    const page = await e2e.signIn('demo-referent-passerelle');
    await navTo(page, 'Rapports');
    expect(await heading(page)).toBe('Rapports d’évaluation');
    await settled(page);
    await screenshot(page, 'referent-reports');
    await expectAccessible(page, 'referent reports');
    const row = page.locator('tbody tr', { hasText: 'Bilan intermédiaire' });
    await row.getByRole('link', { name: 'Remplir le rapport' }).click();
    expect(await heading(page)).toBe('Bilan intermédiaire — Passerelle');
    await settled(page);
    const form = page.getByRole('form', { name: 'Rapport d’évaluation' });
    await form.getByLabel('Début de la période').fill('2020-03-01');
    await form.getByLabel('Fin de la période').fill('2020-06-30');
    const numbers = form.locator('section', { hasText: 'Indicateurs (chiffres agrégés)' }).locator('input');
    for (let i = 0; i < (await numbers.count()); i++) await numbers.nth(i).fill('10');
    await form.getByLabel(/^Personnes accompagnées/).fill('50');
    await form.getByLabel(/^Personnes de retour à l'emploi/).fill('60');
    await form.getByLabel(/^dont en emploi durable/).fill('12');
    await form.getByLabel(/^Délai moyen/).fill('95');
    await form.getByLabel(/^Chargés de relation entreprises/).fill('2,5');
    const questions = form.locator('textarea');
    for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).fill('Mise en œuvre en cours, avec l’appui du tuteur et de l’équipe.');

    // 60 people back in a job out of 50 supported: refused, at the field, in French; nothing typed is lost.
    await form.getByRole('button', { name: 'Transmettre le rapport' }).click();
    await page.getByTestId('error-summary').getByText('Certains chiffres sont incohérents').waitFor();
    const backInJob = form.locator('[data-field="indicators.backInJob"]');
    expect(await text(backInJob.locator('.field-message'))).toContain('ne peut pas dépasser le nombre de personnes accompagnées');
    expect(await form.getByLabel(/^Personnes de retour à l'emploi/).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel(/^Délai moyen/).inputValue()).toBe('95');
    await screenshot(page, 'referent-report-inconsistent');
    await expectAccessible(page, 'report form with errors');

    await form.getByLabel(/^Personnes de retour à l'emploi/).fill('30');
    await form.getByRole('button', { name: 'Transmettre le rapport' }).click();
    await page.locator('.subtitle').getByText('Transmis', { exact: true }).waitFor();
    expect(jsErrors(page)).toEqual([]);
  });

  it('staff accept the report from the review queue', async () => {
    const page = await e2e.signIn('demo-staff-claire');
    await navTo(page, 'Évaluation');
    expect(await heading(page)).toBe('Évaluation par étapes');
    await settled(page);
    await screenshot(page, 'staff-evaluation');
    await expectAccessible(page, 'evaluation page');
    const queue = page.locator('section', { has: page.getByRole('heading', { name: 'Rapports à relire' }) });
    await queue.getByRole('link', { name: 'Passerelle' }).first().click();
    await settled(page);
    await page.getByRole('cell', { name: '30', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Accepter le rapport' }).click();
    await page.getByRole('dialog', { name: /^Accepter le rapport de/ }).getByRole('button', { name: 'Accepter le rapport' }).click();
    await page.locator('.subtitle').getByText('Accepté', { exact: true }).waitFor();
    await screenshot(page, 'staff-report');
  });

  it('the programme dashboard shows the new figures', async () => {
    const page = await e2e.signIn('demo-staff-thomas', `/tableau-de-bord?saison=${seasonId}&etape=${intermediateStageId}`);
    expect(await dashboardKpi(page, 'rapport')).toBe('1');
    expect(await dashboardKpi(page, 'personnes accompagnées')).toBe('50');
    expect(await dashboardKpi(page, 'de retour à l’emploi')).toBe('30');
    expect(await dashboardKpi(page, 'taux de retour à l’emploi')).toBe('60 %');
    expect(await dashboardKpi(page, 'en emploi durable')).toBe('40 %');
    await page.getByRole('img', { name: /Taux par région/ }).waitFor();
    expect(await page.getByRole('img', { name: /Taux par région/ }).getAttribute('aria-labelledby')).toBeTruthy();
    expect(await text(page.locator('#by-region-desc'))).toContain('Auvergne-Rhône-Alpes : Retour à l’emploi 60 %');
    await screenshot(page, 'staff-dashboard-new-figures');
  });

  it('the tutor assesses the fidelity of their essaimé to the four principles', async () => {
    const page = await e2e.signIn('demo-tutor-michel', `/structure-essaimee/${passerelleId}/fidelite`);
    expect(await heading(page)).toBe('Fidélité à la méthode — Passerelle');
    await page.getByText('Largement appliqué').first().waitFor();
    const form = page.getByRole('form', { name: 'Évaluer la fidélité' });
    await form.getByLabel('Étape').selectOption(intermediateStageId);
    for (const group of await form.getByRole('group').all()) {
      await group.getByLabel('Niveau').selectOption('substantial');
      await group.getByLabel(/Constats/).fill('Pratique observée lors de la visite de juin, sur le tableau de suivi.');
    }
    await form.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
    await page.getByTestId('notice').getByText('Évaluation de fidélité enregistrée').waitFor();
    await expect.poll(() => page.locator('main .card h3', { hasText: 'Bilan intermédiaire' }).count()).toBe(1);
    await screenshot(page, 'tutor-fidelity');
    await expectAccessible(page, 'fidelity page');
    expect(jsErrors(page)).toEqual([]);
  });

  it('a referent cannot open another structure’s report or dashboard (French "no access" page)', async () => {
    const page = await e2e.signIn('demo-referent-passerelle');
    const api = await e2e.api.call('GET', `/stages/${intermediateStageId}/reports/${juraId}`, { as: 'demo-referent-passerelle' });
    expect(api.status).toBe(404);
    await go(page, `${e2e.url}/rapports/${intermediateStageId}/${juraId}`);
    expect(await heading(page)).toBe('Page introuvable ou accès refusé');
    await go(page, `${e2e.url}/structure-essaimee/${juraId}/tableau-de-bord`);
    expect(await heading(page)).toBe('Page introuvable ou accès refusé');
    await go(page, `${e2e.url}/structure-essaimee/${juraId}/formation`);
    expect(await heading(page)).toBe('Page introuvable ou accès refusé');
    // A staff page, by address: refused by role.
    await go(page, `${e2e.url}/tableau-de-bord`);
    expect(await heading(page)).toBe('Accès refusé');
    expect(jsErrors(page)).toEqual([]);
  });
});
