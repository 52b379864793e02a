import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../access/principal';
import { assertStructureAccess } from '../access/policy';
import type { Db } from '../db/client';
import { commit, type Write } from '../db/transact';
import { conflict, notFound } from '../errors';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { markParticipantInactiveWrite, trainingKeys } from '../training/repository';
import { essaimeKeys, getEssaimeWithParticipants, participantItem } from './repository';
import { MAX_ACTIVE_PARTICIPANTS, type Essaime, type Participant, type ParticipantInput } from './schemas';

/**
 * The people of an essaimé who follow the formation-action: at most three active at a time. The limit holds
 * under concurrent requests because every change of the active count is a conditional update of the
 * essaimé item's `activeParticipantCount`, in the same transaction as the participant item and the audit.
 * A replacement keeps history: the person replaced stays, inactive, with `until` and `replacedBy`.
 */

export const participantLimitError = () =>
  conflict('PARTICIPANT_LIMIT', `An essaimé has at most ${MAX_ACTIVE_PARTICIPANTS} active participants; replace one instead`, [
    { path: 'body', message: `Already ${MAX_ACTIVE_PARTICIPANTS} active participants` },
  ]);

/** +1 or -1 on the active count, bounded by the condition; the version moves so whole-item saves cannot lose it. */
function activeCountWrite(db: Db, essaimeId: string, change: 1 | -1): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: essaimeKeys.essaime(essaimeId),
        UpdateExpression: 'SET activeParticipantCount = activeParticipantCount + :change, version = version + :one',
        ConditionExpression: change === 1 ? 'attribute_exists(pk) AND activeParticipantCount < :max' : 'attribute_exists(pk) AND activeParticipantCount > :zero',
        ExpressionAttributeValues: change === 1 ? { ':change': 1, ':one': 1, ':max': MAX_ACTIVE_PARTICIPANTS } : { ':change': -1, ':one': 1, ':zero': 0 },
      },
    },
    onConditionFailed: change === 1 ? participantLimitError() : conflict('CONFLICT', 'The essaimé changed meanwhile; reload and retry'),
  };
}

function newParticipantPut(db: Db, participant: Participant): Write {
  return { item: { Put: { TableName: db.tableName, Item: participantItem(participant), ConditionExpression: 'attribute_not_exists(pk)' } } };
}

/** The participant leaves: inactive from now, optionally replaced; fails if someone else changed it first. */
function leaveWrite(db: Db, participant: Participant, until: string, replacedBy: string | null): Write {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: essaimeKeys.participant(participant.essaimeId, participant.participantId),
        UpdateExpression: 'SET active = :false, #until = :until, replacedBy = :by',
        ConditionExpression: 'attribute_exists(pk) AND active = :true',
        ExpressionAttributeNames: { '#until': 'until' },
        ExpressionAttributeValues: { ':false': false, ':true': true, ':until': until, ':by': replacedBy },
      },
    },
    onConditionFailed: conflict('PARTICIPANT_NOT_ACTIVE', 'This participant is no longer active'),
  };
}

async function hasTrainingProgress(db: Db, essaimeId: string): Promise<boolean> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: trainingKeys.progress(essaimeId), ProjectionExpression: 'pk' }));
  return out.Item !== undefined;
}

async function loadForChange(deps: Deps, principal: Principal, essaimeId: string): Promise<{ essaime: Essaime; participants: Participant[] }> {
  const { essaime, participants } = await getEssaimeWithParticipants(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureAccess(principal, essaime.structureId, 'Essaimé');
  return { essaime, participants };
}

function assertNotAlreadyActive(participants: Participant[], email: string): void {
  if (participants.some((p) => p.active && p.email.toLowerCase() === email.toLowerCase())) {
    throw conflict('PARTICIPANT_ALREADY_ACTIVE', 'This person already follows the training for this essaimé', [{ path: 'body.email', message: 'Already an active participant' }]);
  }
}

function buildParticipant(essaime: Essaime, input: ParticipantInput, since: string): Participant {
  return {
    ...input,
    participantId: newId('participant'),
    essaimeId: essaime.essaimeId,
    structureId: essaime.structureId,
    active: true,
    since,
    until: null,
    replacedBy: null,
  };
}

/** Adds a participant; a fourth active one is refused with PARTICIPANT_LIMIT (409). */
export async function addParticipant(deps: Deps, principal: Principal, essaimeId: string, input: ParticipantInput): Promise<Participant> {
  const { essaime, participants } = await loadForChange(deps, principal, essaimeId);
  if (essaime.activeParticipantCount >= MAX_ACTIVE_PARTICIPANTS) throw participantLimitError();
  assertNotAlreadyActive(participants, input.email);
  const participant = buildParticipant(essaime, input, deps.now().toISOString());
  await commit(
    deps.db,
    principal,
    [activeCountWrite(deps.db, essaimeId, 1), newParticipantPut(deps.db, participant)],
    [
      { action: 'participant.added', entityType: 'participant', entityId: participant.participantId, changes: { essaimeId, name: participant.name, role: participant.role } },
      { action: 'essaime.participant-added', entityType: 'essaime', entityId: essaimeId, changes: { participantId: participant.participantId } },
    ],
    deps.now(),
  );
  return participant;
}

/** Replaces an active participant by a new person: the count stays, the person replaced keeps their history. */
export async function replaceParticipant(deps: Deps, principal: Principal, essaimeId: string, participantId: string, input: ParticipantInput): Promise<{ replaced: Participant; participant: Participant }> {
  const { essaime, participants } = await loadForChange(deps, principal, essaimeId);
  const current = participants.find((p) => p.participantId === participantId);
  if (!current) throw notFound('Participant');
  if (!current.active) throw conflict('PARTICIPANT_NOT_ACTIVE', 'This participant is no longer active');
  assertNotAlreadyActive(participants.filter((p) => p.participantId !== participantId), input.email);
  const now = deps.now().toISOString();
  const participant = buildParticipant(essaime, input, now);
  const replaced: Participant = { ...current, active: false, until: now, replacedBy: participant.participantId };
  const training = (await hasTrainingProgress(deps.db, essaimeId)) ? [markParticipantInactiveWrite(deps.db, essaimeId, participantId)] : [];
  await commit(
    deps.db,
    principal,
    [leaveWrite(deps.db, current, now, participant.participantId), newParticipantPut(deps.db, participant), ...training],
    [
      { action: 'participant.replaced', entityType: 'participant', entityId: participantId, changes: { essaimeId, replacedBy: participant.participantId, until: now } },
      { action: 'participant.added', entityType: 'participant', entityId: participant.participantId, changes: { essaimeId, name: participant.name, role: participant.role, replaces: participantId } },
      { action: 'essaime.participant-replaced', entityType: 'essaime', entityId: essaimeId, changes: { participantId, replacedBy: participant.participantId } },
    ],
    deps.now(),
  );
  return { replaced, participant };
}

/** A participant leaves without replacement (the place frees up). */
export async function withdrawParticipant(deps: Deps, principal: Principal, essaimeId: string, participantId: string, reason: string): Promise<Participant> {
  const { participants } = await loadForChange(deps, principal, essaimeId);
  const current = participants.find((p) => p.participantId === participantId);
  if (!current) throw notFound('Participant');
  if (!current.active) throw conflict('PARTICIPANT_NOT_ACTIVE', 'This participant is no longer active');
  const now = deps.now().toISOString();
  const training = (await hasTrainingProgress(deps.db, essaimeId)) ? [markParticipantInactiveWrite(deps.db, essaimeId, participantId)] : [];
  await commit(
    deps.db,
    principal,
    [leaveWrite(deps.db, current, now, null), activeCountWrite(deps.db, essaimeId, -1), ...training],
    [
      { action: 'participant.withdrawn', entityType: 'participant', entityId: participantId, changes: { essaimeId, until: now, reason } },
      { action: 'essaime.participant-withdrawn', entityType: 'essaime', entityId: essaimeId, changes: { participantId } },
    ],
    deps.now(),
  );
  return { ...current, active: false, until: now };
}
