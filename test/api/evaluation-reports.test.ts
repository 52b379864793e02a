import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, parisDay } from '../../shared/calendar';
import { defaultTemplate } from '../../shared/evaluation/templates';
import { snapshotTable } from '../support/db';
import { startTestApi, type TestApi } from '../support/api';
import { everyOutboxMessage, outboxFaults } from '../support/french-text';
import { demoCalendar, demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();
const calendar = demoCalendar(new Date());

/**
 * The staged evaluation over HTTP with real tokens, on the demo data (cohort season: three stages, stage 1
 * reports accepted for Passerelle, Jura Service and Études et Chantiers, submitted for Act'Eure, a draft for
 * SEMES, nothing for AIR & AICM).
 */
let api: TestApi;
let season2019: string;
let season2020: string;
const essaime: Record<string, string> = {};
let seededStages: { stageId: string; kind: string; version: number; templateVersion: number }[];

const staff = 'demo-staff-claire';
const passerelle = 'demo-referent-passerelle';
const jura = 'demo-referent-jura';
const today = parisDay(new Date());

beforeAll(async () => {
  api = await startTestApi();
  const seasons = (await api.call('GET', '/seasons', { as: staff })).body.items as { seasonId: string; year: number }[];
  season2019 = seasons.find((s) => s.year === demoSeasons.cohort)!.seasonId;
  season2020 = seasons.find((s) => s.year === demoSeasons.call)!.seasonId;
  const list = (await api.call('GET', `/seasons/${season2019}/essaimes?limit=50`, { as: staff })).body.items as { essaimeId: string; structureId: string }[];
  for (const e of list) essaime[e.structureId] = e.essaimeId;
  seededStages = (await api.call('GET', `/seasons/${season2019}/stages`, { as: staff })).body.items;
});
afterAll(() => api.stop());

const finalTemplate = defaultTemplate('final');
const completeAnswers = Object.fromEntries(finalTemplate.questions.map((q) => [q.key, 'Réponse détaillée de la structure.']));
const completeFigures = { activeFile: 50, newlyWelcomed: 20, perSigned: 30, perRenewed: 10, backInJob: 30, durableJob: 12, meanDelayDays: 100, companiesContacted: 150, companyVisits: 40, offersCaptured: 50, workPlacements: 8, employmentEvents: 2, creFte: 2 };

async function newStage(kind: 'first-return' | 'intermediate' | 'final', order: number, opensOn: string, dueOn: string, name?: string) {
  const res = await api.call('POST', `/seasons/${season2019}/stages`, { as: staff, body: { kind, order, opensOn, dueOn, ...(name ? { name } : {}) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { stageId: string; version: number; templateVersion: number };
}

describe('stages', () => {
  it('lists the seeded three stages of the season in order', () => {
    expect(seededStages.map((s) => s.kind)).toEqual(['first-return', 'intermediate', 'final']);
  });

  it('lets staff create the three default stages once; refuses overlapping dates, and non-staff', async () => {
    const body = {
      firstReturn: { opensOn: '2021-01-15', dueOn: '2021-03-15' },
      intermediate: { opensOn: '2021-05-15', dueOn: '2021-07-15' },
      final: { opensOn: '2021-11-15', dueOn: '2022-02-15' },
    };
    expect((await api.call('POST', `/seasons/${season2020}/stages/defaults`, { as: passerelle, body })).status).toBe(403);
    const overlapping = await api.call('POST', `/seasons/${season2020}/stages/defaults`, { as: staff, body: { ...body, intermediate: { opensOn: '2021-03-01', dueOn: '2021-07-15' } } });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.error.code).toBe('STAGES_OVERLAP');
    const backwards = await api.call('POST', `/seasons/${season2020}/stages/defaults`, { as: staff, body: { ...body, final: { opensOn: '2022-02-15', dueOn: '2021-11-15' } } });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.details[0].path).toBe('body.final.dueOn');

    const created = await api.call('POST', `/seasons/${season2020}/stages/defaults`, { as: staff, body });
    expect(created.status).toBe(201);
    expect(created.body.items.map((s: { kind: string; order: number }) => [s.kind, s.order])).toEqual([['first-return', 1], ['intermediate', 2], ['final', 3]]);
    const again = await api.call('POST', `/seasons/${season2020}/stages/defaults`, { as: staff, body });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STAGES_EXIST');
    const listed = await api.call('GET', `/seasons/${season2020}/stages`, { as: jura });
    expect(listed.body.items).toHaveLength(3);
  });
});

describe('templates: versioned, editable only before the stage opens', () => {
  it('saves new versions before opening, keeps old ones, and refuses edits once open', async () => {
    const stage = await newStage('final', 5, addDays(today, 30), addDays(today, 60), 'Bilan à modèle modifié');
    const current = await api.call('GET', `/stages/${stage.stageId}`, { as: passerelle });
    expect(current.body).toMatchObject({ stageId: stage.stageId, kind: 'final', templateVersion: 1, open: false });
    expect(current.body.template.templateVersion).toBe(1);

    const base = defaultTemplate('final');
    const edited = {
      expectedVersion: stage.version,
      indicators: [...base.indicators.filter((i) => i.key !== 'meanDelayDays'), { key: 'jobDatings', label: 'Job datings organisés', unit: 'count', required: true }],
      questions: base.questions,
      questionnaire: null,
    };
    const wrongUnit = await api.call('PUT', `/stages/${stage.stageId}/template`, { as: staff, body: { ...edited, indicators: [{ key: 'backInJob', label: 'Retours', unit: 'fte', required: true }] } });
    expect(wrongUnit.status).toBe(422);
    expect(wrongUnit.body.error).toMatchObject({ code: 'INVALID_TEMPLATE', details: [expect.objectContaining({ path: 'body.indicators.0.unit' })] });
    expect((await api.call('PUT', `/stages/${stage.stageId}/template`, { as: passerelle, body: edited })).status).toBe(403);

    const saved = await api.call('PUT', `/stages/${stage.stageId}/template`, { as: staff, body: edited });
    expect(saved.status).toBe(200);
    expect(saved.body.template.templateVersion).toBe(2);
    expect(saved.body).toMatchObject({ stageId: stage.stageId, templateVersion: 2, version: 2, open: false });
    const stale = await api.call('PUT', `/stages/${stage.stageId}/template`, { as: staff, body: edited });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const v1 = await api.call('GET', `/stages/${stage.stageId}/template/versions/1`, { as: jura });
    expect(v1.body.indicators.map((i: { key: string }) => i.key)).toContain('meanDelayDays');
    const v2 = await api.call('GET', `/stages/${stage.stageId}/template/versions/2`, { as: jura });
    expect(v2.body.indicators.map((i: { key: string }) => i.key)).toContain('jobDatings');

    // Before opening, a referent cannot start the report.
    const early = await api.call('PUT', `/stages/${stage.stageId}/reports/${essaime.str_passerelle}`, { as: passerelle, body: { expectedVersion: 0 } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('STAGE_NOT_OPEN');

    // Staff open it now (the opening date may move while not open); from then on the template is frozen.
    const opened = await api.call('PATCH', `/stages/${stage.stageId}`, { as: staff, body: { expectedVersion: 2, opensOn: addDays(today, -1) } });
    expect(opened.status).toBe(200);
    const frozen = await api.call('PUT', `/stages/${stage.stageId}/template`, { as: staff, body: { ...edited, expectedVersion: 3 } });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe('STAGE_ALREADY_OPEN');
    const moveBack = await api.call('PATCH', `/stages/${stage.stageId}`, { as: staff, body: { expectedVersion: 3, opensOn: addDays(today, 5) } });
    expect(moveBack.status).toBe(409);
    expect(moveBack.body.error.code).toBe('STAGE_ALREADY_OPEN');
    const extended = await api.call('PATCH', `/stages/${stage.stageId}`, { as: staff, body: { expectedVersion: 3, dueOn: addDays(today, 90) } });
    expect(extended.status).toBe(200);

    // The report is written against version 2 and keeps it: its indicators are version 2's.
    const draft = await api.call('PUT', `/stages/${stage.stageId}/reports/${essaime.str_passerelle}`, { as: passerelle, body: { expectedVersion: 0, indicators: { jobDatings: 2 } } });
    expect(draft.status).toBe(200);
    expect(draft.body.templateVersion).toBe(2);
    const oldKey = await api.call('PUT', `/stages/${stage.stageId}/reports/${essaime.str_passerelle}`, { as: passerelle, body: { expectedVersion: 1, indicators: { meanDelayDays: 90 } } });
    expect(oldKey.status).toBe(422);
    expect(oldKey.body.error.details).toEqual([expect.objectContaining({ path: 'body.indicators.meanDelayDays', code: 'UNKNOWN_INDICATOR' })]);
  });
});

describe('a report from draft to acceptance, with every refusal', () => {
  let stageId: string;
  const path = () => `/stages/${stageId}/reports/${essaime.str_passerelle}`;

  beforeAll(async () => {
    stageId = (await newStage('final', 4, addDays(today, -10), addDays(today, 20), 'Bilan de test')).stageId;
  });

  it('creates a draft and refuses a stale save instead of overwriting (two editors)', async () => {
    const created = await api.call('PUT', path(), { as: passerelle, body: { expectedVersion: 0, indicators: { activeFile: 40 } } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, structureName: 'Passerelle', templateVersion: 1 });
    const twice = await api.call('PUT', path(), { as: passerelle, body: { expectedVersion: 0, indicators: { activeFile: 1 } } });
    expect(twice.status).toBe(409);

    const first = await api.call('PUT', path(), { as: passerelle, body: { expectedVersion: 1, indicators: { activeFile: 45, backInJob: 20 } } });
    expect(first.status).toBe(200);
    const second = await api.call('PUT', path(), { as: passerelle, body: { expectedVersion: 1, indicators: { activeFile: 99 } } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('STALE_VERSION');
    const read = await api.call('GET', path(), { as: passerelle });
    expect(read.body).toMatchObject({ version: 2, indicators: { activeFile: 45, backInJob: 20 } });
  });

  it('refuses inconsistent figures with 422 and the field paths, writing nothing', async () => {
    const before = await snapshotTable(api.product.deps.db);
    const res = await api.call('PUT', path(), {
      as: passerelle,
      body: { expectedVersion: 2, period: { start: '2020-06-30', end: '2020-01-01' }, indicators: { activeFile: 10, backInJob: 12, durableJob: 13, companiesContacted: -4 } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INCONSISTENT_FIGURES');
    const byPath = Object.fromEntries(res.body.error.details.map((d: { path: string; code: string }) => [d.path, d.code]));
    expect(byPath).toEqual({
      'body.indicators.companiesContacted': 'NEGATIVE_VALUE',
      'body.indicators.durableJob': 'DURABLE_EXCEEDS_BACK_IN_JOB',
      'body.indicators.backInJob': 'BACK_IN_JOB_EXCEEDS_SUPPORTED',
      'body.period.end': 'PERIOD_END_BEFORE_START',
    });
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
  });

  it('refuses an incomplete submission with the missing fields', async () => {
    const res = await api.call('POST', `${path()}/submit`, { as: passerelle, body: { expectedVersion: 2 } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('REPORT_INCOMPLETE');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['report.period', 'report.indicators.durableJob', 'report.answers.obstacles']));
  });

  it('keeps other structures and unassigned tutors out, lets the structure’s tutor read', async () => {
    expect((await api.call('GET', path(), { as: jura })).status).toBe(404);
    expect((await api.call('PUT', path(), { as: jura, body: { expectedVersion: 2 } })).status).toBe(404);
    expect((await api.call('GET', path(), { as: 'demo-tutor-isabelle' })).status).toBe(404);
    expect((await api.call('GET', path(), { as: 'demo-tutor-michel' })).status).toBe(200);
    expect((await api.call('PUT', path(), { as: 'demo-tutor-michel', body: { expectedVersion: 2 } })).status).toBe(403);
  });

  it('submits a complete report; it can no longer be edited; the referent cannot accept it', async () => {
    const saved = await api.call('PUT', path(), { as: passerelle, body: { expectedVersion: 2, period: { start: '2020-09-01', end: '2021-01-31' }, indicators: completeFigures, answers: completeAnswers } });
    expect(saved.status).toBe(200);
    const submitted = await api.call('POST', `${path()}/submit`, { as: passerelle, body: { expectedVersion: 3 } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 4, submittedBy: passerelle, submittedLate: false });
    // A repeated submission (its answer lost) gets the submitted report again; from another version it is still refused.
    const repeated = await api.call('POST', `${path()}/submit`, { as: passerelle, body: { expectedVersion: 3 } });
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual(submitted.body);
    const stale = await api.call('POST', `${path()}/submit`, { as: passerelle, body: { expectedVersion: 2 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('REPORT_SUBMITTED');
    const edit = await api.call('PUT', path(), { as: passerelle, body: { expectedVersion: 4, indicators: completeFigures } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('REPORT_SUBMITTED');
    const own = await api.call('POST', `${path()}/accept`, { as: passerelle, body: { expectedVersion: 4 } });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('ROLE_NOT_ALLOWED');
    const queue = await api.call('GET', `/seasons/${season2019}/reports?status=submitted`, { as: staff });
    expect(queue.body.items.map((r: { structureName: string }) => r.structureName)).toEqual(expect.arrayContaining(['Passerelle', "Act'Eure Insertion"]));
  });

  it('staff request changes with comments: the report reopens and the referent is told', async () => {
    const res = await api.call('POST', `${path()}/request-changes`, {
      as: staff,
      body: { expectedVersion: 4, comments: [{ path: 'indicators.durableJob', comment: 'Le nombre de CDI semble élevé : merci de vérifier.' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('changes-requested');
    expect(res.body.reviews.at(-1)).toMatchObject({ action: 'changes-requested', by: staff });
    const outbox = await api.call('GET', '/outbox?limit=50', { as: passerelle });
    const message = outbox.body.items.find((m: { kind: string }) => m.kind === 'report-changes-requested');
    expect(message.subject).toBe('Modifications demandées\u00a0: Bilan de test');
    expect(message.body).toContain('Le nombre de CDI semble élevé');
  });

  it('resubmits, refuses a stale accept, accepts: locked, counted, and the referent is told', async () => {
    const fixed = await api.call('PUT', path(), { as: passerelle, body: { expectedVersion: 5, indicators: { ...completeFigures, durableJob: 10 } } });
    expect(fixed.status).toBe(200);
    expect((await api.call('POST', `${path()}/submit`, { as: passerelle, body: { expectedVersion: 6 } })).body.status).toBe('submitted');
    const stale = await api.call('POST', `${path()}/accept`, { as: staff, body: { expectedVersion: 6 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const accepted = await api.call('POST', `${path()}/accept`, { as: staff, body: { expectedVersion: 7 } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 8, acceptedBy: staff });
    const outbox = await api.call('GET', '/outbox?limit=50', { as: passerelle });
    expect(outbox.body.items.map((m: { subject: string }) => m.subject)).toContain('Rapport accepté\u00a0: Bilan de test');
  });

  it('refuses to submit or save a locked report', async () => {
    const submit = await api.call('POST', `${path()}/submit`, { as: passerelle, body: { expectedVersion: 8 } });
    expect(submit.status).toBe(409);
    expect(submit.body.error.code).toBe('REPORT_LOCKED');
    const save = await api.call('PUT', path(), { as: passerelle, body: { expectedVersion: 8, indicators: completeFigures } });
    expect(save.status).toBe(409);
    expect(save.body.error.code).toBe('REPORT_LOCKED');
    const again = await api.call('POST', `${path()}/accept`, { as: staff, body: { expectedVersion: 8 } });
    expect(again.body.error.code).toBe('REPORT_LOCKED');
  });

  it('shows the stage completion to staff only', async () => {
    const res = await api.call('GET', `/stages/${stageId}/completion`, { as: staff });
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ accepted: 1, submitted: 0, late: 0, missing: Object.keys(essaime).length - 1 });
    expect(res.body.essaimes.find((e: { structureName: string }) => e.structureName === 'Passerelle')).toMatchObject({ completion: 'accepted', reportStatus: 'accepted', version: 8 });
    expect((await api.call('GET', `/stages/${stageId}/completion`, { as: passerelle })).status).toBe(403);
  });

  it('counts the accepted report in the dashboards, next to the A.CO.R. reference', async () => {
    const mine = await api.call('GET', `/essaimes/${essaime.str_passerelle}/dashboard`, { as: passerelle });
    expect(mine.status).toBe(200);
    const stage = mine.body.stages.find((s: { stageId: string }) => s.stageId === stageId);
    expect(stage.accepted).toBe(true);
    expect(stage.figures.totals).toMatchObject({ activeFile: 50, backInJob: 30, durableJob: 10 });
    expect(stage.figures.rates.returnToJobRate).toBeCloseTo(0.6, 10);
    expect(stage.figures.rates.durableShare).toBeCloseTo(1 / 3, 10);
    expect(stage.figures.rates.meanDelayDays).toBe(100);
    const status = Object.fromEntries(stage.figures.comparison.map((c: { indicator: string; status: string }) => [c.indicator, c.status]));
    // The 60% team goal is measured over the structure's first twelve months only: this shorter report does not measure it.
    expect(status).toMatchObject({ returnToJobRate: 'below', durableShare: 'below', monthsToFirstContract: 'at-or-above', teamGoalRate: 'no-data' });
    expect(Object.fromEntries(mine.body.reference.map((f: { key: string; value: number }) => [f.key, f.value]))).toMatchObject({ returnToJobRate: 0.7, durableShare: 0.39, monthsToFirstContract: 3.5, teamGoalRate: 0.6 });
    expect((await api.call('GET', `/essaimes/${essaime.str_passerelle}/dashboard`, { as: jura })).status).toBe(404);

    const programme = await api.call('GET', `/seasons/${season2019}/dashboard`, { as: staff });
    expect(programme.status).toBe(200);
    const p = programme.body.stages.find((s: { stageId: string }) => s.stageId === stageId);
    expect(p.programme.acceptedReports).toBe(1);
    expect(p.byRegion.map((r: { key: string }) => r.key)).toEqual(['Auvergne-Rhône-Alpes']);
    expect(p.bySetting.map((r: { key: string }) => r.key)).toEqual(['urban']);
    expect(p.rateDistribution.buckets[6].reports).toBe(1);
    expect((await api.call('GET', `/seasons/${season2019}/dashboard`, { as: passerelle })).status).toBe(403);
  });

  it('staff can reopen an accepted report: its figures leave the dashboards in the same transaction', async () => {
    const noReason = await api.call('POST', `${path()}/reopen`, { as: staff, body: { expectedVersion: 8 } });
    expect(noReason.status).toBe(400);
    const res = await api.call('POST', `${path()}/reopen`, { as: staff, body: { expectedVersion: 8, reason: 'Erreur de saisie sur les PMSMP signalée par la structure.' } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('changes-requested');
    const programme = await api.call('GET', `/seasons/${season2019}/dashboard`, { as: staff });
    const p = programme.body.stages.find((s: { stageId: string }) => s.stageId === stageId);
    expect(p.programme.acceptedReports).toBe(0);
    expect(p.programme.totals).toEqual({});
    expect(p.byRegion).toEqual([]);
    const reopenNonAccepted = await api.call('POST', `${path()}/reopen`, { as: staff, body: { expectedVersion: 9, reason: 'Encore une fois' } });
    expect(reopenNonAccepted.body.error.code).toBe('REPORT_NOT_ACCEPTED');
  });
});

describe('the seeded cohort season', () => {
  it('shows stage 1 completion, due in five days: three accepted, one submitted, two still to come', async () => {
    const stage1 = seededStages[0]!.stageId;
    const res = await api.call('GET', `/stages/${stage1}/completion`, { as: staff });
    expect(res.body.counts).toEqual({ accepted: 3, submitted: 1, late: 0, missing: Object.keys(essaime).length - 4 });
    const byName = Object.fromEntries(res.body.essaimes.map((e: { structureName: string; completion: string; reportStatus: string }) => [e.structureName, [e.completion, e.reportStatus]]));
    expect(byName.SEMES).toEqual(['missing', 'draft']);
    expect(byName['AIR & AICM']).toEqual(['missing', 'not-started']);
    expect(byName["Act'Eure Insertion"]).toEqual(['submitted', 'submitted']);
  });

  it('refuses to submit a report after it was accepted (locked)', async () => {
    const stage1 = seededStages[0]!.stageId;
    const report = await api.call('GET', `/stages/${stage1}/reports/${essaime.str_passerelle}`, { as: passerelle });
    expect(report.body.status).toBe('accepted');
    const res = await api.call('POST', `/stages/${stage1}/reports/${essaime.str_passerelle}/submit`, { as: passerelle, body: { expectedVersion: report.body.version } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REPORT_LOCKED');
  });

  it('gives the referent their stages, due dates and where each report stands', async () => {
    const res = await api.call('GET', `/essaimes/${essaime['str_jura-service']}/reports`, { as: jura });
    expect(res.status).toBe(200);
    const seeded = res.body.stages.filter((s: { stageId: string }) => seededStages.some((x) => x.stageId === s.stageId));
    expect(seeded.map((s: { dueOn: string; completion: string }) => [s.dueOn, s.completion])).toEqual([
      [calendar.stages.firstReturn.dueOn, 'accepted'],
      [calendar.stages.intermediate.dueOn, 'missing'],
      [calendar.stages.final.dueOn, 'missing'],
    ]);
    expect((await api.call('GET', `/essaimes/${essaime.str_passerelle}/reports`, { as: jura })).status).toBe(404);
  });

  it('sums stage 1 across the accepted reports and spreads it by hypothesis, région and setting', async () => {
    const res = await api.call('GET', `/seasons/${season2019}/dashboard`, { as: staff });
    const stage1 = res.body.stages.find((s: { stageId: string }) => s.stageId === seededStages[0]!.stageId);
    expect(stage1.programme.acceptedReports).toBe(3);
    expect(stage1.programme.totals).toMatchObject({ activeFile: 48 + 35 + 28, backInJob: 21 + 13 + 9, durableJob: 8 + 4 + 3, creFte: 4.5 });
    expect(stage1.programme.rates.returnToJobRate).toBeCloseTo(43 / 111, 10);
    expect(stage1.programme.rates.meanDelayDays).toBeCloseTo((21 * 118 + 13 * 131 + 9 * 140) / 43, 10);
    expect(stage1.byHypothesis.map((h: { key: string; figures: { acceptedReports: number } }) => [h.key, h.figures.acceptedReports])).toEqual([['A', 3]]);
    expect(stage1.byRegion.map((r: { key: string }) => r.key)).toEqual(['Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Bretagne']);
    expect(stage1.bySetting.map((r: { key: string; figures: { acceptedReports: number } }) => [r.key, r.figures.acceptedReports])).toEqual([['rural', 1], ['semi-rural', 1], ['urban', 1]]);
  });
});

describe('intermediate questionnaire', () => {
  it('collects several anonymous answers per structure (director and professionals)', async () => {
    const intermediate = seededStages.find((s) => s.kind === 'intermediate')!.stageId;
    // The seeded intermediate stage opens months from now: staff open it today for this test.
    const stage = await api.call('GET', `/stages/${intermediate}`, { as: staff });
    expect((await api.call('PATCH', `/stages/${intermediate}`, { as: staff, body: { expectedVersion: stage.body.version, opensOn: calendar.today } })).status).toBe(200);
    const url = `/stages/${intermediate}/reports/${essaime.str_passerelle}/questionnaires`;
    const director = await api.call('POST', url, { as: passerelle, body: { respondentRole: 'director', answers: { 'method-fit': 4, 'team-adoption': 3, obstacles: 'Le temps de prospection' } } });
    expect(director.status).toBe(201);
    const pro = await api.call('POST', url, { as: passerelle, body: { respondentRole: 'professional', respondentFunction: 'Chargé de relation entreprises', answers: { 'method-fit': 3, 'practice-changes': 'Je vais voir les entreprises chaque semaine.' } } });
    expect(pro.status).toBe(201);
    const offScale = await api.call('POST', url, { as: passerelle, body: { respondentRole: 'professional', answers: { 'method-fit': 7 } } });
    expect(offScale.status).toBe(422);
    expect(offScale.body.error.details[0]).toMatchObject({ path: 'body.answers.method-fit', code: 'NOT_ON_SCALE' });
    expect((await api.call('POST', url, { as: jura, body: { respondentRole: 'director', answers: { 'method-fit': 4 } } })).status).toBe(404);

    const list = await api.call('GET', url, { as: 'demo-tutor-michel' });
    expect(list.body.items.map((r: { respondentRole: string }) => r.respondentRole).sort()).toEqual(['director', 'professional']);
    const completion = await api.call('GET', `/stages/${intermediate}/completion`, { as: staff });
    expect(completion.body.essaimes.find((e: { structureName: string }) => e.structureName === 'Passerelle').questionnaires).toBe(2);

    const stage1 = seededStages[0]!.stageId;
    const none = await api.call('POST', `/stages/${stage1}/reports/${essaime['str_jura-service']}/questionnaires`, { as: jura, body: { respondentRole: 'director', answers: { 'method-fit': 4 } } });
    expect(none.status).toBe(409);
  });
});

describe('the e-mails these flows queued', () => {
  it('greet people by name and read as French (no ISO date, no « 00:00 », no raw id)', async () => {
    const messages = await everyOutboxMessage(api);
    expect(messages.length).toBeGreaterThan(0);
    expect(outboxFaults(messages)).toEqual([]);
  });
});
