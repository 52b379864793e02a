import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, jsErrors, navTo, screenshot, settled, startE2E, type E2E } from './browser';

/**
 * Accounts in a real browser: a new person creates an account, confirms it with the e-mailed code, signs in
 * with e-mail and password and reaches "Candidater"; staff invite a tutor, who activates the account through
 * the e-mailed link. The e-mails are read from the outbox (what `npm start` shows).
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

const password = 'Essaimage-2026!';

/** The newest outbox message of a kind, read through the API as staff. */
async function mail(kind: string, recipient?: string): Promise<{ recipientUserId: string; body: string }> {
  const res = await e2e.api.call('GET', '/outbox?limit=100', { as: 'demo-staff-claire' });
  const found = res.body.items.find((m: { kind: string; recipientUserId: string }) => m.kind === kind && (!recipient || m.recipientUserId === recipient));
  if (!found) throw new Error(`No ${kind} e-mail`);
  return found;
}

describe('accounts', () => {
  it('a new person creates an account, confirms it, signs in and reaches "Candidater"', async () => {
    const page = await e2e.anonymous();
    await page.goto(`${e2e.url}/connexion`);
    await page.getByRole('link', { name: 'Créer un compte' }).first().click();
    expect(await heading(page)).toBe('Créer un compte');
    const form = page.getByRole('form', { name: 'Créer un compte' });
    await form.getByLabel('Prénom et nom').fill('Lina Chevalier');
    await form.getByLabel('Structure').fill('Avenir Emploi Gâtine');
    await form.getByLabel('Adresse e-mail').fill('lina.chevalier@avenir.example');
    await form.getByLabel('Mot de passe').fill('court');
    await form.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Le mot de passe doit compter au moins 12 caractères').first().waitFor();
    await form.getByLabel('Mot de passe').fill(password);
    await expectAccessible(page, 'create account');
    await form.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(/\/confirmer-mon-compte\?compte=/);
    expect(await heading(page)).toBe('Confirmer votre adresse e-mail');

    const userId = new URL(page.url()).searchParams.get('compte')!;
    const code = /: (\d{6})\n/.exec((await mail('account.sign-up-code', userId)).body)![1]!;
    await page.getByLabel('Code de confirmation').fill(code);
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.locator('.shell h1').first().waitFor();
    await settled(page);

    // Signed out, then back with e-mail and password (a new tab: a fresh session).
    const again = await e2e.anonymous();
    await again.goto(`${e2e.url}/connexion`);
    const signIn = again.getByRole('form', { name: 'Se connecter avec son adresse e-mail' });
    await signIn.getByLabel('Adresse e-mail').fill('lina.chevalier@avenir.example');
    await signIn.getByLabel('Mot de passe').fill('Mauvais-2026!');
    await signIn.getByRole('button', { name: 'Se connecter' }).click();
    await again.getByText('Adresse e-mail ou mot de passe incorrect.').first().waitFor();
    await signIn.getByLabel('Mot de passe').fill(password);
    await signIn.getByRole('button', { name: 'Se connecter' }).click();
    await again.locator('.shell h1').first().waitFor();
    await navTo(again, 'Appels et candidatures');
    await settled(again);
    const calls = await e2e.api.call('GET', '/calls?limit=100', { as: 'demo-staff-claire' });
    const open = calls.body.items.find((c: { status: string }) => c.status === 'open');
    await again.goto(`${e2e.url}/appels/${open.callId}`);
    await settled(again);
    await again.getByRole('link', { name: 'Candidater', exact: true }).click();
    expect(await heading(again)).toBe('Candidater');
    expect(jsErrors(page)).toEqual([]);
    expect(jsErrors(again)).toEqual([]);
  });

  it('staff invite a tutor, who activates the account through the e-mailed link', async () => {
    const staff = await e2e.signIn('demo-staff-claire');
    await navTo(staff, 'Utilisateurs');
    expect(await heading(staff)).toBe('Utilisateurs');
    const invite = staff.getByRole('form', { name: 'Inviter une personne' });
    await invite.getByLabel('Prénom et nom').fill('Paul Lemaire');
    await invite.getByLabel('Adresse e-mail').fill('paul.lemaire@acor.example');
    await invite.getByLabel('Rôle').selectOption('tutor');
    await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await staff.getByText('Invitation envoyée à Paul Lemaire').waitFor();
    await staff.getByRole('cell', { name: 'paul.lemaire@acor.example' }).waitFor();
    await screenshot(staff, 'staff-users');
    await expectAccessible(staff, 'users');

    const link = /(https?:\/\/\S+\/activer-mon-compte\?jeton=\S+)/.exec((await mail('account.invitation')).body)![1]!;
    const tutor = await e2e.anonymous();
    await tutor.goto(link);
    expect(await heading(tutor)).toBe('Activer mon compte');
    await tutor.getByLabel(/^Mot de passe/).fill(password);
    await tutor.getByLabel('Confirmez le mot de passe').fill(password);
    await tutor.getByRole('button', { name: 'Activer mon compte' }).click();
    await tutor.locator('.shell h1').first().waitFor();
    await tutor.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes essaimés' }).waitFor();
    expect(jsErrors(tutor)).toEqual([]);
  });
});
