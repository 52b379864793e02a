import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { assertStructureVisible } from '../access/policy';
import { parisDay } from '../calendar';
import type { Page, PageQuery } from '../db/pagination';
import { personRefWriteFor } from '../db/person-refs';
import { commit } from '../db/transact';
import { conflict, notFound } from '../errors';
import { getEssaime, listAllEssaimesOfSeason } from '../essaimes/repository';
import type { Essaime } from '../essaimes/schemas';
import type { Deps } from '../runtime';
import { getSeason } from '../seasons/repository';
import { steeringBodies } from './schemas';
import type { ActionPlan, putActionPlanBody, SeasonGovernanceView } from './action-plan-schemas';
import { committeeStatus } from './committee-rules';
import { actionPlanEntity } from './entities';
import {
  getActionPlan,
  getSeasonGovernance,
  listActionPlansOfEssaime,
  listActionPlansOfSeasonYear,
  listAllMeetingsOfSeason,
  putActionPlanWrite,
} from './repository';

/**
 * The essaimés' yearly action plans (AFPA agreements: drawn up each year, followed by two named referents,
 * one per party, validated by the steering committee) and the season's governance page.
 */

async function essaimeFor(deps: Deps, principal: Principal, essaimeId: string): Promise<Essaime> {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureVisible(principal, essaime.structureId, 'Essaimé');
  return essaime;
}

/**
 * Staff or the structure's referent write the plan of a year: created at version 0, then revised at the
 * version read. A revision of a validated plan makes it a draft again: the committee validates what it saw.
 */
export async function putActionPlan(deps: Deps, principal: Principal, essaimeId: string, year: number, input: z.output<typeof putActionPlanBody>): Promise<ActionPlan> {
  const essaime = await essaimeFor(deps, principal, essaimeId);
  const current = await getActionPlan(deps.db, essaimeId, year);
  if ((current?.version ?? 0) !== input.expectedVersion) {
    throw conflict('STALE_VERSION', 'The action plan was changed by someone else; reload it and retry', [
      { path: 'body.expectedVersion', message: `The current version is ${current?.version ?? 0}` },
    ]);
  }
  const plan: ActionPlan = {
    essaimeId,
    seasonId: essaime.seasonId,
    structureId: essaime.structureId,
    structureName: essaime.structureName,
    year,
    referents: input.referents,
    actions: input.actions,
    status: 'draft',
    validation: null,
    updatedAt: deps.now().toISOString(),
    version: input.expectedVersion + 1,
  };
  const userIds = [...new Set([input.referents.structure.userId, input.referents.programme.userId].filter((id): id is string => Boolean(id)))];
  await commit(
    deps.db,
    principal,
    [putActionPlanWrite(deps.db, plan, input.expectedVersion), ...userIds.map((id) => personRefWriteFor(deps.db, { kind: 'user', id }, actionPlanEntity, { essaimeId, year }))],
    // The referents' names stay out of the audit trail.
    [{ action: current ? 'action-plan.revised' : 'action-plan.created', entityType: 'essaime', entityId: essaimeId, changes: { year, version: plan.version, actions: plan.actions.length, wasValidated: current?.status === 'validated' } }],
    deps.now(),
  );
  return plan;
}

export async function listActionPlans(deps: Deps, principal: Principal, essaimeId: string, page: PageQuery): Promise<Page<ActionPlan>> {
  await essaimeFor(deps, principal, essaimeId);
  return listActionPlansOfEssaime(deps.db, essaimeId, page);
}

/**
 * The season's governance for staff: each body's yearly meeting (on time, due or late), the hypotheses and
 * indicators in force (with the meeting that decided them), and the state of each essaimé's plan for the year.
 */
export async function readSeasonGovernance(deps: Deps, seasonId: string, year?: number): Promise<SeasonGovernanceView> {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  const today = parisDay(deps.now());
  const planYear = year ?? Number(today.slice(0, 4));
  const [meetings, governance, essaimes, plans] = await Promise.all([
    listAllMeetingsOfSeason(deps.db, seasonId),
    getSeasonGovernance(deps.db, seasonId),
    listAllEssaimesOfSeason(deps.db, seasonId),
    listActionPlansOfSeasonYear(deps.db, seasonId, planYear),
  ]);
  const planOf = new Map(plans.map((p) => [p.essaimeId, p]));
  return {
    seasonId,
    today,
    committees: steeringBodies.map((body) =>
      committeeStatus(
        body,
        meetings.filter((m) => m.body === body).map((m) => m.date),
        season.startDate,
        today,
      ),
    ),
    hypotheses: governance?.hypotheses ?? null,
    indicators: governance?.indicators ?? null,
    seasonHypotheses: season.hypotheses,
    year: planYear,
    actionPlans: essaimes
      .map((e) => {
        const plan = planOf.get(e.essaimeId);
        return { essaimeId: e.essaimeId, structureName: e.structureName, status: plan?.status ?? ('missing' as const), version: plan?.version ?? null };
      })
      .sort((a, b) => a.structureName.localeCompare(b.structureName, 'fr')),
  };
}
