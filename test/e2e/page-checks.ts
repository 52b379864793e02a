import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, jsErrors, screenshot, settled, type E2E } from './browser';
import { pageTextProblems } from './visible-text';

export const desktop = { width: 1366, height: 900 };
export const phone = { width: 390, height: 844 };

/**
 * The checks an e2e walk runs on every page it visits: a screenshot (test-results/screenshots/<prefix>-<width>-
 * <name>.png), axe (serious and critical violations), the visible text (no raw id, raw value or English word)
 * and no uncaught error; at a phone's width too for a step's main page. Problems are collected, so that one
 * test can list them all at the end of the walk.
 */
export class PageChecks {
  /** Ids that must never be read: the demo data's and those of what the walk creates (added as they appear). */
  readonly forbidden = new Set<string>();
  readonly problems: string[] = [];
  /** The page the walk is on (kept as a screenshot when a step fails). */
  current: Page | undefined;

  constructor(private readonly prefix: string) {}

  /** A fresh browser signed in as this demo user, at a laptop's width. */
  async open(e2e: E2E, userId: string, path = '/'): Promise<Page> {
    const page = await e2e.signIn(userId, path);
    this.current = page;
    page.setDefaultTimeout(20_000);
    await page.setViewportSize(desktop);
    await settled(page);
    return page;
  }

  /** Screenshot, axe and visible text of the page as it is; at the phone's width too when asked. */
  async check(page: Page, name: string, alsoOnPhone = false): Promise<void> {
    this.current = page;
    // The ids in the page's address (…/call_…/app_…) are the walk's own: none may be read on a page.
    for (const part of new URL(page.url()).pathname.split('/')) if (/^[a-z]{2,4}_/.test(part)) this.forbidden.add(part);
    for (const [width, viewport] of alsoOnPhone ? ([['desktop', desktop], ['phone', phone]] as const) : ([['desktop', desktop]] as const)) {
      await page.setViewportSize(viewport);
      await settled(page);
      await screenshot(page, `${this.prefix}-${width}-${name}`);
      for (const p of await pageTextProblems(page, [...this.forbidden])) this.problems.push(`${name} (${width}): ${p}`);
      for (const v of await axeViolations(page)) this.problems.push(`${name} (${width}): axe ${v.impact} ${v.id} — ${v.help} ${JSON.stringify(v.nodes[0]?.target)}`);
    }
    await page.setViewportSize(desktop);
    expect(jsErrors(page), name).toEqual([]);
  }

  /** Keeps the current page as a screenshot (when a step failed). */
  async keepFailure(): Promise<void> {
    if (this.current) await screenshot(this.current, `${this.prefix}-failed-step`).catch(() => undefined);
  }
}

/** The suggested file name of what a click downloads. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, undefined];
  return download.suggestedFilename();
}
