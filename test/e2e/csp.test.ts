import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './browser';

/**
 * The web app under its own Content-Security-Policy (the other end-to-end tests bypass it for Playwright's
 * string predicates): signing in and the main pages of each role run with no violation and no script error.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

async function strictPage() {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (v: string) => problems.push(`violation: ${v}`));
  await page.addInitScript(
    `document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI))`,
  );
  return { page, problems, close: () => context.close() };
}

describe('the app under its CSP', () => {
  it('is enforced on the page (an inline script is refused)', async () => {
    const { page, problems, close } = await strictPage();
    await page.goto(`${e2e.url}/connexion`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.addScriptTag({ content: 'window.inlineRan = true' }).catch(() => undefined);
    expect(await page.evaluate('window.inlineRan === true')).toBe(false);
    expect(problems.some((p) => p.includes('script-src'))).toBe(true);
    await close();
  });

  it('signs in through the page and shows the main pages of each role with no violation', async () => {
    const visits: Record<string, string[]> = {
      'demo-staff-claire': ['/saisons', '/messages'],
      'demo-referent-jura': ['/ma-structure'],
    };
    for (const [userId, paths] of Object.entries(visits)) {
      const { page, problems, close } = await strictPage();
      await page.goto(`${e2e.url}/connexion`);
      await page.locator(`[data-user="${userId}"]`).click();
      await page.locator('.shell h1').first().waitFor();
      for (const path of paths) {
        await page.goto(`${e2e.url}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
      }
      expect(problems, userId).toEqual([]);
      await close();
    }
  });
});
