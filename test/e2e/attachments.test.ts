import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles } from '../support/attachments';
import { expectAccessible, go, heading, jsErrors, screenshot, settled, startE2E, text, type E2E } from './browser';

/**
 * Documents in a real browser, against the local S3-compatible server: the applicant attaches a PDF to a
 * criterion checked "sur pièces" (a wrong format and a file whose bytes lie are refused at the field, in
 * French); a staff member opens the document beside that criterion on the review page.
 */
let e2e: E2E;
let applicationPath = '';

beforeAll(async () => {
  e2e = await startE2E();
  const mine = await e2e.api.call('GET', '/me/applications', { as: 'demo-applicant-envol' });
  applicationPath = `/candidatures/${mine.body.items[0].applicationId}`;
});
afterAll(async () => {
  await e2e?.stop();
});

describe('documents attached to an application', () => {
  it('the applicant attaches a PDF to a criterion needing evidence; wrong files are refused at the field', async () => {
    const page = await e2e.signIn('demo-applicant-envol', applicationPath);
    // hashing, upload and the server's checks take a few round trips on a busy machine
    page.setDefaultTimeout(20_000);
    await settled(page);
    expect(await heading(page)).toContain("L'Envol");
    const evidence = page.locator('[data-attachments="evidence-A1.2"]');
    await evidence.scrollIntoViewIfNeeded();
    const input = evidence.locator('input[type="file"]');

    // refused before any upload: a format the programme does not take
    await input.setInputFiles({ name: 'photo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await evidence.locator('.field-message').getByText('format refusé').waitFor();

    // refused by the server after upload: an image named as a PDF
    await input.setInputFiles({ name: 'faux.pdf', mimeType: 'application/pdf', buffer: sampleFiles.png() });
    await evidence.locator('.field-message').getByText('ne correspond pas à son type annoncé').waitFor();
    expect(await text(evidence.locator('.attachment-list').or(evidence.getByText('Aucune pièce jointe.')))).toContain('Aucune pièce jointe.');

    await input.setInputFiles({ name: 'comptes-2024.pdf', mimeType: 'application/pdf', buffer: sampleFiles.pdf() });
    await evidence.getByRole('button', { name: 'comptes-2024.pdf', exact: true }).waitFor();
    expect(await evidence.locator('.field-message').count()).toBe(0);
    await screenshot(page, 'applicant-evidence-attached');
    await expectAccessible(page, 'application form with documents');
    expect(jsErrors(page)).toEqual([]);
  });

  it('a staff member opens the document beside its criterion on the review page', async () => {
    const page = await e2e.signIn('demo-staff-claire');
    page.setDefaultTimeout(20_000);
    await go(page, `${e2e.url}${applicationPath}`);
    const evidence = page.locator('[data-criterion="A1.2"] [data-attachments="evidence-A1.2"]');
    const link = evidence.getByRole('button', { name: 'comptes-2024.pdf', exact: true });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('comptes-2024.pdf');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(sampleFiles.pdf())).toBe(true);
    // staff read, never write: no upload field, no delete button
    expect(await evidence.locator('input[type="file"]').count()).toBe(0);
    await screenshot(page, 'staff-review-evidence');
    await expectAccessible(page, 'staff review with documents');
    expect(jsErrors(page)).toEqual([]);
  });
});
