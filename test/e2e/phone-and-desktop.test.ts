import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoIds } from '../support/demo-ids';
import { axeViolations, screenshot, settled, startE2E, type E2E } from './browser';

/**
 * The main pages of each role at a phone's width (390×844) and a laptop's (1366×900): a screenshot of each,
 * no serious or critical axe violation, no raw id of the demo data in the visible text, and on the phone the
 * menu folded behind its button.
 */
let e2e: E2E;
let forbidden: string[] = [];

const widths = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
] as const;

const mainPages: Record<string, string[]> = {
  'demo-staff-claire': ['/', '/saisons', '/appels', '/formation', '/tutorat', '/evaluation', '/tableau-de-bord'],
  'demo-referent-passerelle': ['/', '/ma-structure', '/demandes', '/rapports'],
  'demo-applicant-envol': ['/', '/appels'],
  'demo-tutor-michel': ['/', '/ma-structure', '/demandes'],
};

/** Any internal id: a prefix and a UUID (sea_…, call_…), or a demo user id (demo-staff-claire). */
const rawId = /\b[a-z]{2,12}_[0-9a-f]{8}-[0-9a-f]{4}|\bdemo-(staff|tutor|referent|applicant)-[a-z-]+/;

beforeAll(async () => {
  e2e = await startE2E();
  const ids = new DemoIds(e2e.api);
  forbidden = await Promise.all(['seasonId', 'essaimeId', 'cohortId', 'callId', 'applicationId', 'requestId', 'stageId'].map((name) => ids.get(name)));
});

afterAll(async () => {
  await e2e?.stop();
});

async function openAs(userId: string, path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await e2e.signIn(userId, path);
  await page.setViewportSize(viewport);
  await settled(page);
  return page;
}

describe('main pages at a phone’s and a laptop’s width', () => {
  for (const { name, viewport } of widths) {
    it(`${name}: screenshots, axe clean, no raw id visible`, async () => {
      const problems: string[] = [];
      for (const [userId, paths] of Object.entries(mainPages)) {
        for (const path of paths) {
          const page = await openAs(userId, path, viewport);
          const label = `${userId.replace(/^demo-/, '')}${path === '/' ? '-accueil' : path.replace(/\//g, '-')}`;
          await screenshot(page, `${name}-${label}`);
          const visible = (await page.evaluate('document.body.innerText')) as string;
          const leaked = forbidden.filter((id) => visible.includes(id));
          if (leaked.length || rawId.test(visible)) problems.push(`${label}: raw id visible (${leaked.join(', ') || rawId.exec(visible)?.[0]})`);
          for (const v of await axeViolations(page)) problems.push(`${label}: axe ${v.impact} ${v.id} — ${v.help} ${JSON.stringify(v.nodes[0]?.target)}`);
          const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
          if (overflow > 1) problems.push(`${label}: the page scrolls sideways by ${overflow}px`);
          await page.context().close();
        }
      }
      expect(problems).toEqual([]);
    }, 240_000);
  }

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
