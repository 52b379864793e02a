import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { demoCalendar } from '../../scripts/seed/demo-calendar';
import { expectAccessible, go, jsErrors, screenshot, settled, startE2E, type E2E } from './browser';

/**
 * The selection's guards in a real browser: a reviewer designated by name, a conflict of interest declared
 * behind its dialog, the call closed early with the days it cuts, and publication refused while an
 * application has no decision until staff explicitly waitlist it.
 */
let e2e: E2E;
const STAFF = 'demo-staff-claire';
const DAY = 86_400_000;
const state: { callId?: string; decidedId?: string; undecidedId?: string } = {};

beforeAll(async () => {
  e2e = await startE2E();
  const api = e2e.api;
  const season = (await api.call('GET', '/seasons', { as: STAFF })).body.items.find((s: { year: number }) => s.year === demoCalendar(new Date()).callSeason.year);
  const call = await api.call('POST', '/calls', {
    as: STAFF,
    body: { seasonId: season.seasonId, title: 'Appel des garde-fous', hypotheses: ['A', 'B'], opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 31 * DAY + 3_600_000).toISOString() },
  });
  state.callId = call.body.callId;
  await api.call('POST', `/calls/${state.callId}/open`, { as: STAFF });
  const signedOn = new Date(Date.now() - DAY).toISOString().slice(0, 10);
  const ids: string[] = [];
  for (const [user, structure] of [
    ['demo-applicant-envol', 'str_envol'],
    ['demo-referent-jura', 'str_jura-service'],
  ] as const) {
    const app = await api.call('POST', `/calls/${state.callId}/applications`, { as: user, body: demoApplicationInput(structure, signedOn, { answers: { 'A1.3': { kind: 'number', value: 2.5 } } }) });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    const submitted = await api.call('POST', `/applications/${app.body.applicationId}/submit`, { as: user });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    ids.push(app.body.applicationId);
  }
  [state.decidedId, state.undecidedId] = ids;
});

afterAll(async () => {
  await e2e?.stop();
});

describe('selection guards', () => {
  it('staff designate another reviewer by name, then declare a conflict of interest behind a dialog', async () => {
    const page = await e2e.signIn(STAFF, `/candidatures/${state.undecidedId}`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Évaluateurs et conflits d’intérêts' }) });
    await section.getByRole('combobox', { name: /Désigner un évaluateur/ }).selectOption({ label: 'Thomas Leroy' });
    await section.getByRole('button', { name: 'Désigner', exact: true }).click();
    await page.getByTestId('notice').getByText('Évaluation confiée à Thomas Leroy.').waitFor();
    await section.locator('p', { hasText: 'Évaluateurs désignés : Thomas Leroy' }).waitFor();

    // The reason is checked by the API, at its field, after the dialog.
    await section.getByRole('button', { name: 'Me déporter de cette candidature' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vous déporter de cette candidature ?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Me déporter' }).click();
    await section.locator('[data-field="reason"] .field-message').waitFor();
    await section.getByLabel('Motif du conflit d’intérêts').fill('Ancienne salariée de la structure');
    await section.getByRole('button', { name: 'Me déporter de cette candidature' }).click();
    await dialog.getByText('Ce déport est définitif.').waitFor();
    await screenshot(page, 'staff-recusal-dialog');
    await expectAccessible(page, 'recusal dialog');
    await dialog.getByRole('button', { name: 'Me déporter' }).click();
    await page.getByText('Vous avez déclaré un conflit d’intérêts pour cette candidature').waitFor();
    expect(jsErrors(page)).toEqual([]);
  });

  it('closing the call early says how many days early; cancelling keeps it open', async () => {
    const page = await e2e.signIn(STAFF, `/appels/${state.callId}`);
    await page.getByRole('button', { name: 'Clore l’appel' }).click();
    const dialog = page.getByRole('dialog', { name: /Clore l’appel maintenant, 31\sjours avant la date prévue/ });
    await dialog.getByText(/2\scandidatures déposées/).waitFor();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: 'Clore l’appel' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Clore l’appel' }).click();
    await dialog.getByRole('button', { name: 'Clore l’appel' }).click();
    await page.getByTestId('notice').getByText('Appel clos.').waitFor();
  });

  it('publication is refused while an application is undecided, until staff waitlist it explicitly', async () => {
    const decided = await e2e.api.call('POST', `/applications/${state.decidedId}/decision`, { as: 'demo-staff-thomas', body: { outcome: 'rejected', rationale: 'Territoire déjà couvert' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    // Thomas publishes: Claire declared a conflict of interest on the undecided application, so she cannot waitlist it.
    const page = await e2e.signIn('demo-staff-thomas', `/appels/${state.callId}`);
    await page.getByRole('button', { name: 'Publier les décisions' }).click();
    const dialog = page.getByRole('dialog', { name: /^Publier : 0\sretenue sur 5 à 10, 1\scandidature sans décision$/ });
    await dialog.getByRole('link', { name: 'Jura Service' }).waitFor();
    const confirm = dialog.getByRole('button', { name: 'Placer en liste d’attente et publier' });
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(page, 'staff-publish-guard');
    await expectAccessible(page, 'publish dialog');
    await dialog.getByLabel('Placer cette candidature en liste d’attente').check();
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await page.getByTestId('notice').getByText(/Décisions publiées\s:\s0\ssélection, 1\sen liste d’attente, 1\srefus/).waitFor();
    await settled(page);
    const waitlisted = await e2e.api.call('GET', `/applications/${state.undecidedId}`, { as: STAFF });
    expect(waitlisted.body.status).toBe('waitlisted');
    await go(page, `${e2e.url}/appels/${state.callId}`);
    expect(jsErrors(page)).toEqual([]);
  });
});
