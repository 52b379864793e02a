import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { assertStructureVisible, canAccessStructure } from '../access/policy';
import { parisDay } from '../calendar';
import { commit } from '../db/transact';
import { conflict, notFound, unprocessable } from '../errors';
import { getEssaime } from '../essaimes/repository';
import type { Essaime } from '../essaimes/schemas';
import { getStage } from '../evaluation/repository';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { getCheckpoint, isAcorLead, listEssaimeGovernance, putAtDateWrite, putCheckpointWrite } from './fidelity-repository';
import { historyOrder, trendPerPrinciple } from './fidelity-rules';
import type { assessFidelityBody, EssaimeFidelityView, FidelityAssessment, recordFidelityAssessmentBody } from './fidelity-schemas';

/**
 * The essaimé, if the caller may see its fidelity: staff, its referent, its assigned tutor, and the A.CO.R.
 * lead (who labels every essaimé). Anyone else gets 404, as for any record they cannot see.
 */
export async function essaimeForFidelity(deps: Deps, principal: Principal, essaimeId: string, leadMaySee: boolean): Promise<Essaime> {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  if (leadMaySee && principal.role === 'tutor' && !canAccessStructure(principal, essaime.structureId) && (await isAcorLead(deps.db, principal.userId))) return essaime;
  assertStructureVisible(principal, essaime.structureId, 'Essaimé');
  return essaime;
}

function levelsOf(input: { principles: { principle: string; level: string }[] }) {
  return Object.fromEntries(input.principles.map((p) => [p.principle, p.level]));
}

/**
 * A stage checkpoint: the assigned tutor (or staff, for A.CO.R.) assesses fidelity on an evaluation stage.
 * One per stage, revised with optimistic locking.
 */
export async function assessFidelity(deps: Deps, principal: Principal, essaimeId: string, stageId: string, input: z.output<typeof assessFidelityBody>): Promise<FidelityAssessment> {
  const essaime = await essaimeForFidelity(deps, principal, essaimeId, false);
  const stage = await getStage(deps.db, stageId);
  if (!stage || stage.seasonId !== essaime.seasonId) throw notFound('Stage');
  const current = await getCheckpoint(deps.db, essaimeId, stageId);
  if ((current?.version ?? 0) !== input.expectedVersion) {
    throw conflict('STALE_VERSION', 'The assessment was saved by someone else meanwhile; reload it and retry', [
      { path: 'body.expectedVersion', message: `The current version is ${current?.version ?? 0}` },
    ]);
  }
  const now = deps.now();
  const assessment: FidelityAssessment = {
    assessmentId: stageId,
    kind: 'checkpoint',
    essaimeId,
    stageId,
    structureId: essaime.structureId,
    assessedOn: parisDay(now),
    principles: input.principles,
    summary: input.summary ?? null,
    assessedBy: principal.userId,
    assessedAt: now.toISOString(),
    version: input.expectedVersion + 1,
  };
  await commit(deps.db, principal, [putCheckpointWrite(deps.db, assessment, input.expectedVersion)], [
    { action: 'fidelity.assessed', entityType: 'essaime', entityId: essaimeId, changes: { stageId, version: assessment.version, levels: levelsOf(input) } },
  ], now);
  return assessment;
}

/**
 * An assessment at any date by the tutor assigned to the essaimé: the study wants A.CO.R. able to check
 * fidelity to the four principles at any time. Kept as a history; never on a day still to come.
 */
export async function recordFidelityAssessment(deps: Deps, principal: Principal, essaimeId: string, input: z.output<typeof recordFidelityAssessmentBody>): Promise<FidelityAssessment> {
  const essaime = await essaimeForFidelity(deps, principal, essaimeId, false);
  const now = deps.now();
  const today = parisDay(now);
  const assessedOn = input.assessedOn ?? today;
  if (assessedOn > today) {
    throw unprocessable('ASSESSMENT_IN_FUTURE', 'Fidelity cannot be assessed on a day still to come', [{ path: 'body.assessedOn', message: `At the latest ${today}` }]);
  }
  const assessment: FidelityAssessment = {
    assessmentId: newId('fidelityAssessment'),
    kind: 'at-date',
    essaimeId,
    stageId: null,
    structureId: essaime.structureId,
    assessedOn,
    principles: input.principles,
    summary: input.summary ?? null,
    assessedBy: principal.userId,
    assessedAt: now.toISOString(),
    version: 1,
  };
  await commit(deps.db, principal, [putAtDateWrite(deps.db, assessment)], [
    { action: 'fidelity.assessed', entityType: 'essaime', entityId: essaimeId, changes: { assessmentId: assessment.assessmentId, assessedOn, levels: levelsOf(input) } },
  ], now);
  return assessment;
}

export async function readEssaimeGovernance(deps: Deps, principal: Principal, essaimeId: string): Promise<EssaimeFidelityView> {
  const essaime = await essaimeForFidelity(deps, principal, essaimeId, true);
  const [{ assessments, labelDecisions }, lead] = await Promise.all([
    listEssaimeGovernance(deps.db, essaimeId),
    principal.role === 'tutor' ? isAcorLead(deps.db, principal.userId) : Promise.resolve(false),
  ]);
  const history = historyOrder(assessments);
  return {
    essaimeId,
    structureName: essaime.structureName,
    assessments: history,
    trend: trendPerPrinciple(history),
    labelDecisions,
    currentLabel: labelDecisions.at(-1) ?? null,
    canAssess: principal.role === 'tutor' && canAccessStructure(principal, essaime.structureId),
    canDecideLabel: lead,
  };
}
