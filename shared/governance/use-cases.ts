import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { parisDay } from '../calendar';
import { callEntity } from '../calls/entities';
import { listCalls } from '../calls/repository';
import type { Call } from '../calls/schemas';
import type { Page, PageQuery } from '../db/pagination';
import { personRefWriteFor } from '../db/person-refs';
import { commit, type AuditEntry, type Write } from '../db/transact';
import { conflict, notFound, unprocessable } from '../errors';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { putVersioned } from '../db/store';
import { seasonEntity } from '../seasons/entities';
import { getSeason } from '../seasons/repository';
import type { Season } from '../seasons/schemas';
import type { ActionPlan, SeasonGovernance } from './action-plan-schemas';
import { defaultDecisionText, hypothesesDecisionRefusal, indicatorsDecisionRefusal, meetingDateRefusal } from './committee-rules';
import { meetingEntity } from './entities';
import {
  getActionPlan,
  getSeasonGovernance,
  listMeetingsOfSeason,
  putMeetingWrite,
  putSeasonGovernanceWrite,
  validateActionPlanWrite,
} from './repository';
import { type Decision, type Meeting, type recordMeetingBody, steeringBodyLabels } from './schemas';

type MeetingInput = z.output<typeof recordMeetingBody>;

/** Every call of a season (a season has one call, rarely a few: bounded), drafts included. */
async function callsOfSeason(deps: Deps, seasonId: string): Promise<Call[]> {
  const calls: Call[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCalls(deps.db, { limit: 100, cursor }, { seasonId, includeDrafts: true });
    calls.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return calls;
}

/** A draft call stays as read (still a draft, same hypotheses) until the meeting lands. */
function draftCallUnchangedCheck(deps: Deps, call: Call): Write {
  return {
    item: {
      ConditionCheck: {
        TableName: deps.db.tableName,
        Key: callEntity.key({ callId: call.callId }),
        ConditionExpression: '#status = :draft AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':draft': 'draft', ':version': call.version },
      },
    },
    onConditionFailed: conflict('CONFLICT', `The call ${call.callId} changed meanwhile; reload and retry`),
  };
}

interface Applied {
  decisions: Decision[];
  writes: Write[];
  audit: AuditEntry[];
}

/**
 * Applies the typed decisions of a meeting: checks each against the season as read, and returns the writes
 * that make them so, each conditioned on what was read (season, calls, governance item, action plans).
 */
async function applyDecisions(deps: Deps, season: Season, meetingId: string, input: MeetingInput): Promise<Applied> {
  const out: Applied = { decisions: [], writes: [], audit: [] };
  const typed = input.decisions.some((d) => d.type === 'choose-hypotheses' || d.type === 'validate-indicators');
  const governance = typed ? await getSeasonGovernance(deps.db, season.seasonId) : undefined;
  let nextGovernance: SeasonGovernance = governance ?? { seasonId: season.seasonId, hypotheses: null, indicators: null, version: 0 };
  const chooseIndex = input.decisions.findIndex((d) => d.type === 'choose-hypotheses');
  for (const [index, decision] of input.decisions.entries()) {
    switch (decision.type) {
      case 'note':
        out.decisions.push(decision);
        break;
      case 'choose-hypotheses': {
        const calls = await callsOfSeason(deps, season.seasonId);
        const refusal = hypothesesDecisionRefusal(input.body, index, decision.hypotheses, calls);
        if (refusal) throw refusal;
        const hypotheses = [...decision.hypotheses].sort();
        const next: Season = { ...season, hypotheses, version: season.version + 1, updatedAt: deps.now().toISOString() };
        out.writes.push(
          putVersioned(deps.db, seasonEntity, next, season.version, conflict('CONFLICT', 'The season changed meanwhile; reload and retry')),
          ...calls.map((c) => draftCallUnchangedCheck(deps, c)),
        );
        nextGovernance = { ...nextGovernance, hypotheses: { hypotheses, meetingId, date: input.date } };
        out.decisions.push({ type: decision.type, hypotheses, text: decision.text ?? defaultDecisionText(decision) });
        out.audit.push({ action: 'season.hypotheses-chosen', entityType: 'season', entityId: season.seasonId, changes: { from: season.hypotheses, to: hypotheses, meetingId } });
        break;
      }
      case 'validate-indicators': {
        const refusal = indicatorsDecisionRefusal(index, Boolean(governance?.hypotheses) || (chooseIndex >= 0 && chooseIndex < index));
        if (refusal) throw refusal;
        nextGovernance = { ...nextGovernance, indicators: { indicators: decision.indicators, meetingId, date: input.date } };
        out.decisions.push({ type: decision.type, indicators: decision.indicators, text: decision.text ?? defaultDecisionText(decision) });
        out.audit.push({ action: 'season.indicators-validated', entityType: 'season', entityId: season.seasonId, changes: { indicators: decision.indicators.length, meetingId } });
        break;
      }
      case 'validate-action-plan': {
        const plan = await getActionPlan(deps.db, decision.essaimeId, decision.year);
        if (!plan || plan.seasonId !== season.seasonId) {
          throw unprocessable('ACTION_PLAN_MISSING', 'No action plan of this essaimé of the season for this year', [
            { path: `body.decisions.${index}.essaimeId`, message: `No ${decision.year} action plan for this essaimé in the season` },
          ]);
        }
        if (plan.status === 'validated') {
          throw conflict('ACTION_PLAN_ALREADY_VALIDATED', 'This version of the action plan is already validated', [
            { path: `body.decisions.${index}.essaimeId`, message: `Validated on ${plan.validation?.date}` },
          ]);
        }
        const next: ActionPlan = { ...plan, status: 'validated', validation: { meetingId, date: input.date }, version: plan.version + 1, updatedAt: deps.now().toISOString() };
        out.writes.push(validateActionPlanWrite(deps.db, next, plan.version));
        out.decisions.push({
          type: decision.type,
          essaimeId: plan.essaimeId,
          year: plan.year,
          structureName: plan.structureName,
          planVersion: plan.version,
          text: decision.text ?? defaultDecisionText(decision, plan.structureName),
        });
        out.audit.push({ action: 'action-plan.validated', entityType: 'essaime', entityId: plan.essaimeId, changes: { year: plan.year, planVersion: plan.version, meetingId } });
        break;
      }
    }
  }
  if (typed) out.writes.push(putSeasonGovernanceWrite(deps.db, { ...nextGovernance, version: (governance?.version ?? 0) + 1 }, governance?.version ?? 0));
  return out;
}

/**
 * A meeting of the tight steering body or of the governance committee, linked to its season. Its typed
 * decisions apply to the season in the same transaction as the meeting: the hypotheses chosen become the
 * season's, the indicators validated its result indicators, the action plans named become validated; any
 * refusal writes nothing. Members with an account are indexed as personal data of theirs, so their export
 * and erasure find the meeting.
 */
export async function recordMeeting(deps: Deps, principal: Principal, seasonId: string, input: MeetingInput): Promise<Meeting> {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  const dateRefusal = meetingDateRefusal(input.date, parisDay(deps.now()));
  if (dateRefusal) throw dateRefusal;
  const meetingId = newId('meeting');
  const applied = await applyDecisions(deps, season, meetingId, input);
  const meeting: Meeting = {
    meetingId,
    seasonId,
    body: input.body,
    date: input.date,
    title: input.title ?? `${steeringBodyLabels[input.body]} du ${input.date}`,
    membersPresent: input.membersPresent,
    decisions: applied.decisions,
    notes: input.notes ?? null,
    recordedBy: principal.userId,
    recordedAt: deps.now().toISOString(),
  };
  const userIds = [...new Set(input.membersPresent.flatMap((m) => (m.userId ? [m.userId] : [])))];
  await commit(
    deps.db,
    principal,
    [
      putMeetingWrite(deps.db, meeting),
      ...applied.writes,
      ...userIds.map((id) => personRefWriteFor(deps.db, { kind: 'user', id }, meetingEntity, { meetingId: meeting.meetingId })),
    ],
    // Names stay out of the audit trail: it records the body, the date, how many attended and the decision types.
    [
      {
        action: 'meeting.recorded',
        entityType: 'meeting',
        entityId: meeting.meetingId,
        changes: { seasonId, body: meeting.body, date: meeting.date, attendees: meeting.membersPresent.length, decisions: meeting.decisions.map((d) => d.type) },
      },
      ...applied.audit,
    ],
    deps.now(),
  );
  return meeting;
}

export async function listMeetings(deps: Deps, seasonId: string, page: PageQuery): Promise<Page<Meeting>> {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  return listMeetingsOfSeason(deps.db, seasonId, page);
}
