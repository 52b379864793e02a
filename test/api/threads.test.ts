import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { everyOutboxMessage, outboxFaults } from '../support/french-text';
import { sampleFiles, uploadDocument } from '../support/attachments';

/**
 * Threads between a structure and Ansa over HTTP: L'Envol's application thread (its applicant, before any
 * membership) and Passerelle's essaimé thread (its referent). Two structures, three roles: nobody reads or
 * writes another structure's thread, tutors are refused; unread counts per user; each message queues an
 * e-mail to the other side and an audit entry in its transaction.
 */
let api: TestApi;
const CLAIRE = 'demo-staff-claire';
const THOMAS = 'demo-staff-thomas';
const ENVOL = 'demo-applicant-envol';
const PASSERELLE = 'demo-referent-passerelle';
const JURA = 'demo-referent-jura';
const MICHEL = 'demo-tutor-michel';
let envolThread: string;
let passerelleEssaime: string;

beforeAll(async () => {
  api = await startTestApi();
  envolThread = (await api.call('GET', '/me/applications', { as: ENVOL })).body.items[0].applicationId;
  // The demo seasons' years follow the calendar: look for Passerelle's essaimé in every season.
  const seasons = (await api.call('GET', '/seasons?limit=100', { as: CLAIRE })).body.items as { seasonId: string }[];
  for (const { seasonId } of seasons) {
    const essaimes = (await api.call('GET', `/seasons/${seasonId}/essaimes?limit=100`, { as: CLAIRE })).body.items as { essaimeId: string; structureId: string }[];
    passerelleEssaime ??= essaimes.find((e) => e.structureId === 'str_passerelle')?.essaimeId as string;
  }
});
afterAll(() => api.stop());

const post = (as: string, threadId: string, text: string) => api.call('POST', `/threads/${threadId}/messages`, { as, body: { text } });
const unreadOf = async (as: string, threadId: string) => {
  const res = await api.call('GET', '/me/threads?limit=100', { as });
  expect(res.status, res.text).toBe(200);
  return (res.body.items as { threadId: string; unreadCount: number }[]).find((t) => t.threadId === threadId)?.unreadCount;
};
const threadMails = async (as: string, threadId: string) => {
  const res = await api.call('GET', '/outbox?limit=100', { as });
  return (res.body.items as { kind: string; recipientUserId: string; related: { entityId: string }; subject: string }[]).filter(
    (m) => m.kind.startsWith('thread.') && m.related.entityId === threadId,
  );
};

describe("an application's thread", () => {
  it('exists before its first message, with nothing unread', async () => {
    const res = await api.call('GET', `/threads/${envolThread}`, { as: ENVOL });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ threadId: envolThread, applicationId: envolThread, messageCount: 0, unreadCount: 0, lastMessageAt: null });
    expect((await api.call('GET', `/threads/${envolThread}/messages`, { as: ENVOL })).body).toEqual({ items: [], nextCursor: null });
  });

  it("the applicant writes: every staff member is e-mailed (none wrote yet), the audit keeps it, the thread counts it unread for staff", async () => {
    const res = await post(ENVOL, envolThread, 'Bonjour, faut-il joindre les comptes de 2019 ou de 2020 ?');
    expect(res.status, res.text).toBe(201);
    expect(res.body.message).toMatchObject({ side: 'structure', authorUserId: ENVOL, authorName: 'Sophie Marchand' });
    expect(res.body.thread).toMatchObject({ messageCount: 1, unreadCount: 0, lastMessageBy: 'structure' });
    const mails = await threadMails(CLAIRE, envolThread);
    expect(mails.map((m) => m.recipientUserId).sort()).toEqual([CLAIRE, THOMAS]);
    expect(mails[0]!.subject).toBe("Nouveau message de L'Envol");
    expect(await unreadOf(CLAIRE, envolThread)).toBe(1);
    expect(await unreadOf(THOMAS, envolThread)).toBe(1);
    expect(await unreadOf(ENVOL, envolThread)).toBe(0);
    const audit = await api.call('GET', `/audit/thread/${envolThread}?limit=20`, { as: CLAIRE });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('thread.message-posted');
  });

  it('staff mark it read (for themselves only) and answer: the applicant is e-mailed and sees one unread message', async () => {
    const read = await api.call('POST', `/threads/${envolThread}/read`, { as: CLAIRE });
    expect(read.status, read.text).toBe(200);
    expect(read.body.unreadCount).toBe(0);
    expect(await unreadOf(CLAIRE, envolThread)).toBe(0);
    expect(await unreadOf(THOMAS, envolThread)).toBe(1);
    const answer = await post(CLAIRE, envolThread, 'Bonjour, les comptes du dernier exercice clos suffisent.');
    expect(answer.status, answer.text).toBe(201);
    expect(await unreadOf(ENVOL, envolThread)).toBe(1);
    expect(await unreadOf(THOMAS, envolThread)).toBe(2);
    const toApplicant = await threadMails(ENVOL, envolThread);
    expect(toApplicant).toHaveLength(1);
    expect(toApplicant[0]).toMatchObject({ kind: 'thread.staff-message', recipientUserId: ENVOL, subject: "Nouveau message de l'équipe Ansa" });
    const messages = await api.call('GET', `/threads/${envolThread}/messages`, { as: ENVOL });
    expect(messages.body.items.map((m: { side: string }) => m.side)).toEqual(['staff', 'structure']);
  });

  it('once a staff member wrote, the structure’s next message goes to her only', async () => {
    const before = (await threadMails(CLAIRE, envolThread)).length;
    expect((await post(ENVOL, envolThread, 'Merci, je les joins.')).status).toBe(201);
    const after = await threadMails(CLAIRE, envolThread);
    expect(after.length - before).toBe(1);
    expect(after.filter((m) => m.kind === 'thread.structure-message' && m.recipientUserId === THOMAS)).toHaveLength(1);
  });
});

describe("an essaimé's thread, and no leaks between structures or to tutors", () => {
  it("Passerelle's referent and staff talk in the essaimé's thread (it came from no application: named by the essaimé)", async () => {
    const res = await post(PASSERELLE, passerelleEssaime, 'Pouvons-nous décaler la visite de suivi ?');
    expect(res.status, res.text).toBe(201);
    expect(res.body.thread).toMatchObject({ threadId: passerelleEssaime, essaimeId: passerelleEssaime, applicationId: null, structureId: 'str_passerelle' });
    expect((await post(CLAIRE, passerelleEssaime, 'Oui, proposons le 12.')).status).toBe(201);
    expect(await unreadOf(PASSERELLE, passerelleEssaime)).toBe(1);
    expect((await threadMails(PASSERELLE, passerelleEssaime)).map((m) => m.recipientUserId)).toEqual([PASSERELLE]);
  });

  it("another structure's referent, the applicant of another structure and tutors neither read nor write, and nothing is written", async () => {
    const denied: [string, string, string][] = [
      [PASSERELLE, 'GET', `/threads/${envolThread}`],
      [PASSERELLE, 'GET', `/threads/${envolThread}/messages`],
      [PASSERELLE, 'POST', `/threads/${envolThread}/messages`],
      [PASSERELLE, 'POST', `/threads/${envolThread}/read`],
      [JURA, 'GET', `/threads/${passerelleEssaime}/messages`],
      [JURA, 'POST', `/threads/${passerelleEssaime}/messages`],
      [ENVOL, 'GET', `/threads/${passerelleEssaime}/messages`],
      [ENVOL, 'POST', `/threads/${passerelleEssaime}/messages`],
    ];
    for (const [as, method, path] of denied) {
      const res = await api.call(method, path, { as, ...(method === 'POST' && path.endsWith('messages') ? { body: { text: 'Intrusion' } } : {}) });
      expect(res.status, `${method} ${path} as ${as}`).toBe(404);
    }
    for (const path of [`/threads/${passerelleEssaime}`, `/threads/${passerelleEssaime}/messages`, '/me/threads']) {
      const res = await api.call('GET', path, { as: MICHEL });
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('ROLE_NOT_ALLOWED');
    }
    expect((await post(MICHEL, passerelleEssaime, 'Le tuteur écrit')).status).toBe(403);
    const all = async (as: string) => ((await api.call('GET', '/me/threads?limit=100', { as })).body.items as { threadId: string }[]).map((t) => t.threadId);
    expect(await all(PASSERELLE)).toEqual([passerelleEssaime]);
    expect(await all(ENVOL)).toEqual([envolThread]);
    expect(await all(JURA)).toEqual([]);
    expect((await all(CLAIRE)).sort()).toEqual([envolThread, passerelleEssaime].sort());
    const passerelleMessages = await api.call('GET', `/threads/${passerelleEssaime}/messages?limit=100`, { as: CLAIRE });
    expect(passerelleMessages.text).not.toContain('Intrusion');
    expect(passerelleMessages.text).not.toContain('Le tuteur écrit');
  });

  it('concurrent messages are all kept and counted exactly', async () => {
    const before = (await api.call('GET', `/threads/${passerelleEssaime}`, { as: CLAIRE })).body.messageCount as number;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => post(i % 2 ? CLAIRE : PASSERELLE, passerelleEssaime, `Message simultané ${i}`)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const thread = (await api.call('GET', `/threads/${passerelleEssaime}`, { as: CLAIRE })).body;
    expect(thread.messageCount).toBe(before + 6);
    const messages = await api.call('GET', `/threads/${passerelleEssaime}/messages?limit=100`, { as: CLAIRE });
    expect(messages.body.items).toHaveLength(before + 6);
  });

  it('messages page with a cursor signed for this thread; a cursor of another thread is refused', async () => {
    const first = await api.call('GET', `/threads/${passerelleEssaime}/messages?limit=3`, { as: PASSERELLE });
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.call('GET', `/threads/${passerelleEssaime}/messages?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`, { as: PASSERELLE });
    expect(second.status).toBe(200);
    const ids = [...first.body.items, ...second.body.items].map((m: { messageId: string }) => m.messageId);
    expect(new Set(ids).size).toBe(6);
    const foreign = await api.call('GET', `/threads/${envolThread}/messages?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`, { as: CLAIRE });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('INVALID_CURSOR');
  });

  it('bad input is a 400 and writes nothing', async () => {
    const empty = await post(PASSERELLE, passerelleEssaime, '   ');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
    const wrongId = await api.call('GET', '/threads/sea_not-a-thread', { as: CLAIRE });
    expect(wrongId.status).toBe(400);
    const unknown = await api.call('GET', '/threads/app_00000000-0000-0000-0000-000000000000', { as: CLAIRE });
    expect(unknown.status).toBe(404);
  });
});

describe('documents attached to a message', () => {
  it("the author attaches a document; the thread's participants read it, nobody else, and nobody else attaches", async () => {
    const posted = await post(ENVOL, envolThread, 'Voici les comptes annuels.');
    expect(posted.status).toBe(201);
    const parent = { kind: 'threadMessage', threadId: envolThread, messageId: posted.body.message.messageId as string };
    const confirmed = await uploadDocument(api, ENVOL, parent, sampleFiles.pdf(), { fileName: 'comptes-2025.pdf' });
    expect(confirmed.status, confirmed.text).toBe(200);
    const query = `/attachments?kind=threadMessage&threadId=${envolThread}&messageId=${parent.messageId}`;
    const asStaff = await api.call('GET', query, { as: CLAIRE });
    expect(asStaff.status, asStaff.text).toBe(200);
    expect(asStaff.body.items.map((a: { fileName: string }) => a.fileName)).toEqual(['comptes-2025.pdf']);
    const link = await api.call('GET', `/attachments/${asStaff.body.items[0].attachmentId}/download`, { as: CLAIRE });
    expect(link.status, link.text).toBe(200);
    expect((await api.call('GET', query, { as: PASSERELLE })).status).toBe(404);
    expect([403, 404]).toContain((await api.call('GET', query, { as: MICHEL })).status);
    const intruder = await api.call('POST', '/attachments', {
      as: PASSERELLE,
      body: { ...parent, fileName: 'x.pdf', contentType: 'application/pdf', size: 10, sha256: '0'.repeat(64) },
    });
    expect(intruder.status).toBe(404);
  });
});

describe('personal data', () => {
  it("a person's export holds the messages they wrote in their threads", async () => {
    const own = await api.call('GET', `/privacy/users/${ENVOL}`, { as: ENVOL });
    expect(own.status, own.text).toBe(200);
    const messages = (own.body.copies as { entityType: string; data: { text: string } }[]).filter((c) => c.entityType === 'ThreadMessage').map((c) => c.data.text);
    expect(messages).toContain('Bonjour, faut-il joindre les comptes de 2019 ou de 2020 ?');
    const referent = await api.call('GET', `/privacy/users/${PASSERELLE}`, { as: PASSERELLE });
    expect(referent.text).toContain('Pouvons-nous décaler la visite de suivi ?');
  });
});

describe('the e-mails these flows queued', () => {
  it('greet people by name and read as French (no ISO date, no « 00:00 », no raw id)', async () => {
    const messages = await everyOutboxMessage(api);
    expect(messages.length).toBeGreaterThan(0);
    expect(outboxFaults(messages)).toEqual([]);
  });
});
