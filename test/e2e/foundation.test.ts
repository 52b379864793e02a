import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, go, heading, jsErrors, navTo, screenshot, settled, startE2E, type E2E } from './browser';
import { demoCalendar } from '../../scripts/seed/demo-calendar';
import { formatDate } from '../../shared/i18n/french';

/**
 * The web app's foundation in a real browser: sign-in, the layout, keyboard and screen-reader basics,
 * seasons and essaimés, French errors at the fields, and the "no access" page.
 */
let e2e: E2E;
let seasonId: string;
let essaimes: { essaimeId: string; structureId: string; structureName: string }[];

beforeAll(async () => {
  e2e = await startE2E();
  const seasons = await e2e.api.call('GET', '/seasons', { as: 'demo-staff-claire' });
  seasonId = seasons.body.items.find((s: { status: string }) => s.status === 'running').seasonId;
  essaimes = (await e2e.api.call('GET', `/seasons/${seasonId}/essaimes`, { as: 'demo-staff-claire' })).body.items;
});

afterAll(async () => {
  await e2e?.stop();
});

const essaimeOf = (structureId: string) => {
  const found = essaimes.find((e) => e.structureId === structureId);
  if (!found) throw new Error(`no essaimé for ${structureId}`);
  return found;
};

describe('sign-in', () => {
  it('lists the demo users of each role and signs in as the one chosen', async () => {
    const page = await e2e.anonymous();
    await page.goto(`${e2e.url}/`);
    await page.waitForURL(/\/connexion$/);
    expect(await heading(page)).toBe('Connexion');
    for (const group of ['Équipe Ansa', 'Référent·e de structure', 'Tuteur·rice A.CO.R.']) await page.getByRole('heading', { name: group }).waitFor();
    await screenshot(page, 'sign-in');
    await expectAccessible(page, 'sign-in');
    await page.getByRole('button', { name: /Claire Moreau/ }).click();
    expect(await heading(page)).toBe('Bonjour Claire');
    await page.getByText('Équipe Ansa · Ansa').waitFor();
    expect(jsErrors(page)).toEqual([]);
  });

  it('returns to the page asked for after signing in (deep link)', async () => {
    const jura = essaimeOf('str_jura-service');
    const page = await e2e.anonymous();
    await page.goto(`${e2e.url}/structure-essaimee/${jura.essaimeId}`);
    await page.waitForURL(/\/connexion$/);
    await page.locator('[data-user="demo-referent-jura"]').click();
    await page.waitForURL(new RegExp(`/structure-essaimee/${jura.essaimeId}$`));
    expect(await heading(page)).toBe('Jura Service');
  });

  it('signs out', async () => {
    const page = await e2e.signInThroughPage('demo-tutor-michel');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion$/);
    await page.goto(`${e2e.url}/saisons`);
    await page.waitForURL(/\/connexion$/);
  });
  it('in AWS, signs in through the Cognito hosted UI (authorization code + PKCE), chosen by the runtime config.json', async () => {
    const page = await e2e.anonymous();
    const domain = 'https://auth.essaimage.test';
    await page.route(`${e2e.url}/config.json`, (route) =>
      route.fulfill({ json: { apiBaseUrl: '/api', auth: { mode: 'cognito', domain, clientId: 'web-client-id' } } }),
    );
    let authorize: URL | undefined;
    let tokenRequest: URLSearchParams | undefined;
    const idToken = await e2e.api.product.tokenFor('demo-staff-claire');
    await page.route(`${domain}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/oauth2/authorize') {
        authorize = url;
        return route.fulfill({ status: 302, headers: { location: `${e2e.url}/auth/callback?code=code-123&state=${url.searchParams.get('state')}` } });
      }
      tokenRequest = new URLSearchParams(route.request().postData() ?? '');
      return route.fulfill({ json: { id_token: idToken, access_token: 'unused', token_type: 'Bearer' }, headers: { 'access-control-allow-origin': '*' } });
    });
    await page.goto(`${e2e.url}/connexion`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // The callback page first shows "Connexion en cours" while it exchanges the code.
    await page.locator('main h1', { hasText: 'Bonjour Claire' }).waitFor({ timeout: 15_000 });
    expect(await heading(page)).toBe('Bonjour Claire');
    expect(authorize?.searchParams.get('response_type')).toBe('code');
    expect(authorize?.searchParams.get('client_id')).toBe('web-client-id');
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize?.searchParams.get('redirect_uri')).toBe(`${e2e.url}/auth/callback`);
    expect(tokenRequest?.get('grant_type')).toBe('authorization_code');
    expect(tokenRequest?.get('code')).toBe('code-123');
    // The verifier sent with the code is the one whose SHA-256 was the challenge.
    const verifier = tokenRequest?.get('code_verifier') ?? '';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(authorize?.searchParams.get('code_challenge'));
    expect(jsErrors(page)).toEqual([]);
  });
});

describe('layout, keyboard and screen-reader basics', () => {
  it('has a skip link to the main content, a labelled navigation and moves focus to the new heading on navigation', async () => {
    const page = await e2e.signIn('demo-staff-claire');
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await page.evaluate(`document.activeElement?.classList.contains('skip-link')`)).toBe(true);
    expect(await skip.textContent()).toBe('Aller au contenu principal');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('contenu');

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Saisons et essaimés' }).click();
    await page.waitForURL(/\/saisons$/);
    await page.waitForFunction(`document.activeElement?.id === 'page-title'`);
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Saisons du programme');
    expect(await page.title()).toBe('Saisons du programme — Essaimage A.CO.R.');
    expect(await page.locator('nav[aria-label="Navigation principale"] a[aria-current="page"]').textContent()).toBe('Saisons et essaimés');
  });

  it('serves the app on every page path (reload or shared link), never the API’s JSON', async () => {
    const jura = essaimeOf('str_jura-service');
    for (const path of ['/', '/saisons', `/saisons/${seasonId}`, `/structure-essaimee/${jura.essaimeId}`, '/ma-structure', '/messages', `/historique/season/${seasonId}`, '/une-page-qui-n-existe-pas']) {
      const response = await fetch(`${e2e.url}${path}`);
      expect(response.headers.get('content-type'), path).toContain('text/html');
    }
  });
});

describe('seasons and essaimés', () => {
  it('staff see the seasons in French formats and the cohort of the running season', async () => {
    const page = await e2e.signIn('demo-staff-claire', `/saisons`);
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(2);
    const { cohortSeason } = demoCalendar(new Date());
    await page.getByText(`du ${formatDate(cohortSeason.startDate)} au ${formatDate(cohortSeason.endDate)}`).waitFor();
    await page.getByRole('link', { name: cohortSeason.name }).click();
    expect(await heading(page)).toBe(cohortSeason.name);
    await settled(page);
    expect(await page.locator('section', { hasText: 'Structures essaimées' }).locator('tbody tr').count()).toBe(6);
    await screenshot(page, 'staff-season');
    await expectAccessible(page, 'staff season page');
    await page.getByRole('link', { name: 'Passerelle' }).click();
    expect(await heading(page)).toBe('Passerelle');
    await page.getByText('11 600 habitants').waitFor();
    await page.getByText('karim.haddad@passerelle.example').waitFor();
    await screenshot(page, 'staff-essaime');
    await expectAccessible(page, 'staff essaimé page');
  });

  it('shows the API’s validation errors in French next to their fields, keeps what was typed, then creates the season', async () => {
    const page = await e2e.signIn('demo-staff-claire', `/saisons`);
    const form = page.getByRole('form', { name: 'Créer une saison' });
    await form.getByLabel('Nom').fill('Saison 2021-2022 — essaimage A.CO.R.');
    await form.getByLabel('Année').fill('deux mille vingt et un');
    await form.getByLabel('Date de début').fill('2021-09-01');
    await form.getByLabel('Date de fin').fill('2021-06-30');
    await form.getByRole('button', { name: 'Créer la saison' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Certains champs sont à corriger.');
    // The message sits at the field it concerns, and the input is flagged for assistive technologies.
    const year = form.locator('[data-field="year"]');
    expect(await year.locator('.field-message').textContent()).toContain('Saisissez un nombre.');
    expect(await form.getByLabel('Année').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Nom').inputValue()).toBe('Saison 2021-2022 — essaimage A.CO.R.');
    expect(await form.getByLabel('Date de fin').inputValue()).toBe('2021-06-30');
    await screenshot(page, 'staff-season-form-errors');
    await expectAccessible(page, 'season form with errors');

    await form.getByLabel('Année').fill('2021');
    await form.getByRole('button', { name: 'Créer la saison' }).click();
    await form.locator('[data-field="endDate"] .field-message').waitFor();
    expect(await form.locator('[data-field="endDate"] .field-message').textContent()).toContain('La date de fin doit suivre la date de début.');
    expect(await form.getByLabel('Année').inputValue()).toBe('2021');

    await form.getByLabel('Date de fin').fill('2023-03-31');
    await form.getByRole('button', { name: 'Créer la saison' }).click();
    await page.waitForURL(/\/saisons\/sea_/);
    expect(await heading(page)).toBe('Saison 2021-2022 — essaimage A.CO.R.');
    await page.getByText('du 1er septembre 2021 au 31 mars 2023').waitFor();
  });

  it('a referent sees their own structure', async () => {
    const page = await e2e.signIn('demo-referent-passerelle');
    await navTo(page, 'Ma structure');
    expect(await heading(page)).toBe('Ma structure');
    await settled(page);
    expect(await page.locator('main tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Passerelle' }).click();
    expect(await heading(page)).toBe('Passerelle');
    await screenshot(page, 'referent-structure');
    await expectAccessible(page, 'referent structure page');
  });

  it('a tutor sees the essaimés assigned to them, without the participants’ e-mail addresses', async () => {
    const page = await e2e.signIn('demo-tutor-michel');
    await navTo(page, 'Mes essaimés');
    await settled(page);
    await page.getByRole('link', { name: 'Passerelle' }).click();
    expect(await heading(page)).toBe('Passerelle');
    await page.getByText('Karim Haddad').waitFor();
    expect(await page.getByText('karim.haddad@passerelle.example').count()).toBe(0);
    await screenshot(page, 'tutor-essaime');
    await expectAccessible(page, 'tutor essaimé page');
  });
});

describe('no access to other structures', () => {
  it('a referent opening another structure’s page gets the French "no access" page, not a crash', async () => {
    const jura = essaimeOf('str_jura-service');
    const page = await e2e.signIn('demo-referent-passerelle');
    // The API refuses (hides the record) …
    const refused = await e2e.api.call('GET', `/essaimes/${jura.essaimeId}`, { as: 'demo-referent-passerelle' });
    expect(refused.status).toBe(404);
    // … and the page says so in French.
    await go(page, `${e2e.url}/structure-essaimee/${jura.essaimeId}`);
    expect(await heading(page)).toBe('Page introuvable ou accès refusé');
    await page.getByText('elle concerne une structure à laquelle vous n’avez pas accès').waitFor();
    expect(await page.getByText('Jura Service').count()).toBe(0);
    await page.getByRole('link', { name: 'Retour à l’accueil' }).waitFor();
    expect(jsErrors(page)).toEqual([]);
    await screenshot(page, 'referent-no-access');
    await expectAccessible(page, 'no access page');
  });

  it('a staff-only page shows "Accès refusé" to a referent', async () => {
    const page = await e2e.signIn('demo-referent-jura', `/historique/season/${seasonId}`);
    expect(await heading(page)).toBe('Accès refusé');
    expect(jsErrors(page)).toEqual([]);
  });

  it('an unknown address shows the French "introuvable" page', async () => {
    const page = await e2e.signIn('demo-referent-jura', `/structure-essaimee/pas-un-identifiant`);
    expect(await heading(page)).toBe('Page introuvable ou accès refusé');
    await go(page, `${e2e.url}/nulle-part`);
    expect(await heading(page)).toBe('Page introuvable ou accès refusé');
    expect(jsErrors(page)).toEqual([]);
  });
});

describe('main pages per role: accessibility and screenshots', () => {
  for (const [user, slug] of [
    ['demo-staff-claire', 'staff'],
    ['demo-referent-passerelle', 'referent'],
    ['demo-tutor-michel', 'tutor'],
  ] as const) {
    it(`${slug}: home and messages`, async () => {
      const page = await e2e.signIn(user);
      await screenshot(page, `${slug}-home`);
      await expectAccessible(page, `${slug} home`);
      await go(page, `${e2e.url}/messages`);
      await screenshot(page, `${slug}-messages`);
      await expectAccessible(page, `${slug} messages`);
      expect(jsErrors(page)).toEqual([]);
    });
  }
});
