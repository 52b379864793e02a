import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxAttachmentBytes } from '../../shared/attachments/rules';
import { startTestApi, type TestApi } from '../support/api';
import { bucketKeys, sampleFiles, sha256Hex, startAndPut, uploadDocument } from '../support/attachments';
import { DemoIds } from '../support/demo-ids';
import { pdfTextRuns } from '../support/pdf-text';

/**
 * Documents against the real local S3-compatible server and DynamoDB Local: upload through the presigned
 * PUT, the server's checks of the stored bytes, downloads through presigned GETs, access across structures
 * and roles. Presigned URLs live 3 s here, so that their expiry can be seen.
 */
process.env.PRESIGNED_URL_SECONDS = '3';

const applicant = 'demo-applicant-envol';
const staff = 'demo-staff-claire';
const passerelleReferent = 'demo-referent-passerelle';
const juraReferent = 'demo-referent-jura';
const michel = 'demo-tutor-michel';
const isabelle = 'demo-tutor-isabelle';

let api: TestApi;
let ids: DemoIds;
let applicationId: string;
let evidence: Record<string, string>;

beforeAll(async () => {
  api = await startTestApi();
  ids = new DemoIds(api);
  const mine = await api.call('GET', '/me/applications', { as: applicant });
  applicationId = mine.body.items[0].applicationId;
  evidence = { kind: 'application', applicationId, criterionId: 'A1.2' };
});
afterAll(() => api?.stop());

const listOf = (as: string, query: Record<string, string>) => api.call('GET', `/attachments?${new URLSearchParams(query)}`, { as });
const itemsOf = async (as: string, query: Record<string, string>) => {
  const res = await listOf(as, query);
  expect(res.status, res.text).toBe(200);
  return res.body.items as { attachmentId: string; fileName: string }[];
};

describe('upload, check, download', () => {
  it('a PDF attached to a criterion: confirmed, listed, downloaded with the same bytes by the applicant and staff', async () => {
    const bytes = sampleFiles.pdf();
    const confirmed = await uploadDocument(api, applicant, evidence, bytes, { fileName: 'Comptes 2024.pdf' });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'ready', fileName: 'Comptes 2024.pdf', size: bytes.length, sha256: sha256Hex(bytes) });
    const id = confirmed.body.attachmentId;
    expect(await bucketKeys(api)).toContain(`documents/${id}`);
    expect((await bucketKeys(api)).filter((k) => k.startsWith('pending/'))).toEqual([]);

    expect((await itemsOf(applicant, evidence)).map((a) => a.attachmentId)).toContain(id);
    expect((await itemsOf(staff, { kind: 'application', applicationId })).map((a) => a.attachmentId)).toContain(id);
    // another criterion's list does not hold it
    expect((await itemsOf(applicant, { ...evidence, criterionId: 'A2.3' })).map((a) => a.attachmentId)).not.toContain(id);

    for (const as of [applicant, staff]) {
      const link = await api.call('GET', `/attachments/${id}/download`, { as });
      expect(link.status, link.text).toBe(200);
      expect(link.body).toMatchObject({ fileName: 'Comptes 2024.pdf', contentType: 'application/pdf', size: bytes.length });
      const file = await fetch(link.body.url);
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
      expect(file.headers.get('content-disposition')).toContain('Comptes%202024.pdf');
    }

    const trail = await api.call('GET', `/audit/attachment/${id}?limit=10`, { as: staff });
    expect(trail.status, trail.text).toBe(200);
    expect(trail.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['attachment.confirmed', 'attachment.upload-started']);
  });

  it('confirming twice answers the same ready document', async () => {
    const confirmed = await uploadDocument(api, applicant, { kind: 'application', applicationId }, sampleFiles.png(), { fileName: 'statuts.png', contentType: 'image/png' });
    expect(confirmed.status, confirmed.text).toBe(200);
    const again = await api.call('POST', `/attachments/${confirmed.body.attachmentId}/confirm`, { as: applicant });
    expect(again.status).toBe(200);
    expect(again.body.confirmedAt).toBe(confirmed.body.confirmedAt);
  });

  it('confirming before the upload answers ATTACHMENT_NOT_UPLOADED and keeps the pending document', async () => {
    const bytes = sampleFiles.pdf();
    const started = await api.call('POST', '/attachments', { as: applicant, body: { ...evidence, fileName: 'a.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) } });
    expect(started.status, started.text).toBe(201);
    const early = await api.call('POST', `/attachments/${started.body.attachment.attachmentId}/confirm`, { as: applicant });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ATTACHMENT_NOT_UPLOADED');
  });
});

describe('refusals leave no document behind', () => {
  const noTrace = async (attachmentId: string) => {
    expect((await bucketKeys(api)).filter((k) => k.endsWith(attachmentId))).toEqual([]);
    const link = await api.call('GET', `/attachments/${attachmentId}/download`, { as: applicant });
    expect(link.status).toBe(404);
    const again = await api.call('POST', `/attachments/${attachmentId}/confirm`, { as: applicant });
    expect(again.status).toBe(404);
    expect((await itemsOf(applicant, { kind: 'application', applicationId })).map((a) => a.attachmentId)).not.toContain(attachmentId);
  };

  it('over 10 MB declared: 413 before any upload', async () => {
    const res = await api.call('POST', '/attachments', {
      as: applicant,
      body: { ...evidence, fileName: 'gros.pdf', contentType: 'application/pdf', size: maxAttachmentBytes + 1, sha256: 'a'.repeat(64) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', details: [{ path: 'body.size' }] });
  });

  it('over 10 MB uploaded under a smaller declaration: refused at confirmation and removed', async () => {
    const big = Buffer.concat([sampleFiles.pdf(), Buffer.alloc(maxAttachmentBytes, 0x20)]);
    const { started, put } = await startAndPut(api, applicant, evidence, big, { declaredSize: 1000, declaredSha256: sha256Hex(big) });
    const id = started.body.attachment.attachmentId;
    // S3 refuses a length other than the signed one; the local server stores it, and the check below catches it
    if (put!.ok) expect(await bucketKeys(api)).toContain(`pending/${id}`);
    const res = await api.call('POST', `/attachments/${id}/confirm`, { as: applicant });
    expect(res.status).toBe(put!.ok ? 413 : 409);
    if (put!.ok) expect(res.body.error.code).toBe('ATTACHMENT_TOO_LARGE');
    if (put!.ok) await noTrace(id);
  });

  it('a refused type or a name of another type: 422, nothing stored', async () => {
    const keysBefore = await bucketKeys(api);
    const zip = await api.call('POST', '/attachments', { as: applicant, body: { ...evidence, fileName: 'a.zip', contentType: 'application/zip', size: 10, sha256: 'a'.repeat(64) } });
    expect(zip.status).toBe(422);
    expect(zip.body.error).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ACCEPTED', details: [{ path: 'body.contentType' }] });
    const exe = await api.call('POST', '/attachments', { as: applicant, body: { ...evidence, fileName: 'a.exe', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) } });
    expect(exe.status).toBe(422);
    expect(exe.body.error.code).toBe('ATTACHMENT_EXTENSION_MISMATCH');
    expect(await bucketKeys(api)).toEqual(keysBefore);
  });

  it('bytes that are not of the declared type: refused, the object and the item removed', async () => {
    const png = sampleFiles.png();
    const { started, put } = await startAndPut(api, applicant, evidence, png, { fileName: 'faux.pdf', contentType: 'application/pdf' });
    expect(put!.ok).toBe(true);
    const id = started.body.attachment.attachmentId;
    expect(await bucketKeys(api)).toContain(`pending/${id}`);
    const res = await api.call('POST', `/attachments/${id}/confirm`, { as: applicant });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ATTACHMENT_TYPE_MISMATCH');
    await noTrace(id);
    const trail = await api.call('GET', `/audit/attachment/${id}?limit=10`, { as: staff });
    expect(trail.body.items.map((e: { action: string; changes: { reason?: string } }) => e.changes.reason ?? e.action)).toContain('ATTACHMENT_TYPE_MISMATCH');
  });

  it('a ZIP declared as an OpenDocument text, or an OpenDocument declared as DOCX: refused', async () => {
    const odt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26, 0), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text'), Buffer.alloc(40, 0)]);
    const asDocx = await startAndPut(api, applicant, evidence, odt, { fileName: 'a.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const refused = await api.call('POST', `/attachments/${asDocx.started.body.attachment.attachmentId}/confirm`, { as: applicant });
    expect(refused.body.error?.code).toBe('ATTACHMENT_TYPE_MISMATCH');
    const asOdt = await uploadDocument(api, applicant, evidence, odt, { fileName: 'a.odt', contentType: 'application/vnd.oasis.opendocument.text' });
    expect(asOdt.status, asOdt.text).toBe(200);
  });

  it('a checksum that does not match the bytes: refused and removed', async () => {
    const bytes = sampleFiles.pdf();
    const other = sha256Hex(Buffer.concat([bytes, Buffer.from('x')]));
    const { started, put } = await startAndPut(api, applicant, evidence, bytes, { declaredSha256: other });
    const id = started.body.attachment.attachmentId;
    const res = await api.call('POST', `/attachments/${id}/confirm`, { as: applicant });
    // S3 itself refuses the PUT (signed x-amz-checksum-sha256); the local server stores it and the check refuses it
    if (put!.ok) {
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('ATTACHMENT_CHECKSUM_MISMATCH');
      await noTrace(id);
    } else expect(res.body.error.code).toBe('ATTACHMENT_NOT_UPLOADED');
  });

  it('a criterion that needs no evidence, or a dossier no longer a draft: refused', async () => {
    const bytes = sampleFiles.pdf();
    const body = { fileName: 'a.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) };
    const noEvidence = await api.call('POST', '/attachments', { as: applicant, body: { ...evidence, criterionId: 'A1.1', ...body } });
    expect(noEvidence.status).toBe(422);
    expect(noEvidence.body.error.code).toBe('CRITERION_NOT_VERIFIABLE');
  });
});

describe('presigned URLs are short-lived', () => {
  it('an upload URL and a download link stop working after their lifetime', async () => {
    const bytes = sampleFiles.pdf();
    const ready = await uploadDocument(api, applicant, evidence, bytes, { fileName: 'expire.pdf' });
    expect(ready.status).toBe(200);
    const link = await api.call('GET', `/attachments/${ready.body.attachmentId}/download`, { as: applicant });
    const started = await api.call('POST', '/attachments', { as: applicant, body: { ...evidence, fileName: 'b.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) } });
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeLessThanOrEqual(3_000);
    await new Promise((r) => setTimeout(r, 4_000));
    expect((await fetch(link.body.url)).status).toBe(403);
    const put = await fetch(started.body.upload.url, { method: 'PUT', headers: started.body.upload.headers, body: bytes });
    expect(put.status).toBe(403);
  });
});

describe('access follows the parent record (0 leaks across structures and roles)', () => {
  it("another structure's referent, the tutors and staff writing: refused on an application's documents", async () => {
    const ready = await uploadDocument(api, applicant, evidence, sampleFiles.pdf(), { fileName: 'secret.pdf' });
    const id = ready.body.attachmentId;
    for (const as of [juraReferent, passerelleReferent, michel, isabelle]) {
      expect((await listOf(as, evidence)).status, as).toBe(404);
      expect((await listOf(as, { kind: 'application', applicationId })).status, as).toBe(404);
      const link = await api.call('GET', `/attachments/${id}/download`, { as });
      expect(link.status, as).toBe(404);
      expect(link.text).not.toContain('secret.pdf');
    }
    for (const as of [juraReferent, passerelleReferent]) {
      expect((await api.call('DELETE', `/attachments/${id}`, { as })).status, as).toBe(404);
      expect((await api.call('POST', `/attachments/${id}/confirm`, { as })).status, as).toBe(404);
      const bytes = sampleFiles.pdf();
      const started = await api.call('POST', '/attachments', { as, body: { ...evidence, fileName: 'x.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) } });
      expect(started.status, as).toBe(404);
    }
    const staffUpload = await api.call('POST', '/attachments', { as: staff, body: { ...evidence, fileName: 'x.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) } });
    // Staff may attach only to their own thread messages: an application's documents are the structure's.
    expect(staffUpload.status).toBe(404);
    expect((await api.call('DELETE', `/attachments/${id}`, { as: staff })).status).toBe(404);
    expect((await api.call('GET', `/attachments/${id}/download`, { as: applicant })).status).toBe(200);
  });

  it("a deliverable's documents: the structure's referent writes; staff and its tutor read; the other structure and tutor see nothing", async () => {
    const deliverable = { kind: 'deliverable', essaimeId: await ids.get('essaimeId'), moduleId: await ids.get('moduleId') };
    const ready = await uploadDocument(api, passerelleReferent, deliverable, sampleFiles.pdf(), { fileName: 'plan-action.pdf' });
    expect(ready.status, ready.text).toBe(200);
    const id = ready.body.attachmentId;
    for (const as of [staff, michel, passerelleReferent]) {
      expect((await itemsOf(as, deliverable)).map((a) => a.attachmentId), as).toEqual([id]);
      expect((await api.call('GET', `/attachments/${id}/download`, { as })).status, as).toBe(200);
    }
    for (const as of [juraReferent, isabelle, applicant]) {
      expect((await listOf(as, deliverable)).status, as).toBe(404);
      expect((await api.call('GET', `/attachments/${id}/download`, { as })).status, as).toBe(404);
      expect((await api.call('DELETE', `/attachments/${id}`, { as })).status, as).toBeGreaterThanOrEqual(403);
    }
    const deleted = await api.call('DELETE', `/attachments/${id}`, { as: passerelleReferent });
    expect(deleted.status, deleted.text).toBe(204);
    expect((await bucketKeys(api)).filter((k) => k.endsWith(id))).toEqual([]);
    expect(await itemsOf(staff, deliverable)).toEqual([]);
  });

  it("a report's annexes are read by the structure, its tutor and staff, and by nobody else", async () => {
    const report = { kind: 'report', stageId: await ids.get('stageId'), essaimeId: await ids.get('essaimeId') };
    for (const as of [staff, michel, passerelleReferent]) expect((await listOf(as, report)).status, as).toBe(200);
    for (const as of [juraReferent, isabelle, applicant]) expect((await listOf(as, report)).status, as).toBe(404);
  });

  it('a parent named by incomplete ids is a 400 with the missing field', async () => {
    const res = await listOf(staff, { kind: 'deliverable', essaimeId: await ids.get('essaimeId') });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('query.moduleId');
  });
});

describe('exports list the documents', () => {
  it("the call's applications CSV names each application's documents by criterion", async () => {
    const ready = await uploadDocument(api, applicant, evidence, sampleFiles.pdf(), { fileName: 'Bilan comptable.pdf' });
    expect(ready.status).toBe(200);
    const callId = (await api.call('GET', `/applications/${applicationId}`, { as: staff })).body.callId;
    const csv = await api.call('GET', `/calls/${callId}/applications/export`, { as: staff });
    expect(csv.status, csv.text).toBe(200);
    expect(csv.text).toContain('Pièces jointes');
    expect(csv.text).toContain('A1.2 : Bilan comptable.pdf');
  });

  it("a structure's final report lists its reports' annexes", async () => {
    const essaimeId = await ids.get('essaimeId');
    const stages = (await api.call('GET', `/seasons/${await ids.get('seasonId')}/stages`, { as: staff })).body.items as { stageId: string }[];
    let attached = false;
    for (const { stageId } of stages) {
      const { started, put } = await startAndPut(api, passerelleReferent, { kind: 'report', stageId, essaimeId }, sampleFiles.pdf(), { fileName: 'Annexe financière.pdf' });
      if (started.status !== 201) continue;
      expect(put!.ok).toBe(true);
      const confirmed = await api.call('POST', `/attachments/${started.body.attachment.attachmentId}/confirm`, { as: passerelleReferent });
      expect(confirmed.status, confirmed.text).toBe(200);
      attached = true;
      break;
    }
    expect(attached, 'no stage report of Passerelle takes annexes in the demo data').toBe(true);
    const res = await fetch(`${api.url}/essaimes/${essaimeId}/final-report.pdf`, { headers: { authorization: `Bearer ${await api.product.tokenFor(staff)}` } });
    expect(res.status).toBe(200);
    const text = (await pdfTextRuns(new Uint8Array(await res.arrayBuffer()))).runs.map((r) => r.text).join('\n');
    expect(text).toContain('Annexes des rapports');
    expect(text).toContain('Annexe financière.pdf');
  });
});

describe('personal data', () => {
  it("a user's export lists the documents she uploaded; her erasure deletes them, objects and items", async () => {
    const ready = await uploadDocument(api, applicant, evidence, sampleFiles.pdf(), { fileName: 'Décision du CA.pdf' });
    expect(ready.status).toBe(200);
    const exported = await api.call('GET', `/privacy/users/${applicant}`, { as: applicant });
    expect(exported.status, exported.text).toBe(200);
    const documents = exported.body.copies.filter((c: { entityType: string }) => c.entityType === 'Attachment');
    expect(documents.map((d: { data: { fileName: string } }) => d.data.fileName)).toContain('Décision du CA.pdf');

    const mineBefore = (await bucketKeys(api)).filter((k) => documents.some((d: { data: { attachmentId: string } }) => k.endsWith(d.data.attachmentId)));
    expect(mineBefore.length).toBeGreaterThan(0);
    const erased = await api.call('POST', `/privacy/users/${applicant}/erasure`, { as: staff, body: { confirm: true, requestedOn: '2026-01-05', channel: 'email' } });
    expect(erased.status, erased.text).toBe(200);
    expect(erased.body.documentsDeleted).toBeGreaterThanOrEqual(documents.length);
    const left = (await bucketKeys(api)).filter((k) => documents.some((d: { data: { attachmentId: string } }) => k.endsWith(d.data.attachmentId)));
    expect(left).toEqual([]);
    expect(await itemsOf(staff, { kind: 'application', applicationId })).toEqual([]);
  });
});
