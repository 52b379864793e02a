import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApplicationInput, eligibleAnswersA } from '../../scripts/seed/calls';
import { defaultCriteriaFor } from '../../shared/calls/defaults';
import { parseCsv } from '../../shared/documents/csv';
import { startTestApi, type TestApi } from '../support/api';
import { everyOutboxMessage, outboxFaults } from '../support/french-text';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/**
 * The whole path through HTTP with real JWTs: create call → open → apply → live eligibility → submit →
 * review with recusal and scores → verification → correction round trip → decision → publication →
 * essaimé with its referent membership, and the refusals along the way.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const STAFF = 'demo-staff-claire';
const REVIEWER = 'demo-staff-thomas';
const APPLICANT = 'demo-applicant-envol';
const OTHER_REFERENT = 'demo-referent-jura';
const DAY = 86_400_000;

describe('a call from creation to the essaimé', () => {
  const state: { callId?: string; appId?: string; otherAppId?: string; essaimeId?: string; structureId?: string } = {};
  const signedOn = new Date(Date.now() - DAY).toISOString().slice(0, 10);

  it('staff create a call for the 2020 season with the default criteria, still a draft (hidden from applicants)', async () => {
    const seasons = await api.call('GET', '/seasons', { as: STAFF });
    const season2020 = seasons.body.items.find((s: { year: number }) => s.year === demoSeasons.call);
    const res = await api.call('POST', '/calls', {
      as: STAFF,
      body: {
        seasonId: season2020.seasonId,
        title: 'Appel complémentaire 2020',
        description: 'Deuxième vague',
        hypotheses: ['A', 'B'],
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', criteriaVersion: 1, capacity: { min: 5, max: 10 }, selectedCount: 0, belowMinimum: true });
    expect(res.body.criteria.map((c: { criterionId: string }) => c.criterionId)).toEqual(defaultCriteriaFor(['A', 'B']).map((c) => c.criterionId));
    expect(res.body.rubric.map((r: { itemId: string }) => r.itemId)).toEqual(['consortium', 'company-strategy', 'team-capacity', 'territorial-need', 'adhesion']);
    state.callId = res.body.callId;
    expect((await api.call('GET', `/calls/${state.callId}`, { as: APPLICANT })).status).toBe(404);
    const early = await api.call('POST', `/calls/${state.callId}/applications`, { as: APPLICANT, body: { structure: { name: "L'Envol" } } });
    expect(early.status).toBe(404);
  });

  it('staff may edit the criteria of the draft, then open it; afterwards the criteria are frozen (409 CRITERIA_FROZEN)', async () => {
    const call = (await api.call('GET', `/calls/${state.callId}`, { as: STAFF })).body;
    const edit = await api.call('PUT', `/calls/${state.callId}/criteria`, { as: STAFF, body: { expectedVersion: call.version, criteria: defaultCriteriaFor(['A', 'B']) } });
    expect(edit.status).toBe(200);
    const opened = await api.call('POST', `/calls/${state.callId}/open`, { as: STAFF });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', acceptingApplications: true });
    const frozen = await api.call('PUT', `/calls/${state.callId}/criteria`, { as: STAFF, body: { expectedVersion: opened.body.version, criteria: defaultCriteriaFor(['A']) } });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe('CRITERIA_FROZEN');
    const versions = await api.call('GET', `/calls/${state.callId}/criteria-versions`, { as: APPLICANT });
    expect(versions.body.currentVersion).toBe(1);
  });

  it('the applicant sees live eligibility while filling: 1.9 FTE is unmet, and why', async () => {
    const preview = await api.call('POST', `/calls/${state.callId}/eligibility-preview`, {
      as: APPLICANT,
      body: { hypothesis: 'A', answers: eligibleAnswersA(signedOn, { 'A1.3': { kind: 'number', value: 1.9 } }) },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.status).toBe('ineligible');
    expect(preview.body.reasons).toEqual([{ criterionId: 'A1.3', code: 'BELOW_MINIMUM', reason: '1,9 ETP déclarés ; le minimum est de 2 ETP.' }]);

    const input = demoApplicationInput('str_envol', signedOn, { answers: eligibleAnswersA(signedOn, { 'A1.3': { kind: 'number', value: 1.9 } }) });
    const created = await api.call('POST', `/calls/${state.callId}/applications`, { as: APPLICANT, body: input });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', applicantUserId: APPLICANT, criteriaVersion: 1 });
    expect(created.body.structureId).toMatch(/^str_/);
    expect(created.body.eligibility.status).toBe('ineligible');
    const a13 = created.body.eligibility.results.find((r: { criterionId: string }) => r.criterionId === 'A1.3');
    expect(a13).toMatchObject({ status: 'unmet', code: 'BELOW_MINIMUM' });
    expect(created.body.eligibility.results.every((r: { criterionId: string }) => r.criterionId.startsWith('A'))).toBe(true);
    state.appId = created.body.applicationId;
    state.structureId = created.body.structureId;
    const live = await api.call('GET', `/applications/${state.appId}/eligibility`, { as: APPLICANT });
    expect(live.body.status).toBe('ineligible');
  });

  it('submission while ineligible is refused with 422 and every reason', async () => {
    const res = await api.call('POST', `/applications/${state.appId}/submit`, { as: APPLICANT });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('APPLICATION_INELIGIBLE');
    expect(res.body.error.details).toEqual([{ path: 'answers.A1.3', code: 'BELOW_MINIMUM', message: '1,9 ETP déclarés ; le minimum est de 2 ETP.' }]);
    expect((await api.call('GET', `/applications/${state.appId}`, { as: APPLICANT })).body.status).toBe('draft');
  });

  it('after the fix (2 FTE) the application is eligible and submitted', async () => {
    const current = (await api.call('GET', `/applications/${state.appId}`, { as: APPLICANT })).body;
    const stale = await api.call('PATCH', `/applications/${state.appId}`, { as: APPLICANT, body: { expectedVersion: current.version + 1, answers: { 'A1.3': { kind: 'number', value: 2 } } } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const fixed = await api.call('PATCH', `/applications/${state.appId}`, { as: APPLICANT, body: { expectedVersion: current.version, answers: { 'A1.3': { kind: 'number', value: 2 } } } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.eligibility.status).toBe('eligible');
    const submitted = await api.call('POST', `/applications/${state.appId}/submit`, { as: APPLICANT });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    expect((await api.call('PATCH', `/applications/${state.appId}`, { as: APPLICANT, body: { expectedVersion: submitted.body.version, needs: [] } })).body.error.code).toBe('APPLICATION_NOT_DRAFT');
  });

  it('review: two reviewers, one recuses (conflict of interest), the other scores on the weighted rubric', async () => {
    for (const reviewer of [STAFF, REVIEWER]) {
      const res = await api.call('POST', `/applications/${state.appId}/reviewers`, { as: STAFF, body: { reviewerUserId: reviewer } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const notStaff = await api.call('POST', `/applications/${state.appId}/reviewers`, { as: STAFF, body: { reviewerUserId: 'demo-tutor-michel' } });
    expect(notStaff.body.error.code).toBe('REVIEWER_NOT_STAFF');

    const recusal = await api.call('POST', `/applications/${state.appId}/recusal`, { as: STAFF, body: { reason: 'Ancienne salariée de la structure' } });
    expect(recusal.status).toBe(200);
    expect(recusal.body.reviewerUserIds).toEqual([REVIEWER]);
    const scoreByRecused = await api.call('PUT', `/applications/${state.appId}/review`, {
      as: STAFF,
      body: { scores: { consortium: 5, 'company-strategy': 5, 'team-capacity': 5, 'territorial-need': 5, adhesion: 5 } },
    });
    expect(scoreByRecused.status).toBe(409);
    expect(scoreByRecused.body.error.code).toBe('REVIEWER_RECUSED');

    const incomplete = await api.call('PUT', `/applications/${state.appId}/review`, { as: REVIEWER, body: { scores: { consortium: 4 } } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.code).toBe('RUBRIC_MISMATCH');
    const scored = await api.call('PUT', `/applications/${state.appId}/review`, {
      as: REVIEWER,
      body: { scores: { consortium: 5, 'company-strategy': 4, 'team-capacity': 3, 'territorial-need': 4, adhesion: 4 }, comment: 'Consortium solide' },
    });
    expect(scored.status).toBe(200);
    // (3×5 + 3×4 + 2×3 + 2×4 + 2×4) / 60 = 49 / 60 = 81.7
    expect(scored.body.score).toBe(81.7);

    const note = await api.call('POST', `/applications/${state.appId}/notes`, { as: REVIEWER, body: { text: 'NOTE-PRIVEE : appeler le département avant décision' } });
    expect(note.status).toBe(201);

    const asReviewer = await api.call('GET', `/applications/${state.appId}`, { as: REVIEWER });
    expect(asReviewer.body).toMatchObject({ status: 'under_review', score: 81.7, recusedByYou: false });
    expect(asReviewer.body.reviews.find((r: { reviewerUserId: string }) => r.reviewerUserId === REVIEWER)).toMatchObject({ status: 'scored', weightedScore: 81.7 });
    expect(asReviewer.body.notes).toHaveLength(1);
    const asRecused = await api.call('GET', `/applications/${state.appId}`, { as: STAFF });
    expect(asRecused.body).toMatchObject({ recusedByYou: true, reviews: [], notes: [], reviewScores: {} });
    const asApplicant = await api.call('GET', `/applications/${state.appId}`, { as: APPLICANT });
    expect(asApplicant.text).not.toContain('NOTE-PRIVEE');
    expect(asApplicant.body.score).toBeUndefined();
    expect(asApplicant.body.reviewerUserIds).toBeUndefined();
  });

  it('staff verify the criteria that need evidence', async () => {
    const notVerifiable = await api.call('POST', `/applications/${state.appId}/verifications`, { as: REVIEWER, body: { criterionId: 'A1.3', outcome: 'verified' } });
    expect(notVerifiable.body.error.code).toBe('CRITERION_NOT_VERIFIABLE');
    for (const criterionId of ['A1.2', 'A2.3']) {
      const res = await api.call('POST', `/applications/${state.appId}/verifications`, { as: REVIEWER, body: { criterionId, outcome: 'verified', comment: 'Pièces examinées' } });
      expect(res.status).toBe(200);
    }
    const app = (await api.call('GET', `/applications/${state.appId}`, { as: REVIEWER })).body;
    expect(app.eligibility.results.filter((r: { requiresEvidence: boolean }) => r.requiresEvidence).map((r: { verification: string }) => r.verification)).toEqual(['verified', 'verified']);
  });

  it('correction round trip: sent back with a message (outbox), edited and resubmitted by the applicant', async () => {
    const back = await api.call('POST', `/applications/${state.appId}/return-for-correction`, { as: REVIEWER, body: { message: 'Merci de préciser les trois personnes à former.' } });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'draft', correction: { round: 1, message: 'Merci de préciser les trois personnes à former.' } });
    const inbox = await api.call('GET', '/outbox', { as: APPLICANT });
    const message = inbox.body.items.find((m: { kind: string }) => m.kind === 'application.correction-requested');
    expect(message.subject).toMatch(/à compléter/);
    expect(message.body).toContain('Merci de préciser les trois personnes à former.');

    const draft = (await api.call('GET', `/applications/${state.appId}`, { as: APPLICANT })).body;
    expect(draft).toMatchObject({ status: 'draft', correction: { round: 1 } });
    const people = [...draft.people, { name: 'Inès Roche', role: 'Directrice adjointe', email: 'ines.roche@envol.example' }];
    expect((await api.call('PATCH', `/applications/${state.appId}`, { as: APPLICANT, body: { expectedVersion: draft.version, people } })).status).toBe(200);
    const again = await api.call('POST', `/applications/${state.appId}/submit`, { as: APPLICANT });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'under_review', correctionRounds: 1, correction: null });
  });

  it('after closing, a submission is refused with 409 CALL_CLOSED', async () => {
    const other = await api.call('POST', `/calls/${state.callId}/applications`, { as: OTHER_REFERENT, body: demoApplicationInput('str_jura-service', signedOn) });
    expect(other.status).toBe(201);
    state.otherAppId = other.body.applicationId;
    const closed = await api.call('POST', `/calls/${state.callId}/close`, { as: STAFF });
    expect(closed.body).toMatchObject({ status: 'closed', acceptingApplications: false });
    const late = await api.call('POST', `/applications/${state.otherAppId}/submit`, { as: OTHER_REFERENT });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CALL_CLOSED');
  });

  it('only staff decide; the applicant sees nothing before publication', async () => {
    const byReferent = await api.call('POST', `/applications/${state.appId}/decision`, { as: APPLICANT, body: { outcome: 'selected', rationale: 'moi' } });
    expect(byReferent.status, JSON.stringify(byReferent.body)).toBe(403);
    const byTutor = await api.call('POST', `/applications/${state.appId}/decision`, { as: 'demo-tutor-michel', body: { outcome: 'selected', rationale: 'moi' } });
    expect(byTutor.status).toBe(403);
    const byRecused = await api.call('POST', `/applications/${state.appId}/decision`, { as: STAFF, body: { outcome: 'selected', rationale: 'Très bon dossier' } });
    expect(byRecused.status).toBe(403);
    expect(byRecused.body.error.code).toBe('RECUSED_FROM_APPLICATION');
    const decided = await api.call('POST', `/applications/${state.appId}/decision`, { as: REVIEWER, body: { outcome: 'selected', rationale: 'Consortium solide et équipe motivée' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.status).toBe('selected');
    const seen = await api.call('GET', `/applications/${state.appId}`, { as: APPLICANT });
    expect(seen.body).toMatchObject({ status: 'under_review', decision: null });
    expect((await api.call('GET', '/me', { as: APPLICANT })).body.structureIds).toEqual([]);
  });

  it('publication notifies in French and creates the essaimé; the applicant becomes its referent (GET /me)', async () => {
    const published = await api.call('POST', `/calls/${state.callId}/publish-decisions`, { as: STAFF });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ published: { selected: 1, waitlisted: 0, rejected: 0 }, failures: [], selectedCount: 1, belowMinimum: true });
    state.essaimeId = published.body.essaimeIds[0];

    const me = await api.call('GET', '/me', { as: APPLICANT });
    expect(me.body.structureIds).toEqual([state.structureId]);
    expect(me.body.memberships).toEqual([expect.objectContaining({ structureId: state.structureId, structureName: "L'Envol", relation: 'referent' })]);

    const essaime = await api.call('GET', `/essaimes/${state.essaimeId}`, { as: APPLICANT });
    expect(essaime.status).toBe(200);
    expect(essaime.body).toMatchObject({ structureId: state.structureId, referentUserId: APPLICANT, callId: state.callId, applicationId: state.appId, hypothesis: 'A', activeParticipantCount: 3 });
    expect(essaime.body.participants.map((p: { name: string }) => p.name).sort()).toEqual(['Claire Boudier', 'Inès Roche', 'Ludivine Charrier']);

    const app = await api.call('GET', `/applications/${state.appId}`, { as: APPLICANT });
    expect(app.body).toMatchObject({ status: 'selected', decision: { outcome: 'selected', rationale: 'Consortium solide et équipe motivée' }, essaimeId: state.essaimeId });
    const inbox = await api.call('GET', '/outbox', { as: APPLICANT });
    const message = inbox.body.items.find((m: { kind: string }) => m.kind === 'application.selected');
    expect(message.subject).toBe("Votre candidature à l'appel «\u00a0Appel complémentaire 2020\u00a0» est retenue");
    expect(message.body).toContain('formation-action de cinq mois');
  });

  it('the CSV export parses back with one row per application of the call', async () => {
    const res = await api.call('GET', `/calls/${state.callId}/applications/export`, { as: STAFF });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/filename="candidatures-[a-z0-9-]+\.csv"/);
    expect(res.headers.get('content-disposition')).not.toContain(state.callId);
    const rows = parseCsv(res.text, ';');
    expect(rows).toHaveLength(1 + 2);
    const header = rows[0]!;
    for (const row of rows) expect(row).toHaveLength(header.length);
    const byName = new Map(rows.slice(1).map((r) => [r[header.indexOf('Structure')], r]));
    const envol = byName.get("L'Envol")!;
    expect(envol[header.indexOf('Structure')]).toBe("L'Envol");
    expect(envol[header.indexOf('Statut')]).toBe('Retenue');
    expect(envol[header.indexOf('Score (sur 100)')]).toBe('81,7');
    expect(envol[header.indexOf('A1.3 — réponse')]).toBe('2');
    expect(envol[header.indexOf('A1.3 — résultat')]).toBe('Rempli');
    expect(rows.slice(1).filter((r) => r !== envol).map((r) => r[header.indexOf('Statut')])).toEqual(['Brouillon']);
    expect(res.text).not.toContain('NOTE-PRIVEE');
  });

  it('every state change is in the audit trail', async () => {
    const audit = await api.call('GET', `/audit/application/${state.appId}?limit=100`, { as: STAFF });
    const actions = audit.body.items.map((e: { action: string }) => e.action).reverse();
    expect(actions).toEqual([
      'application.created',
      'application.updated',
      'application.submitted',
      'application.reviewer-assigned',
      'application.reviewer-assigned',
      'application.reviewer-recused',
      'application.scored',
      'application.note-added',
      'application.criterion-verified',
      'application.criterion-verified',
      'application.returned-for-correction',
      'application.updated',
      'application.submitted',
      'application.decided',
      'application.decision-published',
    ]);
    const callAudit = await api.call('GET', `/audit/call/${state.callId}?limit=100`, { as: STAFF });
    const callActions = callAudit.body.items.map((e: { action: string }) => e.action).reverse();
    // The first two are written by the same transaction (same instant): their relative order is not defined.
    expect(callActions.slice(0, 2).sort()).toEqual(['call.created', 'call.criteria-version-created']);
    expect(callActions.slice(2)).toEqual([
      'call.criteria-replaced',
      'call.opened',
      'call.closed',
      'call.decisions-published',
    ]);
    const essaimeAudit = await api.call('GET', `/audit/essaime/${state.essaimeId}`, { as: STAFF });
    expect(essaimeAudit.body.items[0]).toMatchObject({ action: 'essaime.created', actorId: STAFF });
  });
});

describe('the e-mails these flows queued', () => {
  it('greet people by name and read as French (no ISO date, no « 00:00 », no raw id)', async () => {
    const messages = await everyOutboxMessage(api);
    expect(messages.length).toBeGreaterThan(0);
    expect(outboxFaults(messages)).toEqual([]);
  });
});
