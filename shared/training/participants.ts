import type { Principal } from '../access/principal';
import { assertStructureVisible } from '../access/policy';
import { withRetry } from '../db/retry';
import { commit, type Write } from '../db/transact';
import {
  activeCountWrite,
  assertNotAlreadyActive,
  buildParticipant,
  claimEmailWrite,
  leaveWrite,
  newParticipantWrite,
  participantLimitError,
  participantNotActiveError,
  passEmailWrite,
  releaseEmailWrites,
  sameEmail,
} from '../essaimes/participants';
import { getEssaimeWithParticipants } from '../essaimes/repository';
import { MAX_ACTIVE_PARTICIPANTS, type Essaime, type Participant, type ParticipantInput } from '../essaimes/schemas';
import { notFound } from '../errors';
import type { Deps } from '../runtime';
import { getProgress, markParticipantInactiveWrite } from './progress-repository';

/**
 * The participants who follow the training (at most three active per essaimé). The essaimé's own writes come
 * from shared/essaimes/participants.ts; a person who leaves also stops raising training warnings, written on
 * the essaimé's progress item in the same transaction when the essaimé follows a cohort.
 */

async function loadForChange(deps: Deps, principal: Principal, essaimeId: string): Promise<{ essaime: Essaime; participants: Participant[] }> {
  const { essaime, participants } = await getEssaimeWithParticipants(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureVisible(principal, essaime.structureId, 'Essaimé');
  return { essaime, participants };
}

function activeParticipant(participants: Participant[], participantId: string): Participant {
  const current = participants.find((p) => p.participantId === participantId);
  if (!current) throw notFound('Participant');
  if (!current.active) throw participantNotActiveError();
  return current;
}

/** Marks the person inactive in the training too, if the essaimé follows one. */
async function trainingLeaveWrites(deps: Deps, essaimeId: string, participantId: string): Promise<Write[]> {
  return (await getProgress(deps.db, essaimeId)) ? [markParticipantInactiveWrite(deps.db, essaimeId, participantId)] : [];
}

/** Adds a participant; a fourth active one is refused with PARTICIPANT_LIMIT (409), a person already active with PARTICIPANT_ALREADY_ACTIVE. */
export async function addParticipant(deps: Deps, principal: Principal, essaimeId: string, input: ParticipantInput): Promise<Participant> {
  const { essaime, participants } = await loadForChange(deps, principal, essaimeId);
  if (essaime.activeParticipantCount >= MAX_ACTIVE_PARTICIPANTS) throw participantLimitError();
  assertNotAlreadyActive(participants, input.email);
  const participant = buildParticipant(essaime, input, deps.now().toISOString());
  // parallel adds meet on the essaimé's counter: a collided transaction is sent again, its conditions decide
  await withRetry(() =>
    commit(
      deps.db,
      principal,
      [activeCountWrite(deps.db, essaimeId, 1), newParticipantWrite(deps.db, participant), claimEmailWrite(deps.db, participant)],
      [
        { action: 'participant.added', entityType: 'participant', entityId: participant.participantId, changes: { essaimeId, name: participant.name, role: participant.role } },
        { action: 'essaime.participant-added', entityType: 'essaime', entityId: essaimeId, changes: { participantId: participant.participantId } },
      ],
      deps.now(),
    ),
  );
  return participant;
}

/** Replaces an active participant by a new person: the count stays, the person replaced keeps their history. */
export async function replaceParticipant(deps: Deps, principal: Principal, essaimeId: string, participantId: string, input: ParticipantInput): Promise<{ replaced: Participant; participant: Participant }> {
  const { essaime, participants } = await loadForChange(deps, principal, essaimeId);
  const current = activeParticipant(participants, participantId);
  assertNotAlreadyActive(participants.filter((p) => p.participantId !== participantId), input.email);
  const now = deps.now().toISOString();
  const participant = buildParticipant(essaime, input, now);
  const replaced: Participant = { ...current, active: false, until: now, replacedBy: participant.participantId };
  const emailWrites = sameEmail(current.email, participant.email)
    ? [passEmailWrite(deps.db, current, participant)]
    : [...(await releaseEmailWrites(deps.db, current)), claimEmailWrite(deps.db, participant)];
  await commit(
    deps.db,
    principal,
    [leaveWrite(deps.db, current, now, participant.participantId), newParticipantWrite(deps.db, participant), ...emailWrites, ...(await trainingLeaveWrites(deps, essaimeId, participantId))],
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
  const current = activeParticipant(participants, participantId);
  const now = deps.now().toISOString();
  await commit(
    deps.db,
    principal,
    [leaveWrite(deps.db, current, now, null), activeCountWrite(deps.db, essaimeId, -1), ...(await releaseEmailWrites(deps.db, current)), ...(await trainingLeaveWrites(deps, essaimeId, participantId))],
    [
      { action: 'participant.withdrawn', entityType: 'participant', entityId: participantId, changes: { essaimeId, until: now, reason } },
      { action: 'essaime.participant-withdrawn', entityType: 'essaime', entityId: essaimeId, changes: { participantId } },
    ],
    deps.now(),
  );
  return { ...current, active: false, until: now };
}
