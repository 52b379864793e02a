import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import type { Page, PageQuery } from '../db/pagination';
import { putNew, queryPageOf } from '../db/store';
import { commit } from '../db/transact';
import { unprocessable } from '../errors';
import { getEssaime } from '../essaimes/repository';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { requireStage } from './context';
import { interviewEntity } from './entities';
import { personalDataFindings } from './rules';
import type { Interview, recordInterviewBody } from './study-schemas';

/**
 * Stage 1 rests on phone interviews with the essaimés: staff log each one with its date, the role of the
 * person interviewed and notes. The log names no one: a role, never a name, and notes without contact details.
 */
export async function recordInterview(deps: Deps, principal: Principal, stageId: string, input: z.output<typeof recordInterviewBody>): Promise<Interview> {
  const stage = await requireStage(deps, stageId);
  const essaime = await getEssaime(deps.db, input.essaimeId);
  if (!essaime || essaime.seasonId !== stage.seasonId) {
    throw unprocessable('UNKNOWN_ESSAIME', 'Not an essaimé of the season of this stage', [{ path: 'body.essaimeId', message: 'Not an essaimé of the season of this stage' }]);
  }
  const findings = personalDataFindings({ notes: input.notes }, 'body');
  if (findings.length) throw unprocessable('PERSONAL_DATA_IN_NOTES', 'Remove email addresses and phone numbers from the notes', findings);
  const now = deps.now();
  const interview: Interview = {
    interviewId: newId('interview'),
    stageId,
    seasonId: stage.seasonId,
    essaimeId: essaime.essaimeId,
    structureName: essaime.structureName,
    interviewedOn: input.interviewedOn,
    personRole: input.personRole,
    notes: input.notes,
    recordedBy: principal.userId,
    recordedAt: now.toISOString(),
  };
  await commit(deps.db, principal, [putNew(deps.db, interviewEntity, interview)], [
    { action: 'interview.recorded', entityType: 'stage', entityId: stageId, changes: { interviewId: interview.interviewId, essaimeId: essaime.essaimeId, interviewedOn: input.interviewedOn, personRole: input.personRole } },
  ], now);
  return interview;
}

/** A stage's interviews, most recent first. */
export async function listInterviews(deps: Deps, stageId: string, page: PageQuery): Promise<Page<Interview>> {
  await requireStage(deps, stageId);
  return queryPageOf(deps.db, interviewEntity, { pk: interviewEntity.partition('table', { stageId }), skPrefix: 'INTERVIEW#', descending: true }, page);
}
