import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { principles } from '../../shared/programme/axes';
import { routeKey } from '../../shared/http/route';
import { allCallers, callers, type Caller, MatrixIds, type Outcome, signedIn } from '../support/access-matrix';
import { snapshotTable } from '../support/db';
import { startTestApi, type TestApi } from '../support/api';

/**
 * Every route × every caller, on the demo data: who gets an answer and who is refused. One row per route of
 * functions/routes.ts (a route without its row fails the first test, so none ships unchecked). A cell is
 * 'ok' (2xx; for a write, also a 400/409/422 that comes after the access check, e.g. a stale version) or
 * 'denied' (401, 403 or 404). Denied calls run first, with a snapshot of the whole table around them: a
 * refused caller never writes. Special rows follow: a released tutor, a recused reviewer, self-exports.
 */

type Body = (ids: MatrixIds) => unknown;
interface Row {
  ok: readonly Caller[];
  /** A body valid enough to reach the ownership checks (writes where a non-staff caller is admitted). */
  body?: Body;
  /** A list narrowed to what the caller may see: an empty list is a refusal too. */
  narrowed?: boolean;
  /** A query string the route needs to answer at all (a required filter). */
  query?: string;
  /** A read that refuses with this code once the caller is admitted (the record is not in the state it needs): counts as ok. */
  refusalAfterAccess?: string;
}

const everyone = allCallers;
const all = signedIn;
const staff = ['staff'] as const;
const passerelle = ['staff', 'assignedTutor', 'referent'] as const;
const inCohort = signedIn.filter((c) => c !== 'applicant');

const participant = { name: 'Camille Test', role: 'Chargée de relation entreprises', email: 'camille.test@passerelle.example' };
const signedOn = '2020-01-15';

const matrix: Record<string, Row> = {
  'GET /health': { ok: everyone },
  'GET /openapi.json': { ok: everyone },
  'GET /audit/{entityType}/{entityId}': { ok: staff },
  'GET /outbox': { ok: all },
  'POST /jobs/{jobName}/run': { ok: staff },
  'GET /me': { ok: all },
  // Accounts: staff manage users ({userId} is Nadia: a role change to her own role is refused after the access
  // check; she is deactivated then reactivated among the last writes); her structure's delegate is hers to name.
  'GET /users': { ok: staff, query: '?role=tutor' },
  'POST /users/invitations': { ok: staff, body: () => ({ email: `invite-${Date.now()}@matrix.example`, displayName: 'Camille Invitée', role: 'tutor' }) },
  'PUT /users/{userId}/role': { ok: staff, body: () => ({ role: 'referent' }) },
  'POST /users/{userId}/deactivate': { ok: staff },
  'POST /users/{userId}/reactivate': { ok: staff },
  'POST /structures/{structureId}/delegates': { ok: ['referent'], body: () => ({ email: `delegate-${Date.now()}@matrix.example`, displayName: 'Camille Déléguée' }) },
  'GET /seasons': { ok: all },
  'POST /seasons': { ok: staff },
  'GET /seasons/{seasonId}': { ok: all },
  'PATCH /seasons/{seasonId}': { ok: staff },
  'GET /seasons/{seasonId}/essaimes': { ok: all },
  'GET /essaimes/{essaimeId}': { ok: passerelle },
  'POST /seasons/{seasonId}/cohort': { ok: staff },
  // The 2019 cohort: its essaimés' referents and the tutors; an applicant is in no cohort yet.
  'GET /seasons/{seasonId}/cohort': { ok: inCohort },
  'GET /cohorts': { ok: staff },
  'GET /cohorts/{cohortId}': { ok: inCohort },
  'PATCH /cohorts/{cohortId}/modules/{moduleId}': { ok: staff },
  'GET /cohorts/{cohortId}/sessions': { ok: inCohort },
  'POST /cohorts/{cohortId}/sessions': { ok: staff },
  'PATCH /cohorts/{cohortId}/sessions/{sessionId}': { ok: staff },
  'POST /cohorts/{cohortId}/sessions/{sessionId}/cancel': { ok: staff },
  'PUT /cohorts/{cohortId}/sessions/{sessionId}/attendance': { ok: staff },
  'GET /cohorts/{cohortId}/sessions/{sessionId}/attendance': { ok: staff },
  'GET /cohorts/{cohortId}/modules/{moduleId}/attendance': { ok: staff },
  'GET /cohorts/{cohortId}/progress': { ok: staff },
  'GET /essaimes/{essaimeId}/training': { ok: passerelle },
  'PUT /essaimes/{essaimeId}/training/deliverables/{moduleId}': {
    ok: ['referent'],
    body: () => ({ title: 'Plan d’action', content: 'Nous allons rencontrer vingt entreprises du bassin.' }),
  },
  'POST /essaimes/{essaimeId}/participants': { ok: ['staff', 'referent'], body: () => participant },
  'POST /essaimes/{essaimeId}/participants/{participantId}/replace': {
    ok: ['staff', 'referent'],
    body: () => ({ ...participant, email: 'dominique.test@passerelle.example', name: 'Dominique Test' }),
  },
  'POST /essaimes/{essaimeId}/participants/{participantId}/withdraw': { ok: ['staff', 'referent'], body: () => ({ reason: 'Départ de la structure' }) },
  // Documents: {attachmentId} is on L'Envol's draft (criterion A1.2); its applicant writes, staff read too.
  'POST /attachments': {
    ok: ['applicant'],
    body: async (ids) => ({ kind: 'application', applicationId: await ids.get('applicationId'), criterionId: 'A1.2', fileName: 'piece.pdf', contentType: 'application/pdf', size: 100, sha256: 'a'.repeat(64) }),
  },
  'POST /attachments/{attachmentId}/confirm': { ok: ['applicant'] },
  'GET /attachments': { ok: ['staff', 'applicant'], query: '?kind=application&applicationId={applicationId}' },
  'GET /attachments/{attachmentId}/download': { ok: ['staff', 'applicant'] },
  'DELETE /attachments/{attachmentId}': { ok: ['applicant'] },
  'GET /calls': { ok: all },
  'POST /calls': { ok: staff },
  'GET /calls/{callId}': { ok: all },
  'PATCH /calls/{callId}': { ok: staff },
  'PUT /calls/{callId}/criteria': { ok: staff },
  'GET /calls/{callId}/criteria-versions': { ok: all },
  'POST /calls/{callId}/criteria-versions': { ok: staff },
  'POST /calls/{callId}/open': { ok: staff },
  'POST /calls/{callId}/close': { ok: staff },
  'POST /calls/{callId}/eligibility-preview': { ok: ['staff', 'referent', 'otherReferent', 'applicant'], body: () => ({ hypothesis: 'A', answers: {} }) },
  'POST /calls/{callId}/publish-decisions': { ok: staff },
  'GET /calls/{callId}/applications': { ok: staff },
  'GET /calls/{callId}/applications/export': { ok: staff },
  // Applying for Passerelle: only its referent may (it is an essaimé already: refused after the access check).
  'POST /calls/{callId}/applications': { ok: ['referent'], body: () => ({ ...demoApplicationInput('str_passerelle', signedOn), structureId: 'str_passerelle' }) },
  'GET /me/applications': { ok: ['referent', 'otherReferent', 'applicant'] },
  // {applicationId} is L'Envol's draft, written by the applicant.
  'GET /applications/{applicationId}': { ok: ['staff', 'applicant'] },
  'PATCH /applications/{applicationId}': { ok: ['applicant'], body: () => ({ expectedVersion: 1, needs: [] }) },
  'GET /applications/{applicationId}/eligibility': { ok: ['staff', 'applicant'] },
  'POST /applications/{applicationId}/submit': { ok: ['applicant'] },
  'POST /applications/{applicationId}/withdraw': { ok: ['applicant'] },
  // L'Envol's draft has no receipt nor decision yet: admitted callers meet that refusal, after the access check.
  'GET /applications/{applicationId}/receipt.pdf': { ok: ['staff', 'applicant'], refusalAfterAccess: 'APPLICATION_NOT_SUBMITTED' },
  'GET /applications/{applicationId}/decision-letter.pdf': { ok: ['staff', 'applicant'], refusalAfterAccess: 'DECISION_NOT_PUBLISHED' },
  'POST /applications/{applicationId}/reviewers': { ok: staff },
  'POST /applications/{applicationId}/recusal': { ok: staff },
  'PUT /applications/{applicationId}/review': { ok: staff },
  'POST /applications/{applicationId}/notes': { ok: staff },
  'POST /applications/{applicationId}/verifications': { ok: staff },
  'POST /applications/{applicationId}/return-for-correction': { ok: staff },
  'POST /applications/{applicationId}/decision': { ok: staff },
  'GET /tutors': { ok: staff },
  'POST /tutors': { ok: staff },
  // {tutorUserId} is Michel.
  'GET /tutors/{tutorUserId}': { ok: ['staff', 'assignedTutor'] },
  'PATCH /tutors/{tutorUserId}': { ok: staff },
  'GET /tutors/{tutorUserId}/essaimes': { ok: ['staff', 'assignedTutor'] },
  'PUT /essaimes/{essaimeId}/needs': { ok: staff },
  'GET /seasons/{seasonId}/tutor-suggestions': { ok: staff },
  'POST /essaimes/{essaimeId}/tutor': { ok: staff },
  'DELETE /essaimes/{essaimeId}/tutor': { ok: staff },
  'GET /essaimes/{essaimeId}/tutor-assignments': { ok: staff },
  'GET /tutoring/essaimes/{essaimeId}': { ok: passerelle },
  'POST /tutoring/requests': {
    ok: ['referent'],
    body: async (ids) => ({ essaimeId: await ids.get('essaimeId'), subject: 'Prospection', axis: 'prospecting', text: 'Comment relancer une entreprise ?' }),
  },
  'GET /tutoring/requests': { ok: passerelle, query: '?structureId=str_passerelle', narrowed: true },
  'GET /tutoring/requests/{requestId}': { ok: passerelle },
  'GET /tutoring/requests/{requestId}/messages': { ok: passerelle },
  'POST /tutoring/requests/{requestId}/messages': { ok: ['assignedTutor', 'referent'], body: () => ({ text: 'Voici une piste.' }) },
  'POST /tutoring/requests/{requestId}/close': { ok: ['referent'], body: () => ({ rating: 4 }) },
  'POST /tutoring/requests/{requestId}/guide': {
    ok: ['assignedTutor'],
    body: () => ({ question: 'Comment relancer une entreprise ?', answer: 'Par un appel court, puis une visite sur place.' }),
  },
  'GET /tutoring/response-times': { ok: staff },
  'GET /tutoring/settings': { ok: all },
  'PUT /tutoring/settings': { ok: staff },
  'GET /seasons/{seasonId}/guide/entries': { ok: staff },
  'PATCH /guide/entries/{guideEntryId}': { ok: staff },
  'GET /seasons/{seasonId}/guide/export/{format}': { ok: staff },
  'POST /seasons/{seasonId}/stages': { ok: staff },
  'POST /seasons/{seasonId}/stages/defaults': { ok: staff },
  'GET /seasons/{seasonId}/stages': { ok: all },
  'GET /stages/{stageId}': { ok: all },
  'PATCH /stages/{stageId}': { ok: staff },
  'PUT /stages/{stageId}/template': { ok: staff },
  'GET /stages/{stageId}/template/versions/{templateVersion}': { ok: all },
  'GET /stages/{stageId}/completion': { ok: staff },
  'GET /stages/{stageId}/export.csv': { ok: staff },
  'GET /seasons/{seasonId}/reports': { ok: staff },
  'GET /essaimes/{essaimeId}/reports': { ok: passerelle },
  'GET /stages/{stageId}/reports/{essaimeId}': { ok: passerelle },
  'PUT /stages/{stageId}/reports/{essaimeId}': { ok: ['referent'], body: () => ({ expectedVersion: 0, indicators: {}, answers: {} }) },
  'POST /stages/{stageId}/reports/{essaimeId}/submit': { ok: ['referent'], body: () => ({ expectedVersion: 1 }) },
  'POST /stages/{stageId}/reports/{essaimeId}/accept': { ok: staff },
  'POST /stages/{stageId}/reports/{essaimeId}/request-changes': { ok: staff },
  'POST /stages/{stageId}/reports/{essaimeId}/reopen': { ok: staff },
  'POST /stages/{stageId}/reports/{essaimeId}/questionnaires': { ok: ['referent'], body: () => ({ respondentRole: 'director', answers: {} }) },
  'GET /stages/{stageId}/reports/{essaimeId}/questionnaires': { ok: passerelle },
  'GET /essaimes/{essaimeId}/final-report.pdf': { ok: passerelle },
  'GET /seasons/{seasonId}/final-report.pdf': { ok: staff },
  'GET /essaimes/{essaimeId}/dashboard': { ok: passerelle },
  'GET /seasons/{seasonId}/dashboard': { ok: staff },
  'PUT /essaimes/{essaimeId}/fidelity/{stageId}': {
    ok: ['staff', 'assignedTutor'],
    body: () => ({
      expectedVersion: 0,
      principles: principles.map((principle) => ({ principle, level: 'emerging', evidence: 'Observé lors de la visite de suivi.' })),
    }),
  },
  // Fidelity at any date by the assigned tutor; the label by the A.CO.R. lead (Isabelle), who sees every essaimé.
  'POST /essaimes/{essaimeId}/fidelity-assessments': {
    ok: ['assignedTutor'],
    body: () => ({ principles: principles.map((principle) => ({ principle, level: 'substantial', evidence: 'Observé lors d’un point entre deux étapes.' })) }),
  },
  'GET /essaimes/{essaimeId}/fidelity': { ok: [...passerelle, 'otherTutor'] },
  'POST /essaimes/{essaimeId}/label-decisions': { ok: ['otherTutor'], body: () => ({ decision: 'not-yet', reasons: ['Fidélité encore à consolider.'] }) },
  'PUT /tutors/{tutorUserId}/acor-lead': { ok: staff, body: () => ({ acorLead: false }) },
  'GET /programme/ramp-up': { ok: ['staff', 'otherTutor'] },
  'POST /stages/{stageId}/interviews': { ok: staff },
  'GET /stages/{stageId}/interviews': { ok: staff },
  'POST /stages/{stageId}/figures-import/preview': { ok: staff },
  'POST /stages/{stageId}/figures-import': { ok: staff },
  'POST /seasons/{seasonId}/steering-meetings': { ok: staff },
  'GET /seasons/{seasonId}/steering-meetings': { ok: ['staff', 'assignedTutor', 'otherTutor'] },
  'GET /seasons/{seasonId}/governance': { ok: staff },
  'PUT /essaimes/{essaimeId}/action-plans/{year}': {
    ok: ['staff', 'referent'],
    body: () => ({
      expectedVersion: 0,
      referents: {
        structure: { name: 'Nadia Benali', position: 'Directrice', organisation: 'Passerelle' },
        programme: { name: 'Claire Moreau', position: 'Responsable du programme', organisation: 'Ansa' },
      },
      actions: [{ objective: 'Rencontrer vingt entreprises', actions: 'Prospection hebdomadaire.', indicators: 'Entreprises rencontrées' }],
    }),
  },
  'GET /essaimes/{essaimeId}/action-plans': { ok: passerelle },
  'GET /privacy/essaimes/{essaimeId}/participants/{participantId}': { ok: staff },
  'POST /privacy/essaimes/{essaimeId}/participants/{participantId}/erasure': { ok: staff },
  // {userId} is Passerelle's referent: staff, and herself (the self-export).
  'GET /privacy/users/{userId}': { ok: ['staff', 'referent'] },
  'POST /privacy/users/{userId}/erasure': { ok: staff },
  // Threads: {threadId} is L'Envol's application (its applicant writes there before being a member); tutors never.
  'GET /me/threads': { ok: ['staff', 'referent', 'otherReferent', 'applicant'] },
  'GET /threads/{threadId}': { ok: ['staff', 'applicant'] },
  'GET /threads/{threadId}/messages': { ok: ['staff', 'applicant'] },
  'POST /threads/{threadId}/messages': { ok: ['staff', 'applicant'], body: () => ({ text: 'Bonjour, une question sur le dossier.' }) },
  'POST /threads/{threadId}/read': { ok: ['staff', 'applicant'] },
};

/** Writes run in this order at the end, the ones that change who is tied to what last. */
const lastWrites = ['POST /users/{userId}/deactivate', 'POST /users/{userId}/reactivate', 'DELETE /essaimes/{essaimeId}/tutor', 'DELETE /attachments/{attachmentId}'];

let api: TestApi;
let ids: MatrixIds;
beforeAll(async () => {
  api = await startTestApi();
  ids = new MatrixIds(api);
  await ids.get('attachmentId');
});
afterAll(() => api?.stop());

const specOf = (key: string) => routes.find((r) => routeKey(r.spec) === key)!.spec;

async function callAs(caller: Caller, method: string, path: string, body: unknown) {
  const user = callers[caller];
  return api.call(method, path, { ...(user ? { as: user } : {}), ...(body === undefined ? {} : { body }) });
}

function outcomeOf(status: number, method: string): Outcome | 'other' {
  if (status >= 200 && status < 300) return 'ok';
  if ([401, 403, 404].includes(status)) return 'denied';
  if (method !== 'GET' && [400, 409, 422].includes(status)) return 'ok';
  return 'other';
}

interface Cell {
  key: string;
  caller: Caller;
  expected: Outcome;
}

const cells: Cell[] = Object.entries(matrix).flatMap(([key, row]) =>
  allCallers.map((caller) => ({ key, caller, expected: row.ok.includes(caller) ? ('ok' as const) : ('denied' as const) })),
);

async function run(cell: Cell): Promise<string | undefined> {
  const spec = specOf(cell.key);
  const row = matrix[cell.key]!;
  const path = await ids.path(spec.path + (row.query ?? ''));
  // A body for every write, so that a caller admitted by role meets the ownership rule, not the schema.
  const body = spec.method === 'GET' ? undefined : spec.body ? ((await row.body?.(ids)) ?? {}) : undefined;
  const res = await callAs(cell.caller, spec.method, path, body);
  const emptyList = row.narrowed && res.status === 200 && Array.isArray(res.body?.items) && res.body.items.length === 0;
  const admittedThenRefused = row.refusalAfterAccess !== undefined && res.body?.error?.code === row.refusalAfterAccess;
  const got = emptyList ? 'denied' : admittedThenRefused ? 'ok' : outcomeOf(res.status, spec.method);
  if (cell.expected === 'denied' && got !== 'denied') return `${cell.key} as ${cell.caller}: expected denied, got ${res.status} ${res.text.slice(0, 160)}`;
  if (cell.expected === 'ok' && got !== 'ok') return `${cell.key} as ${cell.caller}: expected ok, got ${res.status} ${res.text.slice(0, 160)}`;
  return undefined;
}

describe('authorization matrix', () => {
  it('has exactly one row per route of functions/routes.ts', () => {
    const keys = routes.map((r) => routeKey(r.spec));
    expect(keys.filter((k) => !(k in matrix)), 'routes without a row: add them to the matrix').toEqual([]);
    expect(Object.keys(matrix).filter((k) => !keys.includes(k)), 'rows of no route').toEqual([]);
  });

  it('refuses every denied cell, and the refused calls write nothing', async () => {
    const before = await snapshotTable(api.product.deps.db);
    const failures: string[] = [];
    for (const cell of cells.filter((c) => c.expected === 'denied')) {
      const failure = await run(cell);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
    // Hundreds of calls: on a loaded machine they take longer than the default 30 s.
  }, 120_000);

  it('answers every ok cell: reads first, then writes', async () => {
    const ok = cells.filter((c) => c.expected === 'ok');
    const isRead = (c: Cell) => specOf(c.key).method === 'GET';
    const rank = (c: Cell) => (isRead(c) ? 0 : lastWrites.includes(c.key) ? 2 : 1);
    const failures: string[] = [];
    for (const cell of [...ok].sort((a, b) => rank(a) - rank(b))) {
      const failure = await run(cell);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
    // As above: hundreds of calls.
  }, 120_000);
});

/** Expects a refusal (401, 403 or 404) and returns a line to report otherwise. */
async function expectDenied(as: string, method: string, path: string, body?: unknown, alsoRefusal?: string): Promise<string | undefined> {
  const res = await api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
  if (alsoRefusal && res.body?.error?.code === alsoRefusal) return undefined;
  return [401, 403, 404].includes(res.status) ? undefined : `${method} ${path} as ${as}: expected denied, got ${res.status} ${res.text.slice(0, 160)}`;
}

describe('special rows', () => {
  it('a recused reviewer: no review, note, verification or decision, and nothing written; her view holds no scores', async () => {
    const appId = await ids.recusedApplicationId();
    // Thomas, the remaining reviewer, scores it, so that there are scores to hide from Claire.
    const scored = await api.call('PUT', `/applications/${appId}/review`, {
      as: 'demo-staff-thomas',
      body: { scores: { consortium: 3, 'company-strategy': 3, 'team-capacity': 3, 'territorial-need': 3, adhesion: 3 }, comment: 'Avis de Thomas.' },
    });
    expect(scored.status, scored.text).toBe(200);
    const recused = callers.staff;
    const before = await snapshotTable(api.product.deps.db);
    const failures = [
      await expectDenied(recused, 'PUT', `/applications/${appId}/review`, { scores: { consortium: 1 }, comment: '' }, 'REVIEWER_RECUSED'),
      await expectDenied(recused, 'POST', `/applications/${appId}/notes`, { text: 'Note' }),
      await expectDenied(recused, 'POST', `/applications/${appId}/verifications`, { criterionId: 'A1.2', outcome: 'verified', comment: 'Vu.' }),
      await expectDenied(recused, 'POST', `/applications/${appId}/return-for-correction`, { message: 'Merci de compléter le dossier.', respondBy: '2099-01-01T00:00:00.000Z' }),
      await expectDenied(recused, 'POST', `/applications/${appId}/decision`, { outcome: 'rejected', rationale: 'Dossier incomplet sur plusieurs points.' }),
    ].filter(Boolean);
    expect(failures).toEqual([]);
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
    const view = await api.call('GET', `/applications/${appId}`, { as: recused });
    expect(view.status).toBe(200);
    expect(view.body.reviewScores).toEqual({});
    expect(view.text).not.toContain('Avis de Thomas.');
  });

  it("a recused reviewer reads the application's audit trail without the other reviewer's scores", async () => {
    const appId = await ids.recusedApplicationId();
    const scored = await api.call('PUT', `/applications/${appId}/review`, {
      as: 'demo-staff-thomas',
      body: { scores: { consortium: 4, 'company-strategy': 4, 'team-capacity': 4, 'territorial-need': 4, adhesion: 4 }, comment: 'Second avis de Thomas.' },
    });
    expect(scored.status, scored.text).toBe(200);
    const scoredEntries = async (as: string) => {
      const res = await api.call('GET', `/audit/application/${appId}?limit=100`, { as });
      expect(res.status, res.text).toBe(200);
      return (res.body.items as { action: string; changes: Record<string, unknown> }[]).filter((e) => e.action === 'application.scored');
    };
    const recused = await scoredEntries(callers.staff);
    expect(recused.length).toBeGreaterThan(0);
    for (const entry of recused) expect(Object.keys(entry.changes)).not.toContain('scores');
    const reviewer = await scoredEntries('demo-staff-thomas');
    expect(reviewer.some((entry) => 'scores' in entry.changes)).toBe(true);
  });

  it('a released tutor no longer reaches the essaimé, and writes nothing trying', async () => {
    const essaimeId = await ids.get('essaimeId');
    const released = await api.call('DELETE', `/essaimes/${essaimeId}/tutor`, { as: callers.staff });
    // The ok cells already released him (DELETE as staff); run alone, this test does it here.
    expect([200, 409]).toContain(released.status);
    const tutor = callers.assignedTutor;
    const stageId = await ids.get('stageId');
    const before = await snapshotTable(api.product.deps.db);
    const failures = [
      await expectDenied(tutor, 'GET', `/essaimes/${essaimeId}`),
      await expectDenied(tutor, 'GET', `/essaimes/${essaimeId}/training`),
      await expectDenied(tutor, 'GET', `/tutoring/essaimes/${essaimeId}`),
      await expectDenied(tutor, 'GET', `/essaimes/${essaimeId}/reports`),
      await expectDenied(tutor, 'GET', `/essaimes/${essaimeId}/fidelity`),
      await expectDenied(tutor, 'POST', `/essaimes/${essaimeId}/fidelity-assessments`, matrix['POST /essaimes/{essaimeId}/fidelity-assessments']!.body!(ids)),
      await expectDenied(tutor, 'PUT', `/essaimes/${essaimeId}/fidelity/${stageId}`, matrix['PUT /essaimes/{essaimeId}/fidelity/{stageId}']!.body!(ids)),
    ].filter(Boolean);
    expect(failures).toEqual([]);
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
  });

  it("a released tutor no longer reads or answers the essaimé's tutoring requests", async () => {
    const essaimeId = await ids.get('essaimeId');
    // Michel follows the essaimé again (the ok cells may have released him), gets a request, then is released.
    const assigned = await api.call('POST', `/essaimes/${essaimeId}/tutor`, { as: callers.staff, body: { tutorUserId: callers.assignedTutor, reason: 'Matrice' } });
    expect([200, 201, 409], assigned.text).toContain(assigned.status);
    const created = await api.call('POST', '/tutoring/requests', {
      as: callers.referent,
      body: { essaimeId, subject: 'Question avant la libération du tuteur', axis: 'prospecting', text: 'Comment relancer une entreprise partenaire ?' },
    });
    expect(created.status, created.text).toBe(201);
    const requestId = created.body.requestId as string;
    // Listed once while followed, so the list reads this essaimé alongside its next page (followed-now.ts).
    const listed = await api.call('GET', '/tutoring/requests?limit=100', { as: callers.assignedTutor });
    expect(listed.body.items.some((r: { essaimeId: string }) => r.essaimeId === essaimeId)).toBe(true);
    const released = await api.call('DELETE', `/essaimes/${essaimeId}/tutor`, { as: callers.staff });
    expect(released.status, released.text).toBe(200);
    const requests = await api.call('GET', '/tutoring/requests?limit=100', { as: callers.assignedTutor });
    expect(requests.status).toBe(200);
    expect(requests.body.items.filter((r: { essaimeId: string }) => r.essaimeId === essaimeId)).toEqual([]);
    const failures = [
      await expectDenied(callers.assignedTutor, 'GET', `/tutoring/requests/${requestId}`),
      await expectDenied(callers.assignedTutor, 'POST', `/tutoring/requests/${requestId}/messages`, { text: 'Réponse après libération.' }),
    ].filter(Boolean);
    expect(failures).toEqual([]);
  });

  it('self-export: each signed-in user gets their own data, and no one else gets another person’s', async () => {
    const failures: string[] = [];
    for (const caller of signedIn) {
      const self = callers[caller]!;
      const own = await api.call('GET', `/privacy/users/${self}`, { as: self });
      if (own.status !== 200) failures.push(`own export of ${self}: ${own.status} ${own.text.slice(0, 160)}`);
      if (caller === 'staff') continue;
      const someoneElse = caller === 'referent' ? callers.otherReferent : callers.referent;
      const failure = await expectDenied(self, 'GET', `/privacy/users/${someoneElse}`);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });

  it("self-export of an applicant holds none of staff's review of their application", async () => {
    const applicant = 'demo-applicant-sms-cambrai';
    const token = await api.product.auth.sign({ userId: applicant, role: 'referent' });
    const own = await api.call('GET', `/privacy/users/${applicant}`, { token });
    expect(own.status, own.text).toBe(200);
    // Thomas verified two criteria (demo seed) and scored it (the recused-reviewer row): the applicant may see a
    // criterion's outcome, never the comments, the scores or who reviewed.
    for (const staffOnly of ['Convention avec France Travail fournie.', 'Avis de Thomas.', 'demo-staff-thomas', 'reviewScores', 'reviewerUserIds', 'recusedUserIds']) {
      expect(own.text, staffOnly).not.toContain(staffOnly);
    }
  });
});
