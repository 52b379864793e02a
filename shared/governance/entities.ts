import * as z from 'zod/mini';
import { defineEntity } from '../db/entity';
import { actionPlan, seasonGovernance, steeringMeeting } from '../db/entities/governance';
import { actionPlanSchema, seasonGovernanceSchema } from './action-plan-schemas';
import { meetingSchema } from './schemas';

/** Meetings recorded before decisions were typed hold `{ text, hypotheses? }`: a note, or a choice of hypotheses. */
function withTypedDecisions(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { decisions?: unknown }).decisions)) return raw;
  const decisions = (raw as { decisions: Record<string, unknown>[] }).decisions.map((d) =>
    d && typeof d === 'object' && !('type' in d) ? (Array.isArray(d.hypotheses) ? { type: 'choose-hypotheses', ...d } : { type: 'note', ...d }) : d,
  );
  return { ...raw, decisions };
}

export const meetingEntity = defineEntity(steeringMeeting, z.pipe(z.transform(withTypedDecisions), meetingSchema));
export const seasonGovernanceEntity = defineEntity(seasonGovernance, seasonGovernanceSchema);
export const actionPlanEntity = defineEntity(actionPlan, actionPlanSchema);
