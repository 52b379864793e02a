import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { commitGroups, type Group } from '../db/commit-groups';
import type { Page, PageQuery } from '../db/pagination';
import { commit } from '../db/transact';
import { listAllEssaimesOfSeason } from '../essaimes/repository';
import type { Essaime } from '../essaimes/schemas';
import { conflict, notFound, unprocessable } from '../errors';
import { newId } from '../ids';
import { logger } from '../logger';
import type { Deps } from '../runtime';
import { getSeason } from '../seasons/repository';
import { defaultAxesOrder, defaultModuleTitle, defaultObjectives } from './catalogue';
import { createProgressWrite } from './progress-repository';
import { createCohortWrites, createSessionWrite, getCohortIdOfSeason, getModule, listCohorts, updateModuleWrite } from './repository';
import { cohortEndDate, DEFAULT_ATTENDANCE_THRESHOLD, emptySummary } from './rules';
import type { Cohort, createCohortBody, EssaimeProgress, moduleInputSchema, TrainingModule, updateModuleBody } from './schemas';
import { actorOf, assertCohortVisible, assertExperts, assertSessionDates, loadProgramme, newAttendanceRecord, newSession } from './support';
import { moduleView, sessionView, type CohortView, type CreatedCohort } from './views';

type CreateCohortInput = z.output<typeof createCohortBody>;
type ModuleInput = z.output<typeof moduleInputSchema>;

function newCohort(seasonId: string, seasonName: string, input: CreateCohortInput, essaimeCount: number, now: string): Cohort {
  return {
    cohortId: newId('cohort'),
    seasonId,
    name: input.name ?? `Formation-action ${seasonName}`,
    startDate: input.startDate,
    endDate: cohortEndDate(input.startDate),
    attendanceThreshold: input.attendanceThreshold ?? DEFAULT_ATTENDANCE_THRESHOLD,
    essaimeCount,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

function newModule(cohortId: string, input: ModuleInput, index: number, now: string): TrainingModule {
  return {
    moduleId: newId('module'),
    cohortId,
    order: index + 1,
    axis: input.axis,
    title: input.title ?? defaultModuleTitle(input.axis, index + 1),
    objectives: input.objectives ?? defaultObjectives[input.axis],
    expertUserIds: input.expertUserIds ?? [],
    ...newAttendanceRecord(now),
  };
}

function newProgress(cohort: Cohort, essaime: Essaime, now: string): EssaimeProgress {
  return {
    cohortId: cohort.cohortId,
    seasonId: cohort.seasonId,
    essaimeId: essaime.essaimeId,
    structureId: essaime.structureId,
    structureName: essaime.structureName,
    referentUserId: essaime.referentUserId,
    summary: emptySummary(),
    deliverables: {},
    inactiveParticipantIds: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Experts are tutors and sessions fall within the cohort's five months, checked before anything is written. */
async function assertModuleInputs(deps: Deps, cohort: Cohort, moduleInputs: ModuleInput[]): Promise<void> {
  await Promise.all(moduleInputs.map((m, i) => assertExperts(deps, m.expertUserIds ?? [], `body.modules.${i}.expertUserIds`)));
  assertSessionDates(
    cohort,
    moduleInputs.flatMap((m, i) => (m.sessions ?? []).map((s, j) => ({ date: s.date, path: `body.modules.${i}.sessions.${j}.date` }))),
  );
}

/**
 * Creates the cohort of a season from its essaimés: the cohort and its modules first (one transaction, which
 * also reserves the season: a second cohort is refused before anything is written), then the sessions and
 * one progress item per essaimé, each with its audit entry.
 */
export async function createCohort(deps: Deps, actor: Principal, seasonId: string, input: CreateCohortInput): Promise<CreatedCohort> {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  if (await getCohortIdOfSeason(deps.db, seasonId)) throw conflict('COHORT_EXISTS', 'This season already has its cohort');
  const essaimes = await listAllEssaimesOfSeason(deps.db, seasonId);
  if (essaimes.length === 0) throw unprocessable('NO_ESSAIMES', 'The season has no selected structure (essaimé) yet');

  const now = deps.now().toISOString();
  const cohort = newCohort(seasonId, season.name, input, essaimes.length, now);
  const { cohortId } = cohort;
  const moduleInputs: ModuleInput[] = input.modules ?? defaultAxesOrder.map((axis) => ({ axis }));
  await assertModuleInputs(deps, cohort, moduleInputs);
  const modules = moduleInputs.map((m, index) => newModule(cohortId, m, index, now));
  const sessions = moduleInputs
    .flatMap((m, i) => (m.sessions ?? []).map((s) => newSession(cohortId, modules[i]!.moduleId, s, now)))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  const groups: Group[] = [
    {
      writes: createCohortWrites(deps.db, cohort, modules),
      audit: [
        { action: 'cohort.created', entityType: 'cohort', entityId: cohortId, changes: { ...cohort, moduleIds: modules.map((m) => m.moduleId) } },
        ...modules.map((m) => ({ action: 'module.created', entityType: 'module', entityId: m.moduleId, changes: { cohortId, axis: m.axis, title: m.title, expertUserIds: m.expertUserIds } })),
      ],
    },
    ...sessions.map((s) => ({
      writes: [createSessionWrite(deps.db, s)],
      audit: [{ action: 'session.created', entityType: 'session', entityId: s.sessionId, changes: { cohortId, moduleId: s.moduleId, date: s.date, startTime: s.startTime, durationMinutes: s.durationMinutes, mode: s.mode, place: s.place } }],
    })),
    ...essaimes.map((e) => ({
      writes: [createProgressWrite(deps.db, newProgress(cohort, e, now))],
      audit: [{ action: 'training.enrolled', entityType: 'essaime', entityId: e.essaimeId, changes: { cohortId } }],
    })),
  ];
  await commitGroups(deps.db, actorOf(actor), groups, deps.now, { gate: true });
  logger.info('Cohort created', { cohortId, modules: modules.length, sessions: sessions.length, essaimes: essaimes.length });
  return { ...cohort, modules: modules.map((m) => moduleView(m, sessions)), sessions: sessions.map(sessionView), essaimeIds: essaimes.map((e) => e.essaimeId) };
}

export async function readCohort(deps: Deps, principal: Principal, cohortId: string): Promise<CohortView> {
  const { cohort, modules, sessions } = await loadProgramme(deps, cohortId);
  await assertCohortVisible(deps, principal, cohort, modules);
  return { ...cohort, modules: modules.map((m) => moduleView(m, sessions)) };
}

export async function readCohortOfSeason(deps: Deps, principal: Principal, seasonId: string): Promise<CohortView> {
  const cohortId = await getCohortIdOfSeason(deps.db, seasonId);
  if (!cohortId) throw notFound('Cohort');
  return readCohort(deps, principal, cohortId);
}

export function listAllCohorts(deps: Deps, page: PageQuery): Promise<Page<Cohort>> {
  return listCohorts(deps.db, page);
}

export async function updateModule(deps: Deps, actor: Principal, cohortId: string, moduleId: string, input: z.output<typeof updateModuleBody>): Promise<TrainingModule> {
  const current = await getModule(deps.db, cohortId, moduleId);
  if (!current) throw notFound('Module');
  if (input.expertUserIds) await assertExperts(deps, input.expertUserIds, 'body.expertUserIds');
  const { expectedVersion, ...changes } = input;
  const next: TrainingModule = { ...current, ...changes, version: expectedVersion + 1, updatedAt: deps.now().toISOString() };
  await commit(deps.db, actorOf(actor), [updateModuleWrite(deps.db, next, expectedVersion)], [
    { action: 'module.updated', entityType: 'module', entityId: moduleId, changes },
  ], deps.now());
  return next;
}
