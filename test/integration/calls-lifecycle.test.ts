import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/access/principal';
import { decide } from '../../shared/applications/decisions';
import { listApplicationsOfCall } from '../../shared/applications/repository';
import { addNote, assignReviewer, recuse, returnForCorrection, scoreApplication, verifyCriterion } from '../../shared/applications/review';
import type { ListApplicationsQuery } from '../../shared/applications/schemas';
import { createApplication, submitApplication, updateApplication, withdrawApplication } from '../../shared/applications/use-cases';
import { defaultCriteriaFor } from '../../shared/calls/defaults';
import { closeCall, createCall, createCriteriaVersion, openCall, replaceCriteria, updateCall } from '../../shared/calls/use-cases';
import { listAuditForEntity } from '../../shared/db/audit';
import type { Db } from '../../shared/db/client';
import { commit } from '../../shared/db/transact';
import { putProfileWrite } from '../../shared/identity/repository';
import type { Deps } from '../../shared/runtime';
import { createSeason } from '../../shared/seasons/use-cases';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { demoStructures } from '../../scripts/seed/demo-catalogue';
import { createTestDb, snapshotTable, testDeps } from '../support/db';

const claire: Principal = { userId: 'staff-claire', role: 'staff', structureIds: [] };
const thomas: Principal = { userId: 'staff-thomas', role: 'staff', structureIds: [] };
const OPENS = '2020-03-01T08:00:00.000Z';
const CLOSES = '2020-07-01T22:00:00.000Z';
let db: Db;
let seasonId: string;
/** A controllable clock that ticks 1 ms per reading, so that audit entries keep their order. */
let clock = new Date('2020-02-01T10:00:00Z');
const deps = (): Deps =>
  testDeps(db, () => {
    clock = new Date(clock.getTime() + 1);
    return clock;
  });

beforeAll(async () => {
  db = await createTestDb();
  for (const p of [claire, thomas]) {
    await commit(db, p, [putProfileWrite(db, { userId: p.userId, role: 'staff', displayName: p.userId, email: `${p.userId}@ansa.example`, organisation: 'Ansa' })], [], clock);
  }
  seasonId = (await createSeason(deps(), claire, { name: 'Saison 2020', year: 2020, startDate: '2020-09-01', endDate: '2022-03-31' })).seasonId;
});
afterAll(() => db.doc.destroy());

async function newCall(title: string) {
  clock = new Date('2020-02-01T10:00:00Z');
  return createCall(deps(), claire, { seasonId, title, description: 'Appel', hypotheses: ['A', 'B'], opensAt: OPENS, closesAt: CLOSES });
}

describe('criteria versions', () => {
  it('edits criteria in a draft, freezes them on opening, versions them afterwards; submitted applications keep their version', async () => {
    const call = await newCall('Versions');
    const edited = defaultCriteriaFor(['A', 'B']).map((c) => (c.criterionId === 'A1.3' && c.kind === 'number' ? { ...c, min: 3 } : c));
    const v1 = await replaceCriteria(deps(), claire, call.callId, { expectedVersion: 1, criteria: edited });
    expect(v1.criteriaVersion).toBe(1);
    expect(v1.criteria.find((c) => c.criterionId === 'A1.3')).toMatchObject({ min: 3 });

    clock = new Date('2020-03-02T10:00:00Z');
    const opened = await openCall(deps(), claire, call.callId);
    const before = await snapshotTable(db);
    await expect(replaceCriteria(deps(), claire, call.callId, { expectedVersion: opened.version, criteria: defaultCriteriaFor(['A', 'B']) })).rejects.toMatchObject({ code: 'CRITERIA_FROZEN' });
    await expect(updateCall(deps(), claire, call.callId, { expectedVersion: opened.version, rubric: [{ itemId: 'only', label: 'Un seul critère', description: '', weight: 1 }] })).rejects.toMatchObject({ code: 'CALL_FROZEN' });
    expect(await snapshotTable(db)).toEqual(before);

    const submitter: Principal = { userId: 'applicant-v1', role: 'referent', structureIds: [] };
    const drafter: Principal = { userId: 'applicant-draft', role: 'referent', structureIds: [] };
    // 4.5 FTE: eligible under version 1 (at least 3), not under version 2 (at least 5) — L'Envol's own sheet says 2.5.
    const fourAndAHalf = { answers: { 'A1.3': { kind: 'number' as const, value: 4.5 } } };
    const submitted = await createApplication(deps(), submitter, call.callId, demoApplicationInput('str_envol', '2020-03-01', fourAndAHalf));
    await submitApplication(deps(), submitter, submitted.applicationId);
    const draft = await createApplication(deps(), drafter, call.callId, demoApplicationInput('str_semes', '2020-03-01'));
    expect(draft.eligibility).toMatchObject({ status: 'eligible', criteriaVersion: 1 });

    const v2 = await createCriteriaVersion(deps(), claire, call.callId, {
      expectedVersion: opened.version,
      reason: 'Seuil relevé à 5 ETP par le comité de pilotage',
      criteria: defaultCriteriaFor(['A', 'B']).map((c) => (c.criterionId === 'A1.3' && c.kind === 'number' ? { ...c, min: 5 } : c)),
    });
    expect(v2.criteriaVersion).toBe(2);
    // The draft moves to version 2 at its next save (4.5 FTE now below 5); the submitted one keeps version 1.
    const saved = await updateApplication(deps(), drafter, draft.applicationId, { expectedVersion: draft.version, needs: [{ axis: 'loyalty', priority: 1, description: '' }] });
    expect(saved.eligibility).toMatchObject({ status: 'ineligible', criteriaVersion: 2 });
    await expect(submitApplication(deps(), drafter, draft.applicationId)).rejects.toMatchObject({ code: 'APPLICATION_INELIGIBLE' });
    const list = await listApplicationsOfCall(db, call.callId, { limit: 10, status: 'submitted' });
    expect(list.items.map((a) => [a.applicationId, a.criteriaVersion, a.eligibility.status])).toEqual([[submitted.applicationId, 1, 'eligible']]);
  });
});

describe('the application window', () => {
  it('refuses a submission after the closing date (CALL_CLOSED) and writes nothing, but takes an answer to a correction in time', async () => {
    const call = await newCall('Fenêtre');
    clock = new Date('2020-03-02T10:00:00Z');
    await openCall(deps(), claire, call.callId);
    const late: Principal = { userId: 'applicant-late', role: 'referent', structureIds: [] };
    const corrected: Principal = { userId: 'applicant-corrected', role: 'referent', structureIds: [] };
    const lateApp = await createApplication(deps(), late, call.callId, demoApplicationInput('str_envol', '2020-03-01'));
    const fixApp = await createApplication(deps(), corrected, call.callId, demoApplicationInput('str_semes', '2020-03-01'));
    await submitApplication(deps(), corrected, fixApp.applicationId);

    clock = new Date('2020-06-25T10:00:00Z');
    await returnForCorrection(deps(), claire, fixApp.applicationId, { message: 'Merci de joindre le calendrier signé.', respondBy: '2020-07-10T22:00:00.000Z' });

    clock = new Date(CLOSES); // the closing instant itself is too late
    const before = await snapshotTable(db);
    await expect(submitApplication(deps(), late, lateApp.applicationId)).rejects.toMatchObject({ code: 'CALL_CLOSED', status: 409 });
    await expect(createApplication(deps(), { userId: 'applicant-new', role: 'referent', structureIds: [] }, call.callId, demoApplicationInput('str_acteure', '2020-03-01'))).rejects.toMatchObject({ code: 'CALL_CLOSED' });
    expect(await snapshotTable(db)).toEqual(before);

    clock = new Date('2020-07-05T10:00:00Z');
    const resubmitted = await submitApplication(deps(), corrected, fixApp.applicationId);
    expect(resubmitted.status).toBe('submitted');

    clock = new Date('2020-07-11T10:00:00Z');
    await closeCall(deps(), claire, call.callId);
    await expect(submitApplication(deps(), late, lateApp.applicationId)).rejects.toMatchObject({ code: 'CALL_CLOSED' });
  });
});

describe('ranked list of a call', () => {
  it('ranks by score through the index, filters, and paginates without gaps or repeats', async () => {
    const call = await newCall('Classement');
    clock = new Date('2020-03-02T10:00:00Z');
    await openCall(deps(), claire, call.callId);
    const structures = demoStructures.slice(0, 8);
    const ids: string[] = [];
    for (const [i, s] of structures.entries()) {
      const applicant: Principal = { userId: `ranked-${i}`, role: 'referent', structureIds: [] };
      const app = await createApplication(deps(), applicant, call.callId, demoApplicationInput(s.structureId, '2020-03-01'));
      ids.push(app.applicationId);
      if (i === 7) continue; // stays a draft
      await submitApplication(deps(), applicant, app.applicationId);
      if (i === 6) continue; // submitted, never scored
      await assignReviewer(deps(), claire, app.applicationId, claire.userId);
      const n = i % 6; // scores 0..5 → 0, 20, 40, 60, 80, 100
      await scoreApplication(deps(), claire, app.applicationId, {
        scores: { consortium: n, 'company-strategy': n, 'team-capacity': n, 'territorial-need': n, adhesion: n },
        comment: '',
      });
    }
    const all = await listApplicationsOfCall(db, call.callId, { limit: 100 });
    expect(all.items.map((a) => a.score)).toEqual([100, 80, 60, 40, 20, 0, null, null]);
    expect(all.nextCursor).toBeNull();

    // Pages of 3 cover the list exactly once, in order.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listApplicationsOfCall(db, call.callId, { limit: 3, cursor });
      seen.push(...page.items.map((a) => a.applicationId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((a) => a.applicationId));

    const q = (query: Partial<ListApplicationsQuery>) => listApplicationsOfCall(db, call.callId, { limit: 100, ...query });
    expect((await q({ status: 'under_review' })).items.map((a) => a.score)).toEqual([100, 80, 60, 40, 20, 0]);
    expect((await q({ status: 'draft' })).items.map((a) => a.applicationId)).toEqual([ids[7]]);
    expect((await q({ minScore: 60 })).items.map((a) => a.score)).toEqual([100, 80, 60]);
    expect((await q({ status: 'under_review', minScore: 40.1 })).items.map((a) => a.score)).toEqual([100, 80, 60]);
    const region = structures[0]!.territory.region;
    const inRegion = (await q({ region })).items;
    expect(inRegion.length).toBe(structures.filter((s) => s.territory.region === region).length);
    expect(inRegion.every((a) => a.territory?.region === region)).toBe(true);
    expect((await q({ departementCode: '44' })).items.map((a) => a.structure.name).sort()).toEqual(['Erdre et Loire Initiatives', 'SEMES']);
    expect((await q({ setting: 'urban' })).items.map((a) => a.structure.name)).toEqual(['Passerelle']);
    expect((await q({ hypothesis: 'B' })).items).toEqual([]);
    expect((await q({ eligibility: 'eligible' })).items).toHaveLength(8);

    // Filtered pages are filled and chained too.
    const rural = structures.filter((s) => s.territory.setting === 'rural').length;
    const first = await listApplicationsOfCall(db, call.callId, { limit: 2, setting: 'rural' });
    expect(first.items).toHaveLength(2);
    const rest = await listApplicationsOfCall(db, call.callId, { limit: 100, setting: 'rural', cursor: first.nextCursor ?? undefined });
    expect(first.items.length + rest.items.length).toBe(rural);

    const otherList = await listApplicationsOfCall(db, call.callId, { limit: 1, status: 'under_review' });
    await expect(listApplicationsOfCall(db, call.callId, { limit: 1, cursor: otherList.nextCursor ?? undefined })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });
});

describe('audit', () => {
  it('records every state change of an application, by whom', async () => {
    const call = await newCall('Audit');
    clock = new Date('2020-03-02T10:00:00Z');
    await openCall(deps(), claire, call.callId);
    const applicant: Principal = { userId: 'applicant-audit', role: 'referent', structureIds: [] };
    const app = await createApplication(deps(), applicant, call.callId, demoApplicationInput('str_envol', '2020-03-01'));
    await updateApplication(deps(), applicant, app.applicationId, { expectedVersion: 1, needs: [{ axis: 'prospecting', priority: 1, description: '' }] });
    await submitApplication(deps(), applicant, app.applicationId);
    await assignReviewer(deps(), claire, app.applicationId, thomas.userId);
    await assignReviewer(deps(), claire, app.applicationId, claire.userId);
    await recuse(deps(), claire, app.applicationId, 'Conflit d’intérêts');
    await expect(assignReviewer(deps(), thomas, app.applicationId, claire.userId)).rejects.toMatchObject({ code: 'REVIEWER_RECUSED' });
    await expect(decide(deps(), claire, app.applicationId, { outcome: 'rejected', rationale: 'x' })).rejects.toMatchObject({ code: 'RECUSED_FROM_APPLICATION' });
    await scoreApplication(deps(), thomas, app.applicationId, { scores: { consortium: 4, 'company-strategy': 4, 'team-capacity': 4, 'territorial-need': 4, adhesion: 4 }, comment: 'Bien' });
    await addNote(deps(), thomas, app.applicationId, 'Appeler le département');
    await verifyCriterion(deps(), thomas, app.applicationId, { criterionId: 'A1.2', outcome: 'verified', comment: '' });
    await returnForCorrection(deps(), thomas, app.applicationId, { message: 'Préciser les relations avec le SPE' });
    const draft = await updateApplication(deps(), applicant, app.applicationId, { expectedVersion: 9, answers: { 'A2.3': { kind: 'yes_no', value: true } } });
    expect(draft.version).toBe(10);
    await submitApplication(deps(), applicant, app.applicationId);
    await verifyCriterion(deps(), thomas, app.applicationId, { criterionId: 'A2.3', outcome: 'verified', comment: '' });
    await decide(deps(), thomas, app.applicationId, { outcome: 'waitlisted', rationale: 'En attente' });
    await withdrawApplication(deps(), applicant, app.applicationId);

    const audit = await listAuditForEntity(db, 'application', app.applicationId, { limit: 50 });
    const trail = audit.items.map((e) => `${e.action} by ${e.actorId}`).reverse();
    expect(trail).toEqual([
      'application.created by applicant-audit',
      'application.updated by applicant-audit',
      'application.submitted by applicant-audit',
      'application.reviewer-assigned by staff-claire',
      'application.reviewer-assigned by staff-claire',
      'application.reviewer-recused by staff-claire',
      'application.scored by staff-thomas',
      'application.note-added by staff-thomas',
      'application.criterion-verified by staff-thomas',
      'application.returned-for-correction by staff-thomas',
      'application.updated by applicant-audit',
      'application.submitted by applicant-audit',
      'application.criterion-verified by staff-thomas',
      'application.decided by staff-thomas',
      'application.withdrawn by applicant-audit',
    ]);
  });
});
