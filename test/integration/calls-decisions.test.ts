import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/access/principal';
import { decide, publishDecisions } from '../../shared/applications/decisions';
import { listApplicationsInStatus } from '../../shared/applications/repository';
import { verifyCriterion } from '../../shared/applications/review';
import { createApplication, readApplication, submitApplication, withdrawApplication } from '../../shared/applications/use-cases';
import { callCounterEntity } from '../../shared/calls/entities';
import { closeCall, createCall, openCall, readCall } from '../../shared/calls/use-cases';
import { listAuditForEntity } from '../../shared/db/audit';
import type { Db } from '../../shared/db/client';
import { getOne } from '../../shared/db/store';
import { commit } from '../../shared/db/transact';
import { DomainError } from '../../shared/errors';
import { getEssaimeWithParticipants } from '../../shared/essaimes/repository';
import { loadUser, putProfileWrite } from '../../shared/identity/repository';
import { listOutboxFor } from '../../shared/notifications/outbox';
import { createSeason } from '../../shared/seasons/use-cases';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { createTestDb, snapshotTable, testDeps } from '../support/db';

const staff: Principal = { userId: 'staff-claire', role: 'staff', structureIds: [] };
const DAY = 86_400_000;
let db: Db;
let seasonId: string;

beforeAll(async () => {
  db = await createTestDb();
  await commit(db, staff, [putProfileWrite(db, { userId: staff.userId, role: 'staff', displayName: 'Claire', email: 'c@ansa.example', organisation: 'Ansa' })], [], new Date());
  const season = await createSeason(testDeps(db), staff, { name: 'Saison 2020', year: 2020, startDate: '2020-09-01', endDate: '2022-03-31' });
  seasonId = season.seasonId;
});
afterAll(() => db.doc.destroy());

async function openCallWith(max: number, min = 1) {
  const now = Date.now();
  const call = await createCall(testDeps(db), staff, {
    seasonId,
    title: `Appel ${max}`,
    description: '',
    hypotheses: ['A', 'B'],
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 30 * DAY).toISOString(),
    capacity: { min, max },
  });
  await openCall(testDeps(db), staff, call.callId);
  return call.callId;
}

/** A submitted, eligible application whose evidence is verified: ready to be selected. */
async function readyApplication(callId: string, index: number) {
  const applicant: Principal = { userId: `applicant-${callId}-${index}`, role: 'referent', structureIds: [] };
  const signedOn = new Date(Date.now() - DAY).toISOString().slice(0, 10);
  const input = demoApplicationInput('str_envol', signedOn);
  const app = await createApplication(testDeps(db), applicant, callId, { ...input, structure: { ...input.structure, name: `Structure ${index}` } });
  await submitApplication(testDeps(db), applicant, app.applicationId);
  for (const criterionId of ['A1.2', 'A2.3']) {
    await verifyCriterion(testDeps(db), staff, app.applicationId, { criterionId, outcome: 'verified', comment: 'Pièces vues' });
  }
  return { applicant, applicationId: app.applicationId, people: input.people };
}

describe('the call maximum under concurrency (DynamoDB Local)', () => {
  it('30 parallel "select" decisions on a call whose maximum is 10 leave exactly 10 selected; the 20 others get CALL_FULL', async () => {
    const callId = await openCallWith(10);
    const apps: { applicationId: string }[] = [];
    for (let i = 0; i < 30; i++) apps.push(await readyApplication(callId, i));

    const outcomes = await Promise.allSettled(
      apps.map((a) => decide(testDeps(db), staff, a.applicationId, { outcome: 'selected', rationale: 'Candidature solide' })),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(20);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(DomainError);
      expect((failure.reason as DomainError).code).toBe('CALL_FULL');
      expect((failure.reason as DomainError).status).toBe(409);
    }

    const selected = await listApplicationsInStatus(db, callId, 'selected');
    expect(selected).toHaveLength(10);
    const counter = await getOne(db, callCounterEntity, { callId }, true);
    expect(counter).toMatchObject({ selected: 10, max: 10 });
    expect((await readCall(testDeps(db), staff, callId)).selectedCount).toBe(10);
    // The refused ones are untouched: still under review, no decision.
    const refused = [...(await listApplicationsInStatus(db, callId, 'under_review')), ...(await listApplicationsInStatus(db, callId, 'submitted'))];
    expect(refused).toHaveLength(20);
    for (const app of refused) expect(app.decision).toBeNull();
    // One audit entry per decision that landed, none for the refused ones.
    let decided = 0;
    for (const a of apps) {
      const audit = await listAuditForEntity(db, 'application', a.applicationId, { limit: 50 });
      decided += audit.items.filter((e) => e.action === 'application.decided').length;
    }
    expect(decided).toBe(10);
  });

  it('unselecting frees a place, and a withdrawal of a selected application too', async () => {
    const callId = await openCallWith(2);
    const [a, b, c] = [await readyApplication(callId, 0), await readyApplication(callId, 1), await readyApplication(callId, 2)];
    await decide(testDeps(db), staff, a.applicationId, { outcome: 'selected', rationale: 'ok' });
    await decide(testDeps(db), staff, b.applicationId, { outcome: 'selected', rationale: 'ok' });
    const before = await snapshotTable(db);
    await expect(decide(testDeps(db), staff, c.applicationId, { outcome: 'selected', rationale: 'ok' })).rejects.toMatchObject({ code: 'CALL_FULL' });
    expect(await snapshotTable(db)).toEqual(before);

    await decide(testDeps(db), staff, b.applicationId, { outcome: 'waitlisted', rationale: 'Finalement en attente' });
    await decide(testDeps(db), staff, c.applicationId, { outcome: 'selected', rationale: 'ok' });
    await withdrawApplication(testDeps(db), a.applicant, a.applicationId);
    expect((await readCall(testDeps(db), staff, callId)).selectedCount).toBe(1);
    await decide(testDeps(db), staff, b.applicationId, { outcome: 'selected', rationale: 'Place libérée' });
    expect((await readCall(testDeps(db), staff, callId)).selectedCount).toBe(2);
  });

  it('selection waits for evidence to be verified', async () => {
    const callId = await openCallWith(5);
    const applicant: Principal = { userId: 'applicant-unverified', role: 'referent', structureIds: [] };
    const input = demoApplicationInput('str_envol', new Date(Date.now() - DAY).toISOString().slice(0, 10));
    const app = await createApplication(testDeps(db), applicant, callId, input);
    await submitApplication(testDeps(db), applicant, app.applicationId);
    await expect(decide(testDeps(db), staff, app.applicationId, { outcome: 'selected', rationale: 'ok' })).rejects.toMatchObject({ code: 'VERIFICATION_PENDING' });
    await verifyCriterion(testDeps(db), staff, app.applicationId, { criterionId: 'A1.2', outcome: 'verified', comment: '' });
    await verifyCriterion(testDeps(db), staff, app.applicationId, { criterionId: 'A2.3', outcome: 'not_verified', comment: 'Aucune convention' });
    await expect(decide(testDeps(db), staff, app.applicationId, { outcome: 'selected', rationale: 'ok' })).rejects.toMatchObject({ code: 'APPLICATION_INELIGIBLE' });
    // Rejecting needs no verification.
    await decide(testDeps(db), staff, app.applicationId, { outcome: 'rejected', rationale: 'Relations avec le SPE non avérées' });
  });
});

describe('publication', () => {
  it('needs a closed call, creates the essaimés with their referent in the same transaction, notifies everyone once', async () => {
    const callId = await openCallWith(3, 2);
    const selected = await readyApplication(callId, 0);
    const waitlisted = await readyApplication(callId, 1);
    const rejected = await readyApplication(callId, 2);
    await decide(testDeps(db), staff, selected.applicationId, { outcome: 'selected', rationale: 'Consortium solide' });
    await decide(testDeps(db), staff, waitlisted.applicationId, { outcome: 'waitlisted', rationale: 'En attente' });
    await decide(testDeps(db), staff, rejected.applicationId, { outcome: 'rejected', rationale: 'Pas de prescripteur engagé' });

    await expect(publishDecisions(testDeps(db), staff, callId)).rejects.toMatchObject({ code: 'CALL_STILL_OPEN' });
    await closeCall(testDeps(db), staff, callId);
    const report = await publishDecisions(testDeps(db), staff, callId);
    expect(report.published).toEqual({ selected: 1, waitlisted: 1, rejected: 1 });
    expect(report.failures).toEqual([]);
    expect(report.essaimeIds).toHaveLength(1);
    expect(report).toMatchObject({ selectedCount: 1, belowMinimum: true, capacity: { min: 2, max: 3 } });

    const { essaime, participants } = await getEssaimeWithParticipants(db, report.essaimeIds[0]!);
    expect(essaime).toMatchObject({ seasonId, callId, applicationId: selected.applicationId, referentUserId: selected.applicant.userId, structureName: 'Structure 0', activeParticipantCount: 2 });
    // The essaimé's participants are the people the selected application named.
    expect(participants.map((p) => p.email).sort()).toEqual((selected.people ?? []).map((p) => p.email).sort());
    expect(participants).toHaveLength(2);
    const user = await loadUser(db, selected.applicant.userId);
    expect(user.memberships).toEqual([expect.objectContaining({ structureId: essaime!.structureId, relation: 'referent', structureName: 'Structure 0' })]);
    expect((await loadUser(db, waitlisted.applicant.userId)).memberships).toEqual([]);

    const inbox = await listOutboxFor(db, selected.applicant.userId, { limit: 10 });
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]!.subject).toMatch(/est retenue/);
    expect((await listOutboxFor(db, rejected.applicant.userId, { limit: 10 })).items[0]!.body).toContain('Pas de prescripteur engagé');

    // Running it again publishes nothing more.
    const again = await publishDecisions(testDeps(db), staff, callId);
    expect(again.published).toEqual({ selected: 0, waitlisted: 0, rejected: 0 });
    expect((await listOutboxFor(db, selected.applicant.userId, { limit: 10 })).items).toHaveLength(1);

    // A published decision is final, except a waitlisted one, promoted when a place is free.
    await expect(decide(testDeps(db), staff, rejected.applicationId, { outcome: 'selected', rationale: 'x' })).rejects.toMatchObject({ code: 'DECISION_PUBLISHED' });
    await decide(testDeps(db), staff, waitlisted.applicationId, { outcome: 'selected', rationale: 'Place libérée' });
    const promoted = await publishDecisions(testDeps(db), staff, callId);
    expect(promoted.published.selected).toBe(1);
    expect((await listOutboxFor(db, waitlisted.applicant.userId, { limit: 10 })).items.map((m) => m.kind).sort()).toEqual(['application.selected', 'application.waitlisted']);
    const view = await readApplication(testDeps(db), waitlisted.applicant, waitlisted.applicationId);
    expect(view).toMatchObject({ status: 'selected', decision: { outcome: 'selected' } });

    const callAudit = await listAuditForEntity(db, 'call', callId, { limit: 20 });
    expect(callAudit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['call.created', 'call.criteria-version-created', 'call.opened', 'call.closed', 'call.decisions-published']),
    );
    const essaimeAudit = await listAuditForEntity(db, 'essaime', report.essaimeIds[0]!, { limit: 5 });
    expect(essaimeAudit.items.map((e) => e.action)).toEqual(['essaime.created']);
  });
});
