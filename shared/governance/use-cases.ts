import type { z } from 'zod';
import type { Principal } from '../access/principal';
import { assertStructureVisible } from '../access/policy';
import type { Page, PageQuery } from '../db/pagination';
import { personRefWriteFor } from '../db/person-refs';
import { commit } from '../db/transact';
import { conflict, notFound, unprocessable } from '../errors';
import { getEssaime } from '../essaimes/repository';
import type { Essaime } from '../essaimes/schemas';
import { getStage } from '../evaluation/repository';
import { newId } from '../ids';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { getSeason } from '../seasons/repository';
import { meetingEntity } from './entities';
import { getFidelity, listEssaimeGovernance, listMeetingsOfSeason, putFidelityWrite, putLabelDecisionWrite, putMeetingWrite } from './repository';
import {
  labelDecisionLabels,
  steeringBodyLabels,
  type assessFidelityBody,
  type EssaimeFidelityView,
  type FidelityAssessment,
  type LabelDecision,
  type Meeting,
  type recordLabelDecisionBody,
  type recordMeetingBody,
} from './schemas';

async function essaimeFor(deps: Deps, principal: Principal, essaimeId: string): Promise<Essaime> {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureVisible(principal, essaime.structureId, 'Essaimé');
  return essaime;
}

/**
 * The tutor assigned to the essaimé (or staff, for A.CO.R.) assesses fidelity to the four principles on a
 * stage: a level on the four-step scale and the evidence for each. One assessment per stage, revised with
 * optimistic locking. A tutor not assigned to the structure gets 404, as for any record they cannot see.
 */
export async function assessFidelity(deps: Deps, principal: Principal, essaimeId: string, stageId: string, input: z.output<typeof assessFidelityBody>): Promise<FidelityAssessment> {
  const essaime = await essaimeFor(deps, principal, essaimeId);
  const stage = await getStage(deps.db, stageId);
  if (!stage || stage.seasonId !== essaime.seasonId) throw notFound('Stage');
  const current = await getFidelity(deps.db, essaimeId, stageId);
  if ((current?.version ?? 0) !== input.expectedVersion) {
    throw conflict('STALE_VERSION', 'The assessment was saved by someone else meanwhile; reload it and retry', [
      { path: 'body.expectedVersion', message: `The current version is ${current?.version ?? 0}` },
    ]);
  }
  const assessment: FidelityAssessment = {
    essaimeId,
    stageId,
    structureId: essaime.structureId,
    principles: input.principles,
    summary: input.summary ?? null,
    assessedBy: principal.userId,
    assessedAt: deps.now().toISOString(),
    version: input.expectedVersion + 1,
  };
  await commit(deps.db, principal, [putFidelityWrite(deps.db, assessment, input.expectedVersion)], [
    { action: 'fidelity.assessed', entityType: 'essaime', entityId: essaimeId, changes: { stageId, version: assessment.version, levels: Object.fromEntries(input.principles.map((p) => [p.principle, p.level])) } },
  ], deps.now());
  return assessment;
}

export async function readEssaimeGovernance(deps: Deps, principal: Principal, essaimeId: string): Promise<EssaimeFidelityView> {
  const essaime = await essaimeFor(deps, principal, essaimeId);
  const { assessments, labelDecisions } = await listEssaimeGovernance(deps.db, essaimeId);
  return {
    essaimeId,
    structureName: essaime.structureName,
    assessments,
    labelDecisions,
    currentLabel: labelDecisions.at(-1) ?? null,
  };
}

/**
 * Staff record A.CO.R.'s label decision with its reasons. Labelling (fully or under conditions) needs at
 * least one fidelity assessment: A.CO.R. checks fidelity before it labels.
 */
export async function recordLabelDecision(deps: Deps, principal: Principal, essaimeId: string, input: z.output<typeof recordLabelDecisionBody>): Promise<LabelDecision> {
  const essaime = await essaimeFor(deps, principal, essaimeId);
  if (input.decision !== 'not-yet') {
    const { assessments } = await listEssaimeGovernance(deps.db, essaimeId);
    if (assessments.length === 0) {
      throw unprocessable('NO_FIDELITY_ASSESSMENT', 'Fidelity to the four principles must be assessed before labelling', [
        { path: 'body.decision', message: 'No fidelity assessment yet for this essaimé' },
      ]);
    }
  }
  if (input.decision === 'conditional' && !input.conditions?.length) {
    throw unprocessable('CONDITIONS_REQUIRED', 'A conditional label states its conditions', [{ path: 'body.conditions', message: 'At least one condition' }]);
  }
  const now = deps.now();
  const decision: LabelDecision = {
    labelDecisionId: newId('labelDecision'),
    essaimeId,
    structureId: essaime.structureId,
    decision: input.decision,
    reasons: input.reasons,
    conditions: input.conditions ?? [],
    decidedBy: principal.userId,
    decidedAt: now.toISOString(),
  };
  const message = newMessage(
    {
      dedupeKey: `label#${decision.labelDecisionId}`,
      kind: 'label-decision',
      recipientUserId: essaime.referentUserId,
      subject: `Décision de labellisation : ${labelDecisionLabels[decision.decision]}`,
      body: `Bonjour,\n\nA.CO.R. a rendu sa décision pour ${essaime.structureName} : ${labelDecisionLabels[decision.decision]}.\n\nMotifs :\n${decision.reasons.map((r) => `- ${r}`).join('\n')}${
        decision.conditions.length ? `\n\nConditions :\n${decision.conditions.map((c) => `- ${c}`).join('\n')}` : ''
      }`,
      related: { entityType: 'essaime', entityId: essaimeId },
    },
    now,
  );
  await commit(deps.db, principal, [putLabelDecisionWrite(deps.db, decision), outboxWrite(deps.db, message)], [
    { action: 'label.decided', entityType: 'essaime', entityId: essaimeId, changes: { labelDecisionId: decision.labelDecisionId, decision: decision.decision } },
  ], now);
  return decision;
}

/**
 * A meeting of the tight steering body or of the governance committee, linked to its season. Members with
 * an account are indexed as personal data of theirs, so their export and erasure find the meeting.
 */
export async function recordMeeting(deps: Deps, principal: Principal, seasonId: string, input: z.output<typeof recordMeetingBody>): Promise<Meeting> {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  const meeting: Meeting = {
    meetingId: newId('meeting'),
    seasonId,
    body: input.body,
    date: input.date,
    title: input.title ?? `${steeringBodyLabels[input.body]} du ${input.date}`,
    membersPresent: input.membersPresent,
    decisions: input.decisions,
    notes: input.notes ?? null,
    recordedBy: principal.userId,
    recordedAt: deps.now().toISOString(),
  };
  const userIds = [...new Set(input.membersPresent.flatMap((m) => (m.userId ? [m.userId] : [])))];
  await commit(
    deps.db,
    principal,
    [putMeetingWrite(deps.db, meeting), ...userIds.map((id) => personRefWriteFor(deps.db, { kind: 'user', id }, meetingEntity, { meetingId: meeting.meetingId }))],
    // Names stay out of the audit trail: it records the body, the date and how many attended.
    [{ action: 'meeting.recorded', entityType: 'meeting', entityId: meeting.meetingId, changes: { seasonId, body: meeting.body, date: meeting.date, attendees: meeting.membersPresent.length, decisions: meeting.decisions.length } }],
    deps.now(),
  );
  return meeting;
}

export async function listMeetings(deps: Deps, seasonId: string, page: PageQuery): Promise<Page<Meeting>> {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  return listMeetingsOfSeason(deps.db, seasonId, page);
}
