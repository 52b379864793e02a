import type { Db } from '../db/client';
import { putNew, updateOne } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { newId } from '../ids';
import { essaimeEntity, participantEntity } from './entities';
import { MAX_ACTIVE_PARTICIPANTS, type Essaime, type Participant, type ParticipantInput } from './schemas';

/**
 * The people of an essaimé who follow the formation-action: at most three active at a time. The limit holds
 * under concurrent requests because every change of the active count is a conditional update of the
 * essaimé item's `activeParticipantCount`, in the same transaction as the participant item and the audit.
 * A replacement keeps history: the person replaced stays, inactive, with `until` and `replacedBy`.
 * These are the essaimé's own writes; the use cases that compose them (with the training's) live in
 * shared/training/participants.ts.
 */

export const participantLimitError = () =>
  conflict('PARTICIPANT_LIMIT', `An essaimé has at most ${MAX_ACTIVE_PARTICIPANTS} active participants; replace one instead`, [
    { path: 'body', message: `Already ${MAX_ACTIVE_PARTICIPANTS} active participants` },
  ]);

export const participantNotActiveError = () => conflict('PARTICIPANT_NOT_ACTIVE', 'This participant is no longer active');

/** +1 or -1 on the active count, bounded by the condition; the version moves so whole-item saves cannot lose it. */
export function activeCountWrite(db: Db, essaimeId: string, change: 1 | -1): Write {
  return updateOne(db, essaimeEntity, { essaimeId }, {
    expression: 'SET activeParticipantCount = activeParticipantCount + :change, version = version + :one',
    condition: change === 1 ? 'attribute_exists(pk) AND activeParticipantCount < :max' : 'attribute_exists(pk) AND activeParticipantCount > :zero',
    values: change === 1 ? { ':change': 1, ':one': 1, ':max': MAX_ACTIVE_PARTICIPANTS } : { ':change': -1, ':one': 1, ':zero': 0 },
    onFailed: change === 1 ? participantLimitError() : conflict('CONFLICT', 'The essaimé changed meanwhile; reload and retry'),
  });
}

export function newParticipantWrite(db: Db, participant: Participant): Write {
  return putNew(db, participantEntity, participant);
}

/** The participant leaves: inactive from now, optionally replaced; fails if someone else changed it first. */
export function leaveWrite(db: Db, participant: Participant, until: string, replacedBy: string | null): Write {
  return updateOne(db, participantEntity, { essaimeId: participant.essaimeId, participantId: participant.participantId }, {
    expression: 'SET active = :false, #until = :until, replacedBy = :by',
    condition: 'attribute_exists(pk) AND active = :true',
    names: { '#until': 'until' },
    values: { ':false': false, ':true': true, ':until': until, ':by': replacedBy },
    onFailed: participantNotActiveError(),
  });
}

export function assertNotAlreadyActive(participants: Participant[], email: string): void {
  if (participants.some((p) => p.active && p.email.toLowerCase() === email.toLowerCase())) {
    throw conflict('PARTICIPANT_ALREADY_ACTIVE', 'This person already follows the training for this essaimé', [{ path: 'body.email', message: 'Already an active participant' }]);
  }
}

export function buildParticipant(essaime: Essaime, input: ParticipantInput, since: string): Participant {
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
