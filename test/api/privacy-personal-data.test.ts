import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commit } from '../../shared/db/transact';
import { enqueueOnce, newMessage } from '../../shared/notifications/outbox';
import { personRefWrite } from '../../shared/db/person-refs';
import { snapshotTable } from '../support/db';
import { startTestApi, type TestApi } from '../support/api';
import { emailHash } from '../../shared/essaimes/participants';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/**
 * Export and erasure of one person's data. Copies of the name are planted where modules put them (an audit
 * entry about the participant, a note in the essaimé's training file, an item of another module that
 * registered a pointer, a message), then erasure must leave no item in the whole table holding the name or
 * the email, and the dashboards exactly as they were.
 */
let api: TestApi;
let season2019: string;
let passerelleId: string;
const staff = 'demo-staff-claire';
const erasure = { confirm: true, requestedOn: '2026-11-20', channel: 'email' };

beforeAll(async () => {
  api = await startTestApi();
  const seasons = (await api.call('GET', '/seasons', { as: staff })).body.items as { seasonId: string; year: number }[];
  season2019 = seasons.find((s) => s.year === demoSeasons.cohort)!.seasonId;
  const essaimes = (await api.call('GET', `/seasons/${season2019}/essaimes?limit=50`, { as: staff })).body.items as { essaimeId: string; structureId: string }[];
  passerelleId = essaimes.find((e) => e.structureId === 'str_passerelle')!.essaimeId;
});
afterAll(() => api.stop());

const holders = async (...needles: string[]) =>
  (await snapshotTable(api.product.deps.db)).filter((item) => needles.some((n) => JSON.stringify(item).toLowerCase().includes(n.toLowerCase())));

async function dashboards() {
  const programme = await api.call('GET', `/seasons/${season2019}/dashboard`, { as: staff });
  const essaime = await api.call('GET', `/essaimes/${passerelleId}/dashboard`, { as: staff });
  expect(programme.status).toBe(200);
  return { programme: programme.body, essaime: essaime.body };
}

describe('a participant’s personal data', () => {
  const name = 'Karim Haddad';
  const email = 'karim.haddad@passerelle.example';
  let participantId: string;
  const url = () => `/privacy/essaimes/${passerelleId}/participants/${participantId}`;

  beforeAll(async () => {
    const essaime = await api.call('GET', `/essaimes/${passerelleId}`, { as: staff });
    participantId = essaime.body.participants.find((p: { name: string }) => p.name === name).participantId;
    const { db } = api.product.deps;
    const actor = { userId: staff, role: 'staff' as const };
    const other = { pk: 'OTHERMODULE#x1', sk: 'ITEM' };
    await commit(
      db,
      actor,
      [
        { item: { Put: { TableName: db.tableName, Item: { pk: `TRAINING#${passerelleId}`, sk: 'NOTE#1', type: 'TrainingNote', text: `${name} a présenté le livrable du module 2.` } } } },
        { item: { Put: { TableName: db.tableName, Item: { ...other, type: 'OtherRecord', people: [{ name, email: email.toUpperCase() }] } } } },
        personRefWrite(db, { kind: 'participant', id: participantId }, other, 'other'),
      ],
      [{ action: 'participant.renamed', entityType: 'participant', entityId: participantId, changes: { name, email } }],
    );
  });

  it('exports everything held on the participant, to staff only', async () => {
    expect((await api.call('GET', url(), { as: 'demo-referent-passerelle' })).status).toBe(403);
    const res = await api.call('GET', url(), { as: staff });
    expect(res.status).toBe(200);
    expect(res.body.person).toEqual({ kind: 'participant', id: participantId });
    expect(res.body.record).toMatchObject({ name, email, role: 'Chargé de relation entreprises' });
    const types = res.body.copies.map((c: { entityType: string }) => c.entityType).sort();
    // The demo seed copies the name into attendance, progress and tutoring records; the planted audit entry is about them.
    expect(types).toEqual(expect.arrayContaining(['AuditEntry', 'Attendance', 'EssaimeProgress', 'TutoringRequest', 'GuideEntry']));
    // Items of no registered type have no view decided for the person: left out of the export (erasure still scrubs them).
    expect(types).not.toContain('OtherRecord');
    expect(types).not.toContain('TrainingNote');
    const entry = res.body.copies.find((c: { entityType: string; data: { action: string } }) => c.data.action === 'participant.renamed');
    expect(entry.data).toMatchObject({ actorRole: 'staff', changes: { name, email } });
    expect(entry.data.actorId).toBeUndefined();
    const guide = res.body.copies.find((c: { entityType: string }) => c.entityType === 'GuideEntry');
    expect(Object.keys(guide.data).sort()).toEqual(['guideEntryId', 'seasonId', 'sensitiveTerms', 'status']);
  });

  it('erases the name and email from every item; counts and dashboards are unchanged', async () => {
    const before = await dashboards();
    const countBefore = (await api.call('GET', `/essaimes/${passerelleId}`, { as: staff })).body.activeParticipantCount;
    expect((await holders(name, email)).length).toBeGreaterThanOrEqual(4);
    expect((await holders(emailHash(email))).length, 'the e-mail claim of the active participant').toBe(1);

    expect((await api.call('POST', `${url()}/erasure`, { as: staff, body: { ...erasure, confirm: false } })).status).toBe(400);
    expect((await api.call('POST', `${url()}/erasure`, { as: 'demo-referent-passerelle', body: erasure })).status).toBe(403);
    const res = await api.call('POST', `${url()}/erasure`, { as: staff, body: erasure });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ alreadyErased: false, notScrubbable: [] });
    expect(res.body.scrubbed).toBeGreaterThanOrEqual(3);

    expect(await holders(name, email)).toEqual([]);
    expect(await holders(emailHash(email)), 'the claim moves to the anonymous address').toEqual([]);
    expect(await dashboards()).toEqual(before);
    const essaime = (await api.call('GET', `/essaimes/${passerelleId}`, { as: staff })).body;
    expect(essaime.activeParticipantCount).toBe(countBefore);
    expect(essaime.participants.find((p: { participantId: string }) => p.participantId === participantId)).toMatchObject({ name: 'Personne effacée', active: true, role: 'Chargé de relation entreprises' });
    const audit = await api.call('GET', `/audit/participant/${participantId}`, { as: staff });
    expect(audit.body.items[0]).toMatchObject({ action: 'privacy.erased', actorId: staff, changes: { channel: 'email', copies: res.body.scrubbed } });
  });

  it('is idempotent', async () => {
    const again = await api.call('POST', `${url()}/erasure`, { as: staff, body: erasure });
    expect(again.body).toMatchObject({ alreadyErased: true, scrubbed: 0 });
  });
});

describe('a user’s personal data', () => {
  const name = 'Julien Girard';
  const email = 'julien.girard@jura-service.example';

  beforeAll(async () => {
    const meeting = await api.call('POST', `/seasons/${season2019}/steering-meetings`, {
      as: staff,
      body: { body: 'governance-committee', date: '2020-06-10', membersPresent: [{ name, organisation: 'Jura Service', userId: 'demo-referent-jura' }, { name: 'Claire Moreau', organisation: 'Ansa', userId: staff }], decisions: [] },
    });
    expect(meeting.status).toBe(201);
    await enqueueOnce(api.product.deps.db, newMessage({ dedupeKey: 'test#hello-julien', kind: 'test', recipientUserId: 'demo-referent-jura', subject: 'Bienvenue', body: `Bonjour ${name},`, related: { entityType: 'user', entityId: 'demo-referent-jura' } }, new Date()));
  });

  it('lets a user export their own data, not someone else’s', async () => {
    const own = await api.call('GET', '/privacy/users/demo-referent-jura', { as: 'demo-referent-jura' });
    expect(own.status).toBe(200);
    expect(own.body.record).toMatchObject({ displayName: name, email });
    const types = own.body.copies.map((c: { entityType: string }) => c.entityType);
    expect(types).toEqual(expect.arrayContaining(['SteeringMeeting', 'OutboxMessage', 'Membership']));
    expect((await api.call('GET', '/privacy/users/demo-referent-passerelle', { as: 'demo-referent-jura' })).status).toBe(403);
  });

  it('erases the user’s name and email everywhere; they keep their access; dashboards are unchanged', async () => {
    const before = await dashboards();
    expect((await holders(name, email)).length).toBeGreaterThanOrEqual(3);
    expect((await api.call('POST', '/privacy/users/demo-referent-jura/erasure', { as: 'demo-referent-jura', body: erasure })).status).toBe(403);
    const res = await api.call('POST', '/privacy/users/demo-referent-jura/erasure', { as: staff, body: erasure });
    expect(res.status).toBe(200);
    expect(res.body.notScrubbable).toEqual([]);
    expect(await holders(name, email)).toEqual([]);
    expect(await dashboards()).toEqual(before);
    const me = await api.call('GET', '/me', { as: 'demo-referent-jura' });
    expect(me.body).toMatchObject({ role: 'referent', displayName: 'Utilisateur effacé', structureIds: ['str_jura-service'] });
    const meetings = await api.call('GET', `/seasons/${season2019}/steering-meetings`, { as: staff });
    const june = meetings.body.items.find((m: { date: string }) => m.date === '2020-06-10');
    expect(june.membersPresent.map((m: { name: string }) => m.name)).toEqual(['[donnée effacée]', 'Claire Moreau']);
  });
});
