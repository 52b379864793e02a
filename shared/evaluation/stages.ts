import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { parisDay } from '../calendar';
import { commit } from '../db/transact';
import { conflict, unprocessable } from '../errors';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { prefixed, requireSeason, requireStage, requireTemplate } from './context';
import { createStageWrites, listStagesOfSeason, putTemplateWrite, updateStageWrite } from './repository';
import { checkTemplate, isOpen } from './rules';
import type { createDefaultStagesBody, createStageBody, Stage, StageKind, Template, updateStageBody, updateTemplateBody } from './schemas';
import { defaultTemplate, stageKindLabels } from './templates';
import type { StageView } from './views';

/** Stages of a season and their versioned report templates. */

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

const viewOf = (stage: Stage, template: Template, today: string): StageView => ({ ...stage, template, open: isOpen(stage, today) });

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

/** A stage with its current template, and whether it is open today. */
export async function readStage(deps: Deps, stageId: string): Promise<StageView> {
  const stage = await requireStage(deps, stageId);
  return viewOf(stage, await requireTemplate(deps, stageId, stage.templateVersion), parisDay(deps.now()));
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
  const today = parisDay(deps.now());
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
export async function updateTemplate(deps: Deps, actor: Principal, stageId: string, input: z.output<typeof updateTemplateBody>): Promise<StageView> {
  const current = await requireStage(deps, stageId);
  const today = parisDay(deps.now());
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
  return viewOf(next, template, today);
}
