import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { demoCalendar } from '../../scripts/seed/demo-calendar';
import { formatDate, formatDeadline, formatTime } from '../../shared/i18n/french';
import { expectAccessible, jsErrors, screenshot, settled, startE2E, text, type E2E } from './browser';
import { pageTextProblems } from './visible-text';

/**
 * A referent's home says what she must do next: her structure (whatever the season), the cohort's next session
 * and the evaluation report she still has to hand in, with its deadline. Anne Guérin (SEMES) has a draft of the
 * first return, due in five days (scripts/seed/demo-calendar.ts), and two sessions of her cohort are still ahead.
 */
let e2e: E2E;
const REFERENT = 'demo-referent-semes';
const STAFF = 'demo-staff-claire';
const DAY = 86_400_000;
let essaimeId = '';
/** As `text` reads it: every kind of space a plain one. */
const plain = (s: string) => s.replace(/\s+/g, ' ');
let next: { moduleTitle: string; date: string; startTime: string; place: string; mode: string };

beforeAll(async () => {
  e2e = await startE2E();
  const seasons = (await e2e.api.call('GET', '/seasons', { as: REFERENT })).body.items as { seasonId: string; year: number }[];
  const cohortSeason = seasons.find((s) => s.year === demoCalendar(new Date()).cohortSeason.year)!;
  essaimeId = (await e2e.api.call('GET', `/seasons/${cohortSeason.seasonId}/essaimes`, { as: REFERENT })).body.items[0].essaimeId;
  const training = (await e2e.api.call('GET', `/essaimes/${essaimeId}/training`, { as: REFERENT })).body as { sessions: (typeof next & { status: string })[] };
  const today = demoCalendar(new Date()).today;
  next = training.sessions.filter((s) => s.status === 'scheduled' && s.date > today).sort((a, b) => a.date.localeCompare(b.date))[0]!;
});

afterAll(async () => {
  await e2e?.stop();
});

describe('referent home', () => {
  it('shows the structure, the next session and the report due with its deadline', async () => {
    const page = await e2e.signIn(REFERENT);
    const upcoming = page.locator('section', { has: page.getByRole('heading', { name: 'À venir', exact: true }) });
    await upcoming.getByRole('link', { name: next.moduleTitle }).waitFor();
    const shown = await text(upcoming);
    expect(shown).toContain(plain(`le ${formatDate(next.date)} à ${formatTime(next.startTime)}`));
    expect(shown).toContain(next.place);
    expect(shown).not.toContain('Aucune séance prévue.');

    const report = upcoming.locator('li', { has: page.getByRole('link', { name: 'Premier retour', exact: false }) });
    const line = await text(report);
    expect(line).toContain(plain(`à rendre ${formatDeadline(demoCalendar(new Date()).stages.firstReturn.dueOn)}`));
    expect(line).toContain('Brouillon');
    expect(line).not.toContain('En retard');
    expect(await report.getByRole('link').getAttribute('href')).toMatch(new RegExp(`^/rapports/[^/]+/${essaimeId}$`));

    const structure = page.locator('section', { has: page.getByRole('heading', { name: 'Votre structure', exact: true }) });
    await structure.getByRole('link', { name: 'SEMES' }).waitFor();
    expect(await text(structure)).not.toContain('Aucune structure essaimée');

    await settled(page);
    expect(await pageTextProblems(page, [essaimeId])).toEqual([]);
    await screenshot(page, 'referent-home');
    await expectAccessible(page, 'referent home');

    await upcoming.getByRole('link', { name: next.moduleTitle }).click();
    await page.waitForURL(`**/structure-essaimee/${essaimeId}/formation`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(jsErrors(page)).toEqual([]);
  });

  it('marks the report « En retard » once its due date has passed', async () => {
    const stages = (await e2e.api.call('GET', `/essaimes/${essaimeId}/reports`, { as: REFERENT })).body.stages as { stageId: string; version: number; name: string }[];
    const first = stages.find((s) => s.name.startsWith('Premier retour'))!;
    const yesterday = addDays(demoCalendar(new Date()).today, -1);
    const moved = await e2e.api.call('PATCH', `/stages/${first.stageId}`, { as: STAFF, body: { expectedVersion: first.version, dueOn: yesterday } });
    expect(moved.status).toBe(200);

    const page = await e2e.signIn(REFERENT);
    const upcoming = page.locator('section', { has: page.getByRole('heading', { name: 'À venir', exact: true }) });
    const report = upcoming.locator('li', { has: page.getByRole('link', { name: first.name }) });
    await report.getByText('En retard').waitFor();
    expect(await text(report)).toContain(plain(`à rendre ${formatDeadline(yesterday)}`));
    expect(jsErrors(page)).toEqual([]);
  });

  it('lists a structure selected for the new season, with nothing yet scheduled nor due', async () => {
    const ENVOL = 'demo-applicant-envol';
    const season = ((await e2e.api.call('GET', '/seasons', { as: STAFF })).body.items as { seasonId: string; year: number }[]).find((s) => s.year === demoCalendar(new Date()).callSeason.year)!;
    const created = await e2e.api.call('POST', '/calls', {
      as: STAFF,
      body: { seasonId: season.seasonId, title: 'Appel complémentaire', hypotheses: ['A', 'B'], opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString() },
    });
    expect(created.status, created.text).toBe(201);
    const callId = created.body.callId as string;
    expect((await e2e.api.call('POST', `/calls/${callId}/open`, { as: STAFF })).status).toBe(200);
    const signedOn = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    const app = await e2e.api.call('POST', `/calls/${callId}/applications`, { as: ENVOL, body: demoApplicationInput('str_envol', signedOn, { answers: { 'A1.3': { kind: 'number', value: 2.5 } } }) });
    expect(app.status, app.text).toBe(201);
    const appId = app.body.applicationId as string;
    expect((await e2e.api.call('POST', `/applications/${appId}/submit`, { as: ENVOL })).status).toBe(200);
    const evidence = (await e2e.api.call('GET', `/applications/${appId}`, { as: STAFF })).body.eligibility.results.filter((r: { requiresEvidence: boolean }) => r.requiresEvidence);
    for (const { criterionId } of evidence) {
      const verified = await e2e.api.call('POST', `/applications/${appId}/verifications`, { as: STAFF, body: { criterionId, outcome: 'verified', comment: 'Pièces examinées' } });
      expect(verified.status, verified.text).toBe(200);
    }
    const openCall = await e2e.signIn(STAFF, `/appels/${callId}`);
    await openCall.getByRole('form', { name: 'Modifier l’appel' }).waitFor();
    expect((await e2e.api.call('POST', `/calls/${callId}/close`, { as: STAFF })).status).toBe(200);
    const decided = await e2e.api.call('POST', `/applications/${appId}/decision`, { as: STAFF, body: { outcome: 'selected', rationale: 'Équipe motivée' } });
    expect(decided.status, decided.text).toBe(200);
    const published = await e2e.api.call('POST', `/calls/${callId}/publish-decisions`, { as: STAFF, body: {} });
    expect(published.status, published.text).toBe(200);

    const page = await e2e.signIn(ENVOL);
    const structure = page.locator('section', { has: page.getByRole('heading', { name: 'Votre structure', exact: true }) });
    await structure.getByRole('link', { name: 'L’Envol' }).or(structure.getByRole('link', { name: "L'Envol" })).waitFor();
    expect(await text(structure)).not.toContain('Aucune structure essaimée');
    const upcoming = page.locator('section', { has: page.getByRole('heading', { name: 'À venir', exact: true }) });
    await upcoming.getByText('Aucune séance prévue.').waitFor();
    await upcoming.getByText('Aucun rapport à rendre.').waitFor();
    expect(await pageTextProblems(page, [appId, callId])).toEqual([]);
    expect(jsErrors(page)).toEqual([]);

    // The closed call's closing date and capacity are settled: staff are no longer offered to edit them.
    const callPage = await e2e.signIn(STAFF, `/appels/${callId}`);
    await callPage.getByRole('heading', { name: 'Critères d’entrée' }).waitFor();
    await settled(callPage);
    expect(await callPage.getByRole('form', { name: 'Modifier l’appel' }).count()).toBe(0);
  });
});
