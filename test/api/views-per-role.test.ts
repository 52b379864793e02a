import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { allItemTypes } from '../../shared/db/entities';
import { subjectViews } from '../../shared/read-models/personal-data/subject-views';
import { startTestApi, type TestApi } from '../support/api';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/**
 * Reads answer per role: a self-export holds none of staff's records, a recused reviewer reads the audit
 * trail without the reviews, and a tutor's access to requests follows the essaimé's current assignment.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const STAFF = 'demo-staff-claire';
const REVIEWER = 'demo-staff-thomas';
const APPLICANT = 'demo-applicant-envol';
const DAY = 86_400_000;

/** Field names of Review, StaffNote, the verifications' staff part and staff's decision and correction records. */
const STAFF_ONLY_FIELDS = [
  'reviewerUserId',
  'reviewerUserIds',
  'recusedUserIds',
  'reviewScores',
  'score',
  'scores',
  'weightedScore',
  'recusalReason',
  'assignedBy',
  'assignedAt',
  'noteId',
  'authorUserId',
  'comment',
  'by',
  'decidedBy',
  'requestedBy',
];
const STAFF_ONLY_TEXT = ['NOTE-PRIVEE', 'AVIS-EVALUATEUR', 'PIECES-VERIFIEES', 'RAISON-DEPORT', 'MOTIF-NON-PUBLIE', REVIEWER, STAFF];

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

describe('staff records stay out of the applicant’s export; a recused reviewer’s audit trail', () => {
  let appId: string;

  beforeAll(async () => {
    const seasons = await api.call('GET', '/seasons', { as: STAFF });
    const season2020 = seasons.body.items.find((s: { year: number }) => s.year === demoSeasons.call);
    const call = await api.call('POST', '/calls', {
      as: STAFF,
      body: { seasonId: season2020.seasonId, title: 'Appel vues', description: 'Vues par rôle', hypotheses: ['A', 'B'], opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString() },
    });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    expect((await api.call('POST', `/calls/${call.body.callId}/open`, { as: STAFF })).status).toBe(200);
    const signedOn = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    const created = await api.call('POST', `/calls/${call.body.callId}/applications`, { as: APPLICANT, body: demoApplicationInput('str_envol', signedOn) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    appId = created.body.applicationId;
    expect((await api.call('POST', `/applications/${appId}/submit`, { as: APPLICANT })).status).toBe(200);
    for (const reviewer of [STAFF, REVIEWER]) expect((await api.call('POST', `/applications/${appId}/reviewers`, { as: STAFF, body: { reviewerUserId: reviewer } })).status).toBe(200);
    expect((await api.call('POST', `/applications/${appId}/recusal`, { as: STAFF, body: { reason: 'RAISON-DEPORT ancienne salariée' } })).status).toBe(200);
    const scores = { consortium: 5, 'company-strategy': 4, 'team-capacity': 3, 'territorial-need': 4, adhesion: 4 };
    expect((await api.call('PUT', `/applications/${appId}/review`, { as: REVIEWER, body: { scores, comment: 'AVIS-EVALUATEUR solide' } })).status).toBe(200);
    expect((await api.call('POST', `/applications/${appId}/notes`, { as: REVIEWER, body: { text: 'NOTE-PRIVEE appeler le département' } })).status).toBe(201);
    for (const criterionId of ['A1.2', 'A2.3']) {
      const verified = await api.call('POST', `/applications/${appId}/verifications`, { as: REVIEWER, body: { criterionId, outcome: 'verified', comment: 'PIECES-VERIFIEES' } });
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    }
    const decided = await api.call('POST', `/applications/${appId}/decision`, { as: REVIEWER, body: { outcome: 'selected', rationale: 'MOTIF-NON-PUBLIE' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });

  it('the self-export holds the application as its applicant wrote it, and no field or text of staff’s records', async () => {
    const own = await api.call('GET', `/privacy/users/${APPLICANT}`, { as: APPLICANT });
    expect(own.status).toBe(200);
    const app = own.body.copies.find((c: { entityType: string; data: { applicationId?: string } }) => c.entityType === 'Application' && c.data.applicationId === appId);
    expect(app.data).toMatchObject({ status: 'under_review', decision: null, structure: { name: expect.any(String) } });
    expect(app.data.verifications['A1.2']).toEqual({ outcome: 'verified', at: expect.any(String) });
    const types = new Set(own.body.copies.map((c: { entityType: string }) => c.entityType));
    for (const type of ['Review', 'StaffNote', 'TutorAssignmentEvent']) expect(types.has(type)).toBe(false);
    const keys = keysOf(own.body);
    expect(STAFF_ONLY_FIELDS.filter((k) => keys.has(k))).toEqual([]);
    expect(STAFF_ONLY_TEXT.filter((t) => own.text.includes(t))).toEqual([]);
    // The applicant's own actions are theirs; staff's actions on the application are not listed.
    const actions = own.body.copies.filter((c: { entityType: string }) => c.entityType === 'AuditEntry').map((c: { data: { action: string } }) => c.data.action);
    expect(actions).toContain('application.submitted');
    expect(actions.filter((a: string) => /scored|note-added|decided|verified|recused|reviewer/.test(a))).toEqual([]);
  });

  it('staff exporting the applicant’s data get the same view (the export is handed to the person)', async () => {
    const own = await api.call('GET', `/privacy/users/${APPLICANT}`, { as: APPLICANT });
    const byStaff = await api.call('GET', `/privacy/users/${APPLICANT}`, { as: REVIEWER });
    expect(byStaff.status).toBe(200);
    expect({ ...byStaff.body, exportedAt: null }).toEqual({ ...own.body, exportedAt: null });
  });

  it('every item type of the registry has a decided view in the export', () => {
    expect(allItemTypes.map((t) => t.type).filter((type) => !(type in subjectViews))).toEqual([]);
    expect(subjectViews.Review).toEqual({ kind: 'excluded', why: 'staff-only' });
    expect(subjectViews.StaffNote).toEqual({ kind: 'excluded', why: 'staff-only' });
  });

  it('a recused staff member reads the audit trail without the reviewers’ scores; the reviewer reads them', async () => {
    const scoredBy = async (as: string) => {
      const res = await api.call('GET', `/audit/application/${appId}?limit=50`, { as });
      expect(res.status).toBe(200);
      return res.body.items.find((e: { action: string }) => e.action === 'application.scored');
    };
    const recused = await scoredBy(STAFF);
    expect(recused.changes).toEqual({ reviewerUserId: REVIEWER, hiddenFromRecused: ['scores', 'weightedScore', 'score'] });
    const reviewer = await scoredBy(REVIEWER);
    expect(reviewer.changes).toMatchObject({ reviewerUserId: REVIEWER, scores: { consortium: 5 }, weightedScore: 81.7, score: 81.7 });
  });
});

describe('a tutor’s access to requests follows the essaimé’s current assignment', () => {
  const referent = { as: 'demo-referent-passerelle' };
  const michel = { as: 'demo-tutor-michel' };
  const isabelle = { as: 'demo-tutor-isabelle' };
  let passerelleId: string;
  const ids: string[] = [];
  const ask = (subject: string) =>
    api.call('POST', '/tutoring/requests', { ...referent, body: { essaimeId: passerelleId, subject, axis: 'loyalty', text: 'Comment fidéliser ?', urgency: 'normal' } });
  const openIds = async (as: { as: string }) => ((await api.call('GET', '/tutoring/requests?state=open&limit=100', as)).body.items as { requestId: string }[]).map((r) => r.requestId);

  beforeAll(async () => {
    const seasons = await api.call('GET', '/seasons?limit=10', { as: STAFF });
    const seasonId = seasons.body.items.find((s: { year: number }) => s.year === demoSeasons.cohort).seasonId;
    const list = await api.call('GET', `/seasons/${seasonId}/essaimes?limit=100`, { as: STAFF });
    passerelleId = list.body.items.find((e: { structureId: string }) => e.structureId === 'str_passerelle').essaimeId;
    for (const subject of ['Avant réaffectation 1', 'Avant réaffectation 2']) {
      const res = await ask(subject);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.push(res.body.requestId);
    }
    expect((await api.call('POST', `/tutoring/requests/${ids[0]}/messages`, { ...michel, body: { text: 'Première réponse de Michel' } })).status).toBe(201);
  });

  it('on reassignment, the open requests move to the new tutor with their thread; the former tutor gets 404', async () => {
    const reassigned = await api.call('POST', `/essaimes/${passerelleId}/tutor`, { as: STAFF, body: { tutorUserId: 'demo-tutor-isabelle', reason: 'Changement' } });
    expect(reassigned.status, JSON.stringify(reassigned.body)).toBe(200);

    for (const id of ids) {
      expect((await api.call('GET', `/tutoring/requests/${id}`, michel)).status).toBe(404);
      expect((await api.call('GET', `/tutoring/requests/${id}/messages`, michel)).status).toBe(404);
      expect((await api.call('POST', `/tutoring/requests/${id}/messages`, { ...michel, body: { text: 'Encore moi' } })).status).toBe(404);
    }
    expect((await openIds(michel)).filter((id) => ids.includes(id))).toEqual([]);

    expect(await openIds(isabelle)).toEqual(expect.arrayContaining(ids));
    const read = await api.call('GET', `/tutoring/requests/${ids[0]}`, isabelle);
    expect(read.body).toMatchObject({ tutorUserId: 'demo-tutor-isabelle', status: 'answered' });
    const thread = await api.call('GET', `/tutoring/requests/${ids[0]}/messages`, isabelle);
    expect(thread.body.items.map((m: { text: string }) => m.text)).toEqual(['Première réponse de Michel']);
    const answer = await api.call('POST', `/tutoring/requests/${ids[1]}/messages`, { ...isabelle, body: { text: 'Réponse d’Isabelle' } });
    expect(answer.status).toBe(201);
    const audit = await api.call('GET', `/audit/tutoring-request/${ids[1]}`, { as: STAFF });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('tutoring-request.readdressed');
  });

  it('on release, the open requests are closed (threads kept, referent told) and the released tutor gets 404', async () => {
    expect((await api.call('DELETE', `/essaimes/${passerelleId}/tutor`, { as: STAFF })).status).toBe(200);
    for (const id of ids) {
      expect((await api.call('GET', `/tutoring/requests/${id}`, isabelle)).status).toBe(404);
      expect((await api.call('POST', `/tutoring/requests/${id}/messages`, { ...isabelle, body: { text: 'Après la fin' } })).status).toBe(404);
      const byReferent = await api.call('GET', `/tutoring/requests/${id}`, referent);
      expect(byReferent.body).toMatchObject({ status: 'closed', rating: null });
    }
    expect((await openIds(isabelle)).filter((id) => ids.includes(id))).toEqual([]);
    const thread = await api.call('GET', `/tutoring/requests/${ids[1]}/messages`, referent);
    expect(thread.body.items).toHaveLength(1);
    const outbox = await api.call('GET', '/outbox?limit=100', referent);
    expect(outbox.body.items.some((m: { kind: string }) => m.kind === 'tutoring.requests-closed')).toBe(true);
    expect((await ask('Sans tuteur')).body.error.code).toBe('NO_TUTOR_ASSIGNED');
  });

  it('the referent’s own export holds the requests they made and the thread', async () => {
    const own = await api.call('GET', '/privacy/users/demo-referent-passerelle', referent);
    expect(own.status).toBe(200);
    const requests = own.body.copies.filter((c: { entityType: string }) => c.entityType === 'TutoringRequest').map((c: { data: { requestId: string } }) => c.data.requestId);
    expect(requests).toEqual(expect.arrayContaining(ids));
  });
});
