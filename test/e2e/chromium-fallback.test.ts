import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumLaunch } from './browser';

/**
 * The e2e harness runs on a machine without Debian's Chromium: forced to the npm package's Chromium
 * (E2E_CHROMIUM=npm, as a fresh machine would fall back to it), it launches, renders French text and holds
 * two contexts at once, as the e2e files do.
 */
describe('the Chromium the e2e tests drive', () => {
  it("prefers Debian's where installed", async () => {
    const launch = await chromiumLaunch({});
    expect(launch.source).toBe(existsSync('/usr/bin/chromium') ? 'debian' : 'npm');
  });

  it('falls back to @sparticuz/chromium under playwright-core', async () => {
    const launch = await chromiumLaunch({ E2E_CHROMIUM: 'npm', CHROMIUM_PATH: '/usr/bin/chromium' });
    expect(launch.source).toBe('npm');
    expect(launch.executablePath).not.toBe('/usr/bin/chromium');
    expect(launch.args).toContain('--no-sandbox');
    const browser = await chromium.launch({ executablePath: launch.executablePath, args: launch.args });
    try {
      const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' })).newPage();
      const desktop = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' })).newPage();
      await phone.setContent('<main><h1>Candidature « L’Envol »</h1></main>');
      await desktop.setContent('<main><h1>Écran large</h1></main>');
      expect((await phone.textContent('h1'))?.replace(/\s+/g, ' ')).toBe('Candidature « L’Envol »');
      expect(await desktop.textContent('h1')).toBe('Écran large');
      expect(await phone.evaluate('window.innerWidth')).toBe(390);
      expect((await phone.screenshot()).length).toBeGreaterThan(1000);
      // Closing a context (as each e2e test does) leaves the browser usable.
      await phone.context().close();
      const next = await (await browser.newContext()).newPage();
      await next.setContent('<p>Encore là</p>');
      expect(await next.textContent('p')).toBe('Encore là');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
