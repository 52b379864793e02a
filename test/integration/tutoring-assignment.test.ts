import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/access/principal';
import { listAuditForEntity } from '../../shared/db/audit';
import type { Db } from '../../shared/db/client';
import { commit } from '../../shared/db/transact';
import { DomainError } from '../../shared/errors';
import { createEssaimeWrites, getEssaime } from '../../shared/essaimes/repository';
import type { Essaime } from '../../shared/essaimes/schemas';
import { loadUser, putMembershipWrite, putProfileWrite } from '../../shared/identity/repository';
import { newId } from '../../shared/ids';
import { resolveCaller } from '../../shared/identity/principal';
import { createSeason } from '../../shared/seasons/use-cases';
import { getCurrentAssignment, getTutor, listAssignmentHistory, listAssignmentsOfTutor } from '../../shared/tutoring/repository';
import { assignTutor, createTutor, releaseTutor, suggestSeasonTutors, updateTutor } from '../../shared/tutoring/use-cases';
import { createTestDb, snapshotTable, testDeps } from '../support/db';

const staff: Principal = { userId: 'staff-1', role: 'staff', structureIds: [] };
const zero = { prospecting: 0, loyalty: 0, 'jobseeker-support': 0, matching: 0, transformation: 0 } as const;
let db: Db;
let seasonId: string;

async function addTutorUser(userId: string, name: string) {
  await commit(db, staff, [putProfileWrite(db, { userId, role: 'tutor', displayName: name, email: `${userId}@acor.example`, organisation: 'A.CO.R.' })], []);
}

async function addEssaime(structureId: string, tutorUserId: string | null = null, needs: Essaime['needs'] = [{ axis: 'prospecting', priority: 1, description: '' }]): Promise<Essaime> {
  const essaime: Essaime = {
    essaimeId: newId('essaime'),
    seasonId,
    callId: null,
    applicationId: null,
    structureId,
    structureName: `Structure ${structureId}`,
    legalForm: 'Association loi 1901',
    territory: { name: `Territoire ${structureId}`, region: 'Occitanie', departement: 'Tarn', departementCode: '81', setting: 'rural', population: 10_000 },
    hypothesis: 'A',
    referentUserId: `ref-${structureId}`,
    needs,
    activeParticipantCount: 0,
    tutorUserId,
    createdAt: new Date().toISOString(),
    version: 1,
  };
  await commit(db, staff, createEssaimeWrites(db, essaime, [], essaime.createdAt), []);
  return essaime;
}

const structuresOf = async (userId: string) => (await resolveCaller(db, { sub: userId, 'cognito:groups': '[tutor]' })).principal.structureIds;

beforeAll(async () => {
  db = await createTestDb();
  seasonId = (await createSeason(testDeps(db), staff, { name: 'Saison test', year: 2019, startDate: '2019-09-01', endDate: '2020-12-31' })).seasonId;
  for (const [id, name] of [['tut-a', 'Anne Arrieta'], ['tut-b', 'Bruno Bordes'], ['tut-c', 'Chloé Casau'], ['tut-legacy', 'Léo Lasserre']]) await addTutorUser(id!, name!);
  await createTutor(testDeps(db), staff, { userId: 'tut-a', expertise: { ...zero, prospecting: 3 }, capacity: 1, available: true, availabilityNote: '' });
  await createTutor(testDeps(db), staff, { userId: 'tut-b', expertise: { ...zero, loyalty: 3 }, capacity: 2, available: true, availabilityNote: '' });
  await createTutor(testDeps(db), staff, { userId: 'tut-c', expertise: { ...zero, matching: 2 }, capacity: 3, available: false, availabilityNote: 'En congé' });
});
afterAll(() => db.doc.destroy());

describe('tutor directory', () => {
  it('refuses a user who is not a tutor, and a duplicate', async () => {
    await commit(db, staff, [putProfileWrite(db, { userId: 'ref-x', role: 'referent', displayName: 'Réf X', email: 'x@x.example', organisation: 'X' })], []);
    await expect(createTutor(testDeps(db), staff, { userId: 'ref-x', expertise: zero, capacity: 1, available: true, availabilityNote: '' })).rejects.toMatchObject({ code: 'NOT_A_TUTOR' });
    await expect(createTutor(testDeps(db), staff, { userId: 'tut-a', expertise: zero, capacity: 1, available: true, availabilityNote: '' })).rejects.toMatchObject({ code: 'TUTOR_EXISTS' });
  });
});

describe('assignment on DynamoDB Local', () => {
  it('lets only one of two concurrent assignments take the last place of a tutor (load < capacity, in the transaction)', async () => {
    const [e1, e2] = [await addEssaime('str_c1'), await addEssaime('str_c2')];
    const attempts = await Promise.allSettled([
      assignTutor(testDeps(db), staff, e1.essaimeId, { tutorUserId: 'tut-a' }),
      assignTutor(testDeps(db), staff, e2.essaimeId, { tutorUserId: 'tut-a' }),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const failure = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected')!;
    expect(failure.reason).toBeInstanceOf(DomainError);
    expect(['TUTOR_AT_CAPACITY', 'TRANSACTION_CONFLICT']).toContain(failure.reason.code);
    expect((await getTutor(db, 'tut-a'))!.load).toBe(1);
    const tutored = [await getEssaime(db, e1.essaimeId), await getEssaime(db, e2.essaimeId)].filter((e) => e!.tutorUserId === 'tut-a');
    expect(tutored).toHaveLength(1);
    // The principal of the tutor follows the membership written in the same transaction.
    expect(await structuresOf('tut-a')).toEqual([tutored[0]!.structureId]);
  });

  it('refuses a tutor at capacity and writes nothing', async () => {
    const e = await addEssaime('str_full');
    const before = await snapshotTable(db);
    await expect(assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'tut-a' })).rejects.toMatchObject({ code: 'TUTOR_AT_CAPACITY' });
    expect(await snapshotTable(db)).toEqual(before);
  });

  it('refuses an unavailable tutor and one outside the directory', async () => {
    const e = await addEssaime('str_unavail');
    await expect(assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'tut-c' })).rejects.toMatchObject({ code: 'TUTOR_UNAVAILABLE' });
    await expect(assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'nobody' })).rejects.toMatchObject({ code: 'TUTOR_NOT_IN_DIRECTORY' });
  });

  it('lets only one of two staff assign the same essaimé at once', async () => {
    await updateTutor(testDeps(db), staff, 'tut-c', { expectedVersion: 1, available: true });
    const e = await addEssaime('str_race');
    const attempts = await Promise.allSettled([
      assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'tut-b' }),
      assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'tut-c' }),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const loads = (await getTutor(db, 'tut-b'))!.load + (await getTutor(db, 'tut-c'))!.load;
    expect(loads).toBe(1);
    const current = await getCurrentAssignment(db, e.essaimeId);
    expect((await getEssaime(db, e.essaimeId))!.tutorUserId).toBe(current!.tutorUserId);
  });

  it('reassigns: moves the load and the membership, keeps the history, audits both tutors', async () => {
    const e = await addEssaime('str_move', null, [{ axis: 'loyalty', priority: 1, description: '' }]);
    const loadB = (await getTutor(db, 'tut-b'))!.load;
    const loadC = (await getTutor(db, 'tut-c'))!.load;
    const first = await assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'tut-b' });
    expect(first.kind).toBe('confirmed');
    const second = await assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'tut-c', reason: 'Rapprochement géographique' });
    expect(second).toMatchObject({ kind: 'reassigned', previousTutorUserId: 'tut-b', tutorUserId: 'tut-c', reason: 'Rapprochement géographique' });
    expect((await getTutor(db, 'tut-b'))!.load).toBe(loadB);
    expect((await getTutor(db, 'tut-c'))!.load).toBe(loadC + 1);
    expect(await structuresOf('tut-b')).not.toContain('str_move');
    expect(await structuresOf('tut-c')).toContain('str_move');
    const history = await listAssignmentHistory(db, e.essaimeId, { limit: 10 });
    expect(history.items.map((h) => h.kind)).toEqual(['reassigned', 'confirmed']);
    const audit = await listAuditForEntity(db, 'essaime', e.essaimeId, { limit: 10 });
    expect(audit.items.map((a) => a.action).sort()).toEqual(['tutor-assignment.confirmed', 'tutor-assignment.reassigned']);
    expect((await listAuditForEntity(db, 'tutor', 'tut-b', { limit: 10 })).items.map((a) => a.action)).toContain('tutor.essaime-unassigned');
    await expect(assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'tut-c' })).rejects.toMatchObject({ code: 'ALREADY_ASSIGNED' });
  });

  it('records an override when staff choose someone other than the proposal', async () => {
    const e = await addEssaime('str_override', null, [{ axis: 'loyalty', priority: 1, description: '' }]);
    // tut-b (loyalty 3) is the proposal; tut-c (no loyalty) is an override
    const out = await assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'tut-c', reason: 'Connaît le territoire' });
    expect(out.kind).toBe('overridden');
    expect(out.proposedTutorUserId).toBe('tut-b');
  });

  it('releases an essaimé: frees the capacity and removes the membership', async () => {
    const e = await addEssaime('str_release', null, [{ axis: 'loyalty', priority: 1, description: '' }]);
    await assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'tut-b' });
    const load = (await getTutor(db, 'tut-b'))!.load;
    await releaseTutor(testDeps(db), staff, e.essaimeId);
    expect((await getTutor(db, 'tut-b'))!.load).toBe(load - 1);
    expect((await getEssaime(db, e.essaimeId))!.tutorUserId).toBeNull();
    expect(await structuresOf('tut-b')).not.toContain('str_release');
    expect(await getCurrentAssignment(db, e.essaimeId)).toBeUndefined();
    await expect(releaseTutor(testDeps(db), staff, e.essaimeId)).rejects.toMatchObject({ code: 'NO_TUTOR' });
  });

  it('takes over an assignment made outside the module (seeded) without duplicating the membership', async () => {
    await createTutor(testDeps(db), staff, { userId: 'tut-legacy', expertise: { ...zero, prospecting: 2 }, capacity: 2, available: true, availabilityNote: '' });
    const e = await addEssaime('str_legacy', 'tut-legacy');
    await commit(db, staff, [putMembershipWrite(db, { userId: 'tut-legacy', structureId: 'str_legacy', structureName: 'Legacy', relation: 'tutor', since: new Date().toISOString() })], []);
    await assignTutor(testDeps(db), staff, e.essaimeId, { tutorUserId: 'tut-legacy' });
    expect((await getTutor(db, 'tut-legacy'))!.load).toBe(1);
    expect((await loadUser(db, 'tut-legacy')).memberships).toHaveLength(1);
    expect((await listAssignmentsOfTutor(db, 'tut-legacy', { limit: 10 })).items.map((a) => a.essaimeId)).toEqual([e.essaimeId]);
  });

  it('refuses to lower a capacity below the current load, and a stale edit', async () => {
    await addTutorUser('tut-d', 'Denis Darrigrand');
    await createTutor(testDeps(db), staff, { userId: 'tut-d', expertise: { ...zero, transformation: 3 }, capacity: 2, available: true, availabilityNote: '' });
    for (const id of ['str_d1', 'str_d2']) await assignTutor(testDeps(db), staff, (await addEssaime(id)).essaimeId, { tutorUserId: 'tut-d' });
    const before = await snapshotTable(db);
    await expect(updateTutor(testDeps(db), staff, 'tut-d', { expectedVersion: 1, capacity: 1 })).rejects.toMatchObject({ code: 'CAPACITY_BELOW_LOAD' });
    expect(await snapshotTable(db)).toEqual(before);
    await expect(updateTutor(testDeps(db), staff, 'tut-d', { expectedVersion: 1, capacity: 4, availabilityNote: 'Mardi et jeudi' })).resolves.toMatchObject({ capacity: 4, load: 2, version: 2 });
    await expect(updateTutor(testDeps(db), staff, 'tut-d', { expectedVersion: 1, capacity: 5 })).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect((await listAuditForEntity(db, 'tutor', 'tut-d', { limit: 10 })).items.map((a) => a.action)).toContain('tutor.updated');
  });

  it('suggests tutors for the season within capacity', async () => {
    const out = await suggestSeasonTutors(testDeps(db), seasonId);
    const proposals = out.items.filter((i) => i.proposal).map((i) => i.proposal!.tutorUserId);
    for (const id of new Set(proposals)) {
      const t = (await getTutor(db, id))!;
      expect(t.load + proposals.filter((p) => p === id).length).toBeLessThanOrEqual(t.capacity);
    }
    expect(proposals.length).toBe(Math.min(out.withoutTutor, out.spareCapacity));
  });
});
