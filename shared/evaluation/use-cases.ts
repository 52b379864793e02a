import type { z } from 'zod';
import type { Principal } from '../access/principal';
import { assertStructureAccess } from '../access/policy';
import type { PageQuery, Page } from '../db/pagination';
import { commit } from '../db/transact';
import { aggregateWrites } from '../dashboards/repository';
import { conflict, notFound, unprocessable, type ErrorDetail } from '../errors';
import { getEssaime, listAllEssaimesOfSeason } from '../essaimes/repository';
import type { Essaime } from '../essaimes/schemas';
import { newId } from '../ids';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { getSeason } from '../seasons/repository';
import {
  createReportWrite,
  createStageWrites,
  getReport,
  getStage,
  getTemplate,
  listQuestionnaires,
  listReportsOfEssaime,
  listReportsOfSeasonByStatus,
  listReportsOfStage,
  listStagesOfSeason,
  putQuestionnaireWrite,
  putTemplateWrite,
  updateReportWrite,
  updateStageWrite,
} from './repository';
import {
  allowedFrom,
  canDo,
  checkCompleteness,
  checkConsistency,
  checkQuestionnaireAnswers,
  checkTemplate,
  completionOf,
  isOpen,
  isPastDue,
  parisToday,
  personalDataFindings,
  type ReportAction,
  type ReportContent,
} from './rules';
import type {
  addQuestionnaireBody,
  CompletionStatus,
  createDefaultStagesBody,
  createStageBody,
  QuestionnaireResponse,
  Report,
  ReportStatus,
  Review,
  requestChangesBody,
  reopenBody,
  saveReportBody,
  Stage,
  StageKind,
  Template,
  updateStageBody,
  updateTemplateBody,
} from './schemas';
import { defaultTemplate, stageKindLabels } from './templates';

/** At most this many questionnaire answers per structure and stage (a director and a team of professionals). */
export const MAX_QUESTIONNAIRES_PER_STRUCTURE = 30;

const prefixed = (details: ErrorDetail[], prefix: string) => details.map((d) => ({ ...d, path: `${prefix}.${d.path}` }));

// ---------------------------------------------------------------- stages and templates

function checkStageDates(opensOn: string, dueOn: string, path = 'body.dueOn'): void {
  if (dueOn <= opensOn) throw unprocessable('DUE_BEFORE_OPENING', 'A stage falls due after it opens', [{ path, message: 'Must come after the opening date' }]);
}

interface StagePlan {
  kind: StageKind;
  order: number;
  name?: string;
  opensOn: string;
  dueOn: string;
}

/** A new stage with version 1 of its kind's default template. */
function buildStage(seasonId: string, plan: StagePlan, now: string, createdBy: string): { stage: Stage; template: Template } {
  const stageId = newId('stage');
  return {
    stage: { stageId, seasonId, kind: plan.kind, order: plan.order, name: plan.name ?? stageKindLabels[plan.kind], opensOn: plan.opensOn, dueOn: plan.dueOn, templateVersion: 1, version: 1, createdAt: now, updatedAt: now },
    template: { stageId, templateVersion: 1, ...defaultTemplate(plan.kind), createdAt: now, createdBy },
  };
}

const staleStage = () =>
  conflict('STALE_VERSION', 'The stage was changed by someone else; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]);

async function requireSeason(deps: Deps, seasonId: string) {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  return season;
}

export async function createStage(deps: Deps, actor: Principal, seasonId: string, input: z.output<typeof createStageBody>): Promise<Stage> {
  await requireSeason(deps, seasonId);
  checkStageDates(input.opensOn, input.dueOn);
  const now = deps.now().toISOString();
  const { stage, template } = buildStage(seasonId, input, now, actor.userId);
  await commit(deps.db, actor, createStageWrites(deps.db, stage, template), [
    { action: 'stage.created', entityType: 'stage', entityId: stage.stageId, changes: { ...stage } },
  ], deps.now());
  return stage;
}

/** The study's three stages: first return, intermediate report (with the questionnaire), final report. */
export async function createDefaultStages(deps: Deps, actor: Principal, seasonId: string, input: z.output<typeof createDefaultStagesBody>): Promise<Stage[]> {
  await requireSeason(deps, seasonId);
  const plan = [
    ['first-return', input.firstReturn, 'body.firstReturn.dueOn'],
    ['intermediate', input.intermediate, 'body.intermediate.dueOn'],
    ['final', input.final, 'body.final.dueOn'],
  ] as const;
  for (const [, dates, path] of plan) checkStageDates(dates.opensOn, dates.dueOn, path);
  const overlaps = [
    ...(input.intermediate.opensOn < input.firstReturn.dueOn ? [{ path: 'body.intermediate.opensOn', message: 'Opens before the first return is due' }] : []),
    ...(input.final.opensOn < input.intermediate.dueOn ? [{ path: 'body.final.opensOn', message: 'Opens before the intermediate report is due' }] : []),
  ];
  if (overlaps.length) throw unprocessable('STAGES_OVERLAP', 'Each stage opens once the previous one is due', overlaps);
  const existing = await listStagesOfSeason(deps.db, seasonId);
  if (existing.length > 0) throw conflict('STAGES_EXIST', 'This season already has stages; add or edit them one by one');
  const now = deps.now().toISOString();
  const built = plan.map(([kind, dates], i) => buildStage(seasonId, { kind, order: i + 1, ...dates }, now, actor.userId));
  await commit(
    deps.db,
    actor,
    built.flatMap((b) => createStageWrites(deps.db, b.stage, b.template)),
    built.map((b) => ({ action: 'stage.created', entityType: 'stage', entityId: b.stage.stageId, changes: { ...b.stage } })),
    deps.now(),
  );
  return built.map((b) => b.stage);
}

async function requireStage(deps: Deps, stageId: string): Promise<Stage> {
  const stage = await getStage(deps.db, stageId);
  if (!stage) throw notFound('Stage');
  return stage;
}

async function requireTemplate(deps: Deps, stageId: string, version: number): Promise<Template> {
  const template = await getTemplate(deps.db, stageId, version);
  if (!template) throw notFound('Template version');
  return template;
}

export async function readStage(deps: Deps, stageId: string): Promise<{ stage: Stage; template: Template; open: boolean; today: string }> {
  const stage = await requireStage(deps, stageId);
  const today = parisToday(deps.now());
  return { stage, template: await requireTemplate(deps, stageId, stage.templateVersion), open: isOpen(stage, today), today };
}

export async function readTemplateVersion(deps: Deps, stageId: string, version: number): Promise<Template> {
  await requireStage(deps, stageId);
  return requireTemplate(deps, stageId, version);
}

export async function listStages(deps: Deps, seasonId: string): Promise<Stage[]> {
  await requireSeason(deps, seasonId);
  return listStagesOfSeason(deps.db, seasonId);
}

/** Name and due date any time; the opening date only before the stage opens. */
export async function updateStage(deps: Deps, actor: Principal, stageId: string, input: z.output<typeof updateStageBody>): Promise<Stage> {
  const current = await requireStage(deps, stageId);
  const today = parisToday(deps.now());
  const { expectedVersion, ...changes } = input;
  if (current.version !== expectedVersion) throw staleStage();
  const movesOpening = changes.opensOn !== undefined && changes.opensOn !== current.opensOn;
  if (movesOpening && isOpen(current, today)) {
    throw conflict('STAGE_ALREADY_OPEN', 'The stage has opened: its opening date can no longer change', [{ path: 'body.opensOn', message: 'The stage is open' }]);
  }
  const next: Stage = { ...current, ...changes, version: expectedVersion + 1, updatedAt: deps.now().toISOString() };
  checkStageDates(next.opensOn, next.dueOn);
  await commit(deps.db, actor, [updateStageWrite(deps.db, next, expectedVersion, movesOpening ? today : undefined)], [
    { action: 'stage.updated', entityType: 'stage', entityId: stageId, changes },
  ], deps.now());
  return next;
}

/**
 * A new version of the stage's template, only before the stage opens (condition on the stored opening date).
 * Earlier versions stay readable: every report keeps the version it was written against.
 */
export async function updateTemplate(deps: Deps, actor: Principal, stageId: string, input: z.output<typeof updateTemplateBody>): Promise<{ stage: Stage; template: Template }> {
  const current = await requireStage(deps, stageId);
  const today = parisToday(deps.now());
  if (isOpen(current, today)) {
    throw conflict('STAGE_ALREADY_OPEN', 'The stage has opened: its template can no longer change', [{ path: 'body', message: 'Templates change only before a stage opens' }]);
  }
  if (current.version !== input.expectedVersion) throw staleStage();
  const { expectedVersion, ...content } = input;
  const problems = checkTemplate(content);
  if (problems.length) throw unprocessable('INVALID_TEMPLATE', 'The template is not consistent', prefixed(problems, 'body'));
  const now = deps.now().toISOString();
  const template: Template = { stageId, templateVersion: current.templateVersion + 1, ...content, createdAt: now, createdBy: actor.userId };
  const next: Stage = { ...current, templateVersion: template.templateVersion, version: expectedVersion + 1, updatedAt: now };
  await commit(deps.db, actor, [updateStageWrite(deps.db, next, expectedVersion, today), putTemplateWrite(deps.db, template)], [
    { action: 'template.versioned', entityType: 'stage', entityId: stageId, changes: { templateVersion: template.templateVersion, indicators: content.indicators.map((i) => i.key), questions: content.questions.map((q) => q.key) } },
  ], deps.now());
  return { stage: next, template };
}

// ---------------------------------------------------------------- reports

interface ReportContext {
  stage: Stage;
  essaime: Essaime;
  report?: Report;
}

/** The stage, the essaimé the caller may see (404 otherwise) and its report on the stage if any. */
async function loadContext(deps: Deps, principal: Principal, stageId: string, essaimeId: string): Promise<ReportContext> {
  const [stage, essaime, report] = await Promise.all([getStage(deps.db, stageId), getEssaime(deps.db, essaimeId), getReport(deps.db, stageId, essaimeId)]);
  if (!essaime) throw notFound('Report');
  assertStructureAccess(principal, essaime.structureId, 'Report');
  if (!stage || stage.seasonId !== essaime.seasonId) throw notFound('Report');
  return { stage, essaime, report };
}

function requireReport(ctx: ReportContext): Report {
  if (!ctx.report) throw notFound('Report', 'REPORT_NOT_FOUND');
  return ctx.report;
}

/** Refuses an action from the wrong status, with a code saying why, then a stale version. */
function assertCanDo(action: ReportAction, report: Report, expectedVersion: number): void {
  if (!canDo(action, report.status)) {
    if (report.status === 'accepted') throw conflict('REPORT_LOCKED', 'The report has been accepted: it is locked', [{ path: 'status', message: 'accepted' }]);
    if (report.status === 'submitted') throw conflict('REPORT_SUBMITTED', 'The report is submitted and awaits review', [{ path: 'status', message: 'submitted' }]);
    throw conflict('REPORT_NOT_SUBMITTED', 'The report has not been submitted', [{ path: 'status', message: report.status }]);
  }
  if (report.version !== expectedVersion) {
    throw conflict('STALE_VERSION', 'The report was saved by someone else meanwhile; reload it, merge your changes and retry', [
      { path: 'body.expectedVersion', message: `The current version is ${report.version}` },
    ]);
  }
}

export async function readReport(deps: Deps, principal: Principal, stageId: string, essaimeId: string): Promise<Report> {
  return requireReport(await loadContext(deps, principal, stageId, essaimeId));
}

const contentOf = (r: Pick<Report, 'period' | 'indicators' | 'answers'>): ReportContent => ({ period: r.period, indicators: r.indicators, answers: r.answers });

/**
 * Saves a draft (referent of the structure). The first save creates it (expectedVersion 0); every later save
 * names the version it read, so two people editing at once cannot overwrite each other silently.
 * Omitted fields keep their value; `period: null` clears the period.
 */
export async function saveReportDraft(deps: Deps, principal: Principal, stageId: string, essaimeId: string, input: z.output<typeof saveReportBody>): Promise<Report> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const today = parisToday(deps.now());
  if (!isOpen(ctx.stage, today)) {
    throw conflict('STAGE_NOT_OPEN', `The stage opens on ${ctx.stage.opensOn}`, [{ path: 'stage.opensOn', message: ctx.stage.opensOn }]);
  }
  const now = deps.now().toISOString();
  const current = ctx.report;
  if (current) assertCanDo('save', current, input.expectedVersion);
  else if (input.expectedVersion !== 0) {
    throw conflict('STALE_VERSION', 'The report does not exist yet: create it with expectedVersion 0', [{ path: 'body.expectedVersion', message: 'Use 0' }]);
  }
  const template = await requireTemplate(deps, stageId, current?.templateVersion ?? ctx.stage.templateVersion);
  const content: ReportContent = {
    period: input.period === undefined ? (current?.period ?? null) : input.period,
    indicators: input.indicators ?? current?.indicators ?? {},
    answers: input.answers ?? current?.answers ?? {},
  };
  const problems = checkConsistency(template, content);
  if (problems.length) throw unprocessable('INCONSISTENT_FIGURES', 'Some figures are not consistent', prefixed(problems, 'body'));

  const next: Report = current
    ? { ...current, ...content, version: current.version + 1, updatedAt: now, updatedBy: principal.userId }
    : {
        reportId: newId('report'),
        stageId,
        seasonId: ctx.stage.seasonId,
        essaimeId,
        structureId: ctx.essaime.structureId,
        structureName: ctx.essaime.structureName,
        templateVersion: template.templateVersion,
        status: 'draft',
        ...content,
        dimensions: dimensionsOf(ctx.essaime),
        version: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: principal.userId,
        submittedAt: null,
        submittedBy: null,
        submittedLate: false,
        acceptedAt: null,
        acceptedBy: null,
        reviews: [],
      };
  const write = current ? updateReportWrite(deps.db, next, input.expectedVersion, allowedFrom.save) : createReportWrite(deps.db, next);
  await commit(deps.db, principal, [write], [
    { action: current ? 'report.saved' : 'report.created', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version, period: next.period, indicators: next.indicators, answered: Object.keys(next.answers) } },
  ], deps.now());
  return next;
}

const dimensionsOf = (essaime: Essaime): Report['dimensions'] => ({
  hypothesis: essaime.hypothesis,
  region: essaime.territory.region,
  setting: essaime.territory.setting,
});

/** Hands the report in: every required field present and consistent. Late if after the due date. */
export async function submitReport(deps: Deps, principal: Principal, stageId: string, essaimeId: string, expectedVersion: number): Promise<Report> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const current = requireReport(ctx);
  assertCanDo('submit', current, expectedVersion);
  const template = await requireTemplate(deps, stageId, current.templateVersion);
  const inconsistent = checkConsistency(template, contentOf(current));
  if (inconsistent.length) throw unprocessable('INCONSISTENT_FIGURES', 'Some figures are not consistent', prefixed(inconsistent, 'report'));
  const missing = checkCompleteness(template, contentOf(current));
  if (missing.length) throw unprocessable('REPORT_INCOMPLETE', 'Some required answers are missing', prefixed(missing, 'report'));
  const now = deps.now();
  const next: Report = {
    ...current,
    status: 'submitted',
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: principal.userId,
    submittedAt: now.toISOString(),
    submittedBy: principal.userId,
    submittedLate: isPastDue(ctx.stage, parisToday(now)),
  };
  await commit(deps.db, principal, [updateReportWrite(deps.db, next, expectedVersion, allowedFrom.submit)], [
    { action: 'report.submitted', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version, late: next.submittedLate } },
  ], now);
  return next;
}

function referentMessage(report: Report, essaime: Essaime, stage: Stage, kind: string, subject: string, body: string, now: Date) {
  return newMessage(
    {
      dedupeKey: `report#${report.reportId}#v${report.version}#${kind}`,
      kind: `report-${kind}`,
      recipientUserId: essaime.referentUserId,
      subject,
      body,
      related: { entityType: 'report', entityId: report.reportId },
    },
    now,
  );
}

/** The fields every review step changes: new status and version, who and when, and the review appended. */
function reviewed(current: Report, principal: Principal, now: Date, status: ReportStatus, action: Review['action'], comments: Review['comments']): Report {
  const at = now.toISOString();
  return {
    ...current,
    status,
    version: current.version + 1,
    updatedAt: at,
    updatedBy: principal.userId,
    reviews: [...current.reviews, { at, by: principal.userId, action, comments }],
  };
}

/**
 * Staff accept a submitted report: it is locked, and its figures are added to the pre-computed aggregates in
 * the same transaction (so the dashboards never miss nor double-count a report).
 */
export async function acceptReport(deps: Deps, principal: Principal, stageId: string, essaimeId: string, expectedVersion: number): Promise<Report> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const current = requireReport(ctx);
  assertCanDo('accept', current, expectedVersion);
  const now = deps.now();
  const next: Report = {
    ...reviewed(current, principal, now, 'accepted', 'accepted', []),
    // Counted where the essaimé stands now; a reopen takes it back from these same items.
    dimensions: dimensionsOf(ctx.essaime),
    acceptedAt: now.toISOString(),
    acceptedBy: principal.userId,
  };
  const message = referentMessage(next, ctx.essaime, ctx.stage, 'accepted', `Rapport accepté : ${ctx.stage.name}`,
    `Bonjour,\n\nLe rapport « ${ctx.stage.name} » de ${ctx.essaime.structureName} a été accepté par l'équipe Ansa. Il est désormais verrouillé.\n\nMerci pour votre contribution à l'évaluation de l'essaimage.`, now);
  await commit(deps.db, principal, [
    updateReportWrite(deps.db, next, expectedVersion, allowedFrom.accept),
    ...aggregateWrites(deps.db, next, 1),
    outboxWrite(deps.db, message),
  ], [{ action: 'report.accepted', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version } }], now);
  return next;
}

/** Staff send a submitted report back with comments; the referent can edit and submit it again. */
export async function requestChanges(deps: Deps, principal: Principal, stageId: string, essaimeId: string, input: z.output<typeof requestChangesBody>): Promise<Report> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const current = requireReport(ctx);
  assertCanDo('request-changes', current, input.expectedVersion);
  const now = deps.now();
  const next = reviewed(current, principal, now, 'changes-requested', 'changes-requested', input.comments);
  const lines = input.comments.map((c) => `- ${c.path ? `${c.path} : ` : ''}${c.comment}`).join('\n');
  const message = referentMessage(next, ctx.essaime, ctx.stage, 'changes-requested', `Modifications demandées : ${ctx.stage.name}`,
    `Bonjour,\n\nL'équipe Ansa demande des modifications au rapport « ${ctx.stage.name} » de ${ctx.essaime.structureName} :\n${lines}\n\nLe rapport est rouvert : vous pouvez le corriger puis le soumettre à nouveau.`, now);
  await commit(deps.db, principal, [updateReportWrite(deps.db, next, input.expectedVersion, allowedFrom['request-changes']), outboxWrite(deps.db, message)], [
    { action: 'report.changes-requested', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version, comments: input.comments.length } },
  ], now);
  return next;
}

/**
 * The only way out of "accepted": staff reopen a report (a figure found wrong after acceptance), with a
 * reason. Its contribution is taken back from the aggregates in the same transaction, from the very items
 * it was added to; accepting it again adds the corrected figures.
 */
export async function reopenReport(deps: Deps, principal: Principal, stageId: string, essaimeId: string, input: z.output<typeof reopenBody>): Promise<Report> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const current = requireReport(ctx);
  if (!canDo('reopen', current.status)) throw conflict('REPORT_NOT_ACCEPTED', 'Only an accepted report can be reopened', [{ path: 'status', message: current.status }]);
  assertCanDo('reopen', current, input.expectedVersion);
  const now = deps.now();
  const next: Report = {
    ...reviewed(current, principal, now, 'changes-requested', 'reopened', [{ comment: input.reason }]),
    acceptedAt: null,
    acceptedBy: null,
  };
  const message = referentMessage(next, ctx.essaime, ctx.stage, 'reopened', `Rapport rouvert : ${ctx.stage.name}`,
    `Bonjour,\n\nL'équipe Ansa a rouvert le rapport « ${ctx.stage.name} » de ${ctx.essaime.structureName} :\n${input.reason}\n\nVous pouvez le corriger puis le soumettre à nouveau.`, now);
  await commit(deps.db, principal, [
    updateReportWrite(deps.db, next, input.expectedVersion, allowedFrom.reopen),
    ...aggregateWrites(deps.db, current, -1),
    outboxWrite(deps.db, message),
  ], [{ action: 'report.reopened', entityType: 'report', entityId: next.reportId, changes: { stageId, essaimeId, version: next.version } }], now);
  return next;
}

// ---------------------------------------------------------------- views

export interface EssaimeStageView {
  stage: Stage;
  open: boolean;
  completion: CompletionStatus;
  report: { reportId: string; status: ReportStatus; version: number; submittedAt: string | null; submittedLate: boolean } | null;
}

/** A structure's stages with their due dates and where its report stands (referent's home view). */
export async function listEssaimeReports(deps: Deps, principal: Principal, essaimeId: string): Promise<{ essaimeId: string; structureName: string; today: string; stages: EssaimeStageView[] }> {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureAccess(principal, essaime.structureId, 'Essaimé');
  const [stages, reports] = await Promise.all([listStagesOfSeason(deps.db, essaime.seasonId), listReportsOfEssaime(deps.db, essaimeId)]);
  const today = parisToday(deps.now());
  const byStage = new Map(reports.map((r) => [r.stageId, r]));
  return {
    essaimeId,
    structureName: essaime.structureName,
    today,
    stages: stages.map((stage) => {
      const report = byStage.get(stage.stageId);
      return {
        stage,
        open: isOpen(stage, today),
        completion: completionOf(report, stage, today),
        report: report ? { reportId: report.reportId, status: report.status, version: report.version, submittedAt: report.submittedAt, submittedLate: report.submittedLate } : null,
      };
    }),
  };
}

export interface CompletionRow {
  essaimeId: string;
  structureName: string;
  completion: CompletionStatus;
  reportStatus: ReportStatus | 'not-started';
  version: number | null;
  submittedAt: string | null;
  submittedLate: boolean;
  questionnaires: number;
}

/** A stage's completion: submitted, late, missing, accepted per essaimé, with counts. */
export async function stageCompletion(deps: Deps, stageId: string): Promise<{ stage: Stage; today: string; counts: Record<CompletionStatus, number>; essaimes: CompletionRow[] }> {
  const stage = await requireStage(deps, stageId);
  const [essaimes, reports, questionnaires] = await Promise.all([
    listAllEssaimesOfSeason(deps.db, stage.seasonId),
    listReportsOfStage(deps.db, stageId),
    listQuestionnaires(deps.db, stageId),
  ]);
  const today = parisToday(deps.now());
  const byEssaime = new Map(reports.map((r) => [r.essaimeId, r]));
  const counts: Record<CompletionStatus, number> = { accepted: 0, submitted: 0, late: 0, missing: 0 };
  const rows = essaimes.map((e) => {
    const report = byEssaime.get(e.essaimeId);
    const completion = completionOf(report, stage, today);
    counts[completion] += 1;
    return {
      essaimeId: e.essaimeId,
      structureName: e.structureName,
      completion,
      reportStatus: report?.status ?? ('not-started' as const),
      version: report?.version ?? null,
      submittedAt: report?.submittedAt ?? null,
      submittedLate: report?.submittedLate ?? false,
      questionnaires: questionnaires.filter((q) => q.essaimeId === e.essaimeId).length,
    };
  });
  return { stage, today, counts, essaimes: rows };
}

export async function listReviewQueue(deps: Deps, seasonId: string, status: ReportStatus, page: PageQuery): Promise<Page<Report>> {
  await requireSeason(deps, seasonId);
  return listReportsOfSeasonByStatus(deps.db, seasonId, status, page);
}

// ---------------------------------------------------------------- questionnaire

/**
 * One anonymous questionnaire answer (a director or a professional of the structure), entered by the
 * referent, on a stage whose template has a questionnaire, until the stage's report is accepted.
 */
export async function addQuestionnaireResponse(deps: Deps, principal: Principal, stageId: string, essaimeId: string, input: z.output<typeof addQuestionnaireBody>): Promise<QuestionnaireResponse> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const today = parisToday(deps.now());
  if (!isOpen(ctx.stage, today)) throw conflict('STAGE_NOT_OPEN', `The stage opens on ${ctx.stage.opensOn}`);
  if (ctx.report?.status === 'accepted') throw conflict('REPORT_LOCKED', 'The report has been accepted: the stage is closed for this structure');
  const template = await requireTemplate(deps, stageId, ctx.report?.templateVersion ?? ctx.stage.templateVersion);
  if (!template.questionnaire) throw conflict('NO_QUESTIONNAIRE', 'This stage has no questionnaire');
  const problems = [
    ...checkQuestionnaireAnswers(template.questionnaire.questions, input.answers),
    ...personalDataFindings({ respondentFunction: input.respondentFunction ?? '' }, '').map((d) => ({ ...d, path: 'respondentFunction' })),
  ];
  if (problems.length) throw unprocessable('INVALID_ANSWERS', 'Some answers are not valid', prefixed(problems, 'body'));
  const existing = await listQuestionnaires(deps.db, stageId, essaimeId);
  if (existing.length >= MAX_QUESTIONNAIRES_PER_STRUCTURE) {
    throw conflict('QUESTIONNAIRE_LIMIT', `At most ${MAX_QUESTIONNAIRES_PER_STRUCTURE} answers per structure`);
  }
  const now = deps.now().toISOString();
  const response: QuestionnaireResponse = {
    responseId: newId('questionnaire'),
    stageId,
    essaimeId,
    structureId: ctx.essaime.structureId,
    respondentRole: input.respondentRole,
    respondentFunction: input.respondentFunction ?? null,
    answers: input.answers,
    templateVersion: template.templateVersion,
    createdAt: now,
    createdBy: principal.userId,
  };
  await commit(deps.db, principal, [putQuestionnaireWrite(deps.db, response)], [
    { action: 'questionnaire.answered', entityType: 'stage', entityId: stageId, changes: { essaimeId, responseId: response.responseId, respondentRole: response.respondentRole } },
  ], deps.now());
  return response;
}

export async function listQuestionnaireResponses(deps: Deps, principal: Principal, stageId: string, essaimeId: string): Promise<QuestionnaireResponse[]> {
  await loadContext(deps, principal, stageId, essaimeId);
  return listQuestionnaires(deps.db, stageId, essaimeId);
}
