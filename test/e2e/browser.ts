import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '../../scripts/local/product';
import { startTestApi, type TestApi } from '../support/api';

/**
 * End-to-end harness: the local product (same server as `npm start`, serving web/dist) on a fresh table with
 * the demo data, and Chromium driven by playwright-core: Debian's where installed, else the one shipped by the
 * npm package `@sparticuz/chromium` (a fresh machine with Node and Java only).
 */
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=fr-FR'];

const debianChromium = '/usr/bin/chromium';

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  source: 'env' | 'debian' | 'npm';
}

/**
 * Which Chromium the e2e tests drive: CHROMIUM_PATH if set, else Debian's, else `@sparticuz/chromium` with the
 * arguments it needs (single process, software GL). E2E_CHROMIUM=npm forces the npm one, to test the fallback.
 */
export async function chromiumLaunch(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLaunch> {
  const forced = env.E2E_CHROMIUM;
  if (env.CHROMIUM_PATH && forced !== 'npm') return { executablePath: env.CHROMIUM_PATH, args: chromiumArgs, source: 'env' };
  if (forced !== 'npm' && existsSync(debianChromium)) return { executablePath: debianChromium, args: chromiumArgs, source: 'debian' };
  const { default: shipped } = await import('@sparticuz/chromium');
  // Its own arguments, but several browser contexts in one process crash it (contexts close between tests).
  const ownArgs = shipped.args.filter((arg) => !arg.startsWith('--headless') && arg !== '--single-process');
  return { executablePath: await shipped.executablePath(), args: [...new Set([...ownArgs, ...chromiumArgs])], source: 'npm' };
}

export interface E2E {
  api: TestApi;
  url: string;
  browser: Browser;
  /** A fresh browser context signed in as this demo user (its token put in the session, as the sign-in page does). */
  signIn: (userId: string, path?: string) => Promise<Page>;
  /** A fresh browser context signed in through the sign-in page itself. */
  signInThroughPage: (userId: string) => Promise<Page>;
  /** A fresh page, not signed in. */
  anonymous: () => Promise<Page>;
  stop: () => Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const api = await startTestApi();
  const launch = await chromiumLaunch();
  const browser = await chromium.launch({ executablePath: launch.executablePath, args: launch.args });
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    // Playwright evaluates string predicates (waitForFunction) with eval in the page, which the app's CSP forbids;
    // test/e2e/csp.test.ts checks the app under its CSP in a context of its own.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris', acceptDownloads: true, bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    (page as Page & { jsErrors: string[] }).jsErrors = errors;
    return page;
  };
  const signIn = async (userId: string, path = '/') => {
    const page = await newPage();
    const token = await api.product.tokenFor(userId);
    await page.addInitScript(`sessionStorage.getItem('essaimage.token') || sessionStorage.setItem('essaimage.token', ${JSON.stringify(token)})`);
    await page.goto(`${api.url}${path}`);
    await settled(page);
    return page;
  };
  const signInThroughPage = async (userId: string) => {
    const page = await newPage();
    await page.goto(`${api.url}/connexion`);
    await page.locator(`[data-user="${userId}"]`).click();
    await page.locator('.shell h1').first().waitFor();
    return page;
  };
  return {
    api,
    url: api.url,
    browser,
    signIn,
    signInThroughPage,
    anonymous: newPage,
    stop: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await api.stop();
    },
  };
}

/** Uncaught errors in the page (a crash the user would see as a blank or broken screen). */
export function jsErrors(page: Page): string[] {
  return (page as Page & { jsErrors?: string[] }).jsErrors ?? [];
}

export async function heading(page: Page): Promise<string> {
  const h1 = page.locator('main h1').first();
  await h1.waitFor();
  // No-break spaces (French typography) read as spaces.
  return ((await h1.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the page has finished loading its data (no "Chargement…" left). */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  // Browser-side expressions are strings: the root tsconfig has no DOM library.
  await page.waitForFunction(`!document.querySelector('.loading:not(:empty)') && !document.querySelector('[aria-busy="true"]')`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await settled(page);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await settled(page);
  if (!(await page.evaluate(`'axe' in window`))) await page.addScriptTag({ path: join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) })))`)) as AxeViolation[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Navigates inside the app like a user (client-side), then waits for the page heading. */
export async function go(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settled(page);
}

/** Text content with every kind of space (French formats use narrow no-break spaces) as a plain space. */
export async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Follows a link of the main navigation (exact name: page content may have similar links). */
export async function navTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true }).click();
  await page.locator('main h1').first().waitFor();
}
