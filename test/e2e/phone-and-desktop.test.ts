import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoIds } from '../support/demo-ids';
import { axeViolations, screenshot, settled, startE2E, type E2E } from './browser';
import { visibleTextProblems } from './visible-text';

/**
 * The main pages of each role at a phone's width (390×844) and a laptop's (1366×900): a screenshot of each,
 * no serious or critical axe violation, and on the phone the menu folded behind its button. The visible text
 * shows no raw id of the demo data, no raw enum value of the API's schemas, no English word, no « (s) » for a
 * plural, and French typography (a no-break space before ; : ! ? » and after «).
 */
let e2e: E2E;
let forbidden: string[] = [];

const widths = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
] as const;

/** Pages by role; `{name}` is a demo id (pages that name people: reviewers, note authors, tutors, recipients). */
const mainPages: Record<string, string[]> = {
  'demo-staff-claire': ['/', '/saisons', '/saisons/{seasonId}', '/appels', '/candidatures/{applicationId}', '/formation', '/tutorat', '/evaluation', '/tableau-de-bord', '/messages'],
  'demo-referent-passerelle': ['/', '/ma-structure', '/structure-essaimee/{essaimeId}', '/demandes', '/rapports'],
  'demo-applicant-envol': ['/', '/appels'],
  'demo-tutor-michel': ['/', '/ma-structure', '/demandes'],
};

/** Other pages, read at a laptop's width for their text only (names, French, no raw value). */
const otherPages: Record<string, string[]> = {
  'demo-staff-claire': [
    '/appels/{callId}',
    '/appels/{callId}/candidatures',
    '/historique/season/{seasonId}',
    '/formation/{cohortId}',
    '/formation/{cohortId}/avancement',
    '/tutorat/tuteurs/{tutorUserId}',
    '/tutorat/objectif-de-reponse',
    '/evaluation/etapes/{stageId}',
    '/gouvernance',
    '/gouvernance/{seasonId}',
    '/montee-en-charge',
    '/utilisateurs',
    '/donnees-personnelles',
    '/guide-essaimage',
    '/structure-essaimee/{essaimeId}',
    '/structure-essaimee/{essaimeId}/tableau-de-bord',
    '/structure-essaimee/{essaimeId}/fidelite',
    '/structure-essaimee/{essaimeId}/plan-action',
  ],
  'demo-referent-passerelle': ['/messages', '/demandes/{requestId}', '/structure-essaimee/{essaimeId}/formation', '/donnees-personnelles'],
  'demo-tutor-michel': ['/tutorat/tuteurs/{tutorUserId}', '/demandes/{requestId}', '/messages'],
};

/** Raw enum values that are one English word, not French too (no « rural », « stable », « active »). */
const englishValues = ['withdrawn', 'recused', 'scored', 'assigned', 'reassigned', 'released', 'reopened', 'validated', 'verified', 'unconfirmed', 'invited', 'erased', 'deactivated', 'improving', 'declining', 'overridden', 'incomplete', 'unmet', 'missing', 'late', 'done', 'ready', 'proposed', 'remote', 'urban', 'open', 'user'];

let raw: RegExp;
/** A plain space where French typography wants a no-break one. */
const looseSpace = /[^\s][ ]+[;:!?»]|« /;

function textProblems(visible: string): string[] {
  const problems = visibleTextProblems(visible, forbidden);
  const word = raw.exec(visible);
  if (word) problems.push(`raw value, English word or « (s) » visible: "${word[1] ?? word[2]}" (…${around(visible, word.index)}…)`);
  const space = looseSpace.exec(visible);
  if (space) problems.push(`plain space before a French punctuation mark: …${around(visible, space.index).replace(/ /g, '␣')}…`);
  return problems;
}

const around = (text: string, at: number) => text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, (s) => (s.includes('\u00a0') ? '\u00a0' : ' '));

beforeAll(async () => {
  e2e = await startE2E();
  const ids = new DemoIds(e2e.api);
  forbidden = await Promise.all(['seasonId', 'essaimeId', 'cohortId', 'callId', 'applicationId', 'requestId', 'stageId'].map((name) => ids.get(name)));
  for (const pages of [mainPages, otherPages]) {
    for (const [userId, paths] of Object.entries(pages)) {
      pages[userId] = await Promise.all(
        paths.map(async (path) => {
          let resolved = path;
          for (const [, name] of path.matchAll(/\{(\w+)\}/g)) resolved = resolved.replace(`{${name}}`, await ids.get(name!));
          return resolved;
        }),
      );
    }
  }
  // visibleTextProblems already refuses the schemas' enum values written with _ or -, and undefined/null/NaN/true/false.
  const words = englishValues;
  raw = new RegExp(`(?<![\\p{L}\\p{N}_-])(${words.join('|')})(?![\\p{L}\\p{N}_-])|(\\((?:s|e|es|x)\\))`, 'u');
});

afterAll(async () => {
  await e2e?.stop();
});

async function openAs(userId: string, path: string, viewport: { width: number; height: number }): Promise<Page> {
  // A second try when a page is slow to load on a busy machine; a page that never loads still fails.
  const page = await e2e.signIn(userId, path).catch(() => e2e.signIn(userId, path));
  await page.setViewportSize(viewport);
  await settled(page);
  return page;
}

const labelOf = (userId: string, path: string) => `${userId.replace(/^demo-/, '')}${path === '/' ? '-accueil' : path.replace(/\//g, '-').replace(/-[a-z]{2,12}_[0-9a-f-]{36}/g, '-detail')}`;

describe('main pages at a phone’s and a laptop’s width', () => {
  for (const { name, viewport } of widths) {
    it(`${name}: screenshots, axe clean, French visible text without ids`, async () => {
      const problems: string[] = [];
      for (const [userId, paths] of Object.entries(mainPages)) {
        for (const path of paths) {
          const page = await openAs(userId, path, viewport);
          const label = labelOf(userId, path);
          await screenshot(page, `${name}-${label}`);
          for (const problem of textProblems((await page.evaluate('document.body.innerText')) as string)) problems.push(`${label}: ${problem}`);
          for (const v of await axeViolations(page)) problems.push(`${label}: axe ${v.impact} ${v.id} — ${v.help} ${JSON.stringify(v.nodes[0]?.target)}`);
          const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
          if (overflow > 1) problems.push(`${label}: the page scrolls sideways by ${overflow}px`);
          await page.context().close();
        }
      }
      expect(problems).toEqual([]);
    }, 360_000);
  }

  it('desktop: the other pages’ visible text is French, with names and without ids', async () => {
    const problems: string[] = [];
    for (const [userId, paths] of Object.entries(otherPages)) {
      for (const path of paths) {
        const page = await openAs(userId, path, widths[1].viewport);
        for (const problem of textProblems((await page.evaluate('document.body.innerText')) as string)) problems.push(`${labelOf(userId, path)}: ${problem}`);
        await page.context().close();
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('phone: the menu folds behind a button that opens it', async () => {
    const page = await openAs('demo-staff-claire', '/', widths[0].viewport);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link', { name: 'Saisons et essaimés' }).isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await nav.getByRole('link', { name: 'Saisons et essaimés' }).click();
    await page.waitForURL(/\/saisons$/);
    await settled(page);
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    // The seasons table reads as cards: every cell carries its column's label.
    const firstCard = page.locator('table.cards-on-phone tbody tr').first();
    expect(await firstCard.locator('td[data-label]').count()).toBeGreaterThan(1);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(true);
    const desktop = await openAs('demo-staff-claire', '/', widths[1].viewport);
    expect(await desktop.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
  }, 60_000);
});
