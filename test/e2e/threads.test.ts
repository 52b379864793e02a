import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, jsErrors, navTo, screenshot, settled, startE2E, text, type E2E } from './browser';

/**
 * Threads in a real browser: the applicant writes to Ansa from their application; staff see the unread badge
 * and the thread under « Messages », open it (it is then read) and answer; the applicant sees the answer,
 * announced by the badge of « Mes messages ».
 */
let e2e: E2E;
let applicationId: string;
const APPLICANT = 'demo-applicant-envol';

beforeAll(async () => {
  e2e = await startE2E();
  applicationId = (await e2e.api.call('GET', '/me/applications', { as: APPLICANT })).body.items[0].applicationId;
});

afterAll(async () => {
  await e2e?.stop();
});

const navBadge = (page: Awaited<ReturnType<E2E['signIn']>>, label: string) =>
  page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: new RegExp(`^${label}`) }).locator('.nav-badge');

describe('threads between a structure and Ansa', () => {
  it('the applicant writes to Ansa from their application', async () => {
    const page = await e2e.signIn(APPLICANT, `/candidatures/${applicationId}`);
    const form = page.getByRole('form', { name: 'Écrire un message' });
    await form.getByLabel('Votre message à l’équipe Ansa').fill('Bonjour, pouvons-nous joindre les comptes 2025 plutôt que ceux de 2024 ?');
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByRole('list', { name: 'Messages, du plus récent au plus ancien' }).getByText('les comptes 2025').waitFor();
    await page.getByText('Message envoyé. Vous pouvez y joindre des documents').waitFor();
    expect(jsErrors(page)).toEqual([]);
  });

  it('staff see the unread badge, open the thread from « Messages » (then read) and answer', async () => {
    const page = await e2e.signIn('demo-staff-claire');
    await navBadge(page, 'Messages').waitFor();
    expect(await text(navBadge(page, 'Messages'))).toContain('1');
    await navTo(page, 'Messages 1 message non lu');
    expect(await heading(page)).toBe('Messages');
    const row = page.locator('tbody tr', { hasText: "L'Envol" });
    expect(await text(row)).toContain('1 non lu');
    await screenshot(page, 'staff-threads');
    await expectAccessible(page, 'staff threads');
    await row.getByRole('link', { name: "L'Envol" }).click();
    await page.getByText('Échanges entre la structure et l’équipe Ansa').waitFor();
    await page.getByText('les comptes 2025').waitFor();
    await navBadge(page, 'Messages').waitFor({ state: 'detached' });
    const form = page.getByRole('form', { name: 'Écrire un message' });
    await form.getByLabel('Votre message à la structure').fill('Bonjour, oui : les comptes du dernier exercice clos conviennent.');
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText('du dernier exercice clos conviennent').waitFor();
    await settled(page);
    await screenshot(page, 'staff-thread');
    await expectAccessible(page, 'staff thread');
    expect(jsErrors(page)).toEqual([]);
  });

  it('the applicant sees the answer, announced by the badge of « Mes messages »', async () => {
    const page = await e2e.signIn(APPLICANT);
    await navBadge(page, 'Mes messages').waitFor();
    await navTo(page, 'Mes messages 1 message non lu');
    const row = page.locator('tbody tr', { hasText: "L'Envol" });
    expect(await text(row)).toContain('1 non lu');
    await page.goto(`${e2e.url}/candidatures/${applicationId}`);
    await settled(page);
    const messages = page.getByRole('list', { name: 'Messages, du plus récent au plus ancien' });
    await messages.getByText('du dernier exercice clos conviennent').waitFor();
    expect(await text(messages.locator('li').first())).toContain('Équipe Ansa');
    await navBadge(page, 'Mes messages').waitFor({ state: 'detached' });
    expect(jsErrors(page)).toEqual([]);
  });
});
