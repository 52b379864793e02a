import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar';
import { demoCalendar } from '../../scripts/seed/demo-calendar';
import { expectAccessible, jsErrors, screenshot, settled, startE2E, text, type E2E } from './browser';

/**
 * The formation-action's people and calendar from the browser: participants withdrawn, added and replaced
 * (each behind its dialog), a participant's personal data exported then erased after typing their name, and
 * sessions moved and cancelled.
 */
let e2e: E2E;
const STAFF = 'demo-staff-claire';
const state: { essaimeId?: string; cohortId?: string; people?: { participantId: string; name: string; active: boolean }[] } = {};

beforeAll(async () => {
  e2e = await startE2E();
  const api = e2e.api;
  const season = (await api.call('GET', '/seasons', { as: STAFF })).body.items.find((s: { year: number }) => s.year === demoCalendar(new Date()).cohortSeason.year);
  const essaimes = (await api.call('GET', `/seasons/${season.seasonId}/essaimes`, { as: STAFF })).body.items;
  // The structure with the most people in training (at least two are needed: one leaves, one is replaced).
  const views = await Promise.all(essaimes.map(async (e: { essaimeId: string }) => (await api.call('GET', `/essaimes/${e.essaimeId}`, { as: STAFF })).body));
  const chosen = views.sort((a, b) => b.activeParticipantCount - a.activeParticipantCount)[0];
  state.essaimeId = chosen.essaimeId;
  state.people = chosen.participants;
  state.cohortId = (await api.call('GET', `/seasons/${season.seasonId}/cohort`, { as: STAFF })).body.cohortId;
});

afterAll(async () => {
  await e2e?.stop();
});

describe('participants, personal data and sessions', () => {
  it('withdraws, adds and replaces participants, each guarded', async () => {
    const active = state.people!.filter((p) => p.active);
    expect(active.length).toBeGreaterThanOrEqual(2);
    const leaver = active[0]!;
    const replaced = active[1]!;
    const page = await e2e.signIn(STAFF, `/structure-essaimee/${state.essaimeId}`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: /^Participants à la formation/ }) });

    await section.getByRole('button', { name: `Retirer ${leaver.name}` }).click();
    const withdraw = section.getByRole('form', { name: `Retirer ${leaver.name}` });
    await withdraw.getByLabel('Motif du retrait').fill('Départ de la structure');
    await withdraw.getByRole('button', { name: 'Retirer', exact: true }).click();
    const confirmWithdraw = page.getByRole('dialog', { name: `Retirer ${leaver.name} de la formation ?` });
    await confirmWithdraw.getByText(/ne s’annule pas/).waitFor();
    await confirmWithdraw.getByRole('button', { name: 'Retirer', exact: true }).click();
    await page.getByTestId('notice').getByText(`${leaver.name} ne suit plus la formation.`).waitFor();

    const add = section.getByRole('form', { name: 'Ajouter un participant' });
    await add.getByLabel('Nom et prénom').fill('Lucie Ferrand');
    await add.getByLabel('Fonction').fill('Chargée de relations entreprises');
    await add.getByLabel('Courriel').fill('pas-un-courriel');
    await add.getByRole('button', { name: 'Ajouter' }).click();
    await add.locator('[data-field="email"] .field-message').waitFor();
    expect(await add.getByLabel('Nom et prénom').inputValue()).toBe('Lucie Ferrand');
    await add.getByLabel('Courriel').fill('lucie.ferrand@exemple.fr');
    await add.getByRole('button', { name: 'Ajouter' }).click();
    await page.getByTestId('notice').getByText('Lucie Ferrand suit désormais la formation.').waitFor();

    await section.getByRole('button', { name: `Remplacer ${replaced.name}` }).click();
    const replace = section.getByRole('form', { name: `Remplacer ${replaced.name}` });
    await replace.getByLabel('Nom et prénom').fill('Aurélien Marchetti');
    await replace.getByLabel('Fonction').fill('Conseiller emploi');
    await replace.getByLabel('Courriel').fill('aurelien.marchetti@exemple.fr');
    await replace.getByRole('button', { name: 'Remplacer', exact: true }).click();
    const confirmReplace = page.getByRole('dialog', { name: `Remplacer ${replaced.name} par Aurélien Marchetti ?` });
    await confirmReplace.waitFor();
    await screenshot(page, 'staff-participant-replace');
    await expectAccessible(page, 'replace dialog');
    await confirmReplace.getByRole('button', { name: 'Remplacer', exact: true }).click();
    await page.getByTestId('notice').getByText(`Aurélien Marchetti remplace désormais ${replaced.name}.`).waitFor();
    const row = section.locator('tbody tr', { hasText: 'Aurélien Marchetti' });
    expect(await text(row)).toContain('Actif');
    expect(jsErrors(page)).toEqual([]);
  });

  it('exports a participant’s data, then erases it only once their name is typed', async () => {
    const page = await e2e.signIn(STAFF, `/structure-essaimee/${state.essaimeId}`);
    const row = page.locator('tbody tr', { hasText: 'Lucie Ferrand' });
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Exporter ses données' }).click();
    expect((await download).suggestedFilename()).toBe('donnees-personnelles-lucie-ferrand.json');
    await row.getByText(/Données de Lucie Ferrand exportées/).waitFor();

    await row.getByRole('button', { name: 'Effacer ses données' }).click();
    await row.getByLabel('Demande reçue par').selectOption('letter');
    await row.getByRole('button', { name: 'Effacer les données' }).click();
    const dialog = page.getByRole('dialog', { name: 'Effacer définitivement les données de Lucie Ferrand ?' });
    const confirm = dialog.getByRole('button', { name: 'Effacer définitivement' });
    await dialog.getByLabel('Pour confirmer, saisissez le nom de la personne').fill('Lucie');
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(page, 'staff-erasure-dialog');
    await expectAccessible(page, 'erasure dialog');
    await dialog.getByLabel('Pour confirmer, saisissez le nom de la personne').fill('Lucie Ferrand');
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await page.getByText(/Données de Lucie Ferrand effacées/).waitFor();
    await settled(page);
    // The row stays (the notice says what happened), but the name is gone from the list and from the API.
    await expect.poll(async () => (await page.locator('tbody tr td:first-child').allTextContents()).includes('Lucie Ferrand')).toBe(false);
    const view = (await e2e.api.call('GET', `/essaimes/${state.essaimeId}`, { as: STAFF })).body;
    expect(view.participants.map((p: { name: string }) => p.name)).not.toContain('Lucie Ferrand');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'staff-essaime-participants-phone');
    await expectAccessible(page, 'essaimé page at phone width');
    expect(jsErrors(page)).toEqual([]);
  });

  it('moves one session and cancels another', async () => {
    const sessions = (await e2e.api.call('GET', `/cohorts/${state.cohortId}/sessions?limit=100`, { as: STAFF })).body.items as {
      sessionId: string;
      date: string;
      status: string;
      attendance: { recorded: number };
    }[];
    const open = sessions.filter((s) => s.status === 'scheduled' && s.attendance.recorded === 0);
    expect(open.length).toBeGreaterThanOrEqual(2);
    const toMove = open[0]!;
    const toCancel = open[1]!;
    const page = await e2e.signIn(STAFF, `/formation/${state.cohortId}`);
    const cohort = (await e2e.api.call('GET', `/cohorts/${state.cohortId}`, { as: STAFF })).body;
    const newDate = addDays(toMove.date, 1) <= cohort.endDate ? addDays(toMove.date, 1) : addDays(toMove.date, -1);

    const moveRow = page.locator('tbody tr', { hasText: frenchDay(toMove.date) }).first();
    await moveRow.getByRole('button', { name: 'Déplacer' }).click();
    const move = moveRow.getByRole('form', { name: 'Déplacer la séance' });
    await move.getByLabel('Nouvelle date').fill(newDate);
    await move.getByRole('button', { name: 'Déplacer la séance' }).click();
    await page.getByTestId('notice').getByText(`au ${frenchDay(newDate)}`, { exact: false }).waitFor();

    const cancelRow = page.locator('tbody tr', { hasText: frenchDay(toCancel.date) }).first();
    await cancelRow.getByRole('button', { name: 'Annuler la séance' }).click();
    const cancel = cancelRow.getByRole('form', { name: 'Annuler la séance' });
    await cancel.getByLabel('Motif de l’annulation').fill('Formateur indisponible');
    await cancel.getByRole('button', { name: 'Annuler la séance' }).click();
    const dialog = page.getByRole('dialog', { name: /^Annuler la séance du/ });
    await dialog.getByText('Formateur indisponible', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Annuler la séance' }).click();
    await page.getByTestId('notice').getByText(/annulée\.$/).waitFor();
    await page.locator('tbody tr', { hasText: 'Formateur indisponible' }).getByText('Annulée').waitFor();
    await screenshot(page, 'staff-cohort-sessions');
    await expectAccessible(page, 'cohort page with session actions');
    expect(jsErrors(page)).toEqual([]);
  });
});

/** '2026-11-28' → '28 novembre 2026', as the pages write dates. */
function frenchDay(isoDay: string): string {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDay}T12:00:00Z`)).replace(/^1 /, '1er ');
}
