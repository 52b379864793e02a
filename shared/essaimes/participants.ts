import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import { deleteOne, getOne, putItem, putNew, updateOne } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { newId } from '../ids';
import { activeParticipantEmailEntity, essaimeEntity, participantEntity } from './entities';
import { MAX_ACTIVE_PARTICIPANTS, type Essaime, type Participant, type ParticipantInput } from './schemas';

/**
 * The people of an essaimé who follow the formation-action: at most three active at a time. The limit holds
 * under concurrent requests because every change of the active count is a conditional update of the
 * essaimé item's `activeParticipantCount`, in the same transaction as the participant item and the audit.
 * A replacement keeps history: the person replaced stays, inactive, with `until` and `replacedBy`.
 * One person (one e-mail) is active once per essaimé for the same reason: each active participant holds a
 * uniqueness item keyed on the essaimé and the normalised e-mail, put (if absent) with the participant and
 * deleted when they leave, in the same transactions.
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

const alreadyActiveError = () =>
  conflict('PARTICIPANT_ALREADY_ACTIVE', 'This person already follows the training for this essaimé', [{ path: 'body.email', message: 'Already an active participant' }]);

/** The same person whatever the case or surrounding spaces of the e-mail typed; hashed so no e-mail is in a key. */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/** Reserves the person's e-mail in the essaimé for this participant: refused while another active one holds it. */
export function claimEmailWrite(db: Db, participant: Participant): Write {
  return putNew(
    db,
    activeParticipantEmailEntity,
    { essaimeId: participant.essaimeId, emailHash: emailHash(participant.email), participantId: participant.participantId },
    alreadyActiveError(),
  );
}

/**
 * Frees the e-mail of a participant who leaves. Participants added before uniqueness items existed hold
 * none (nothing to delete); the delete is conditioned on the holder, so it never frees another's claim.
 */
export async function releaseEmailWrites(db: Db, participant: Participant): Promise<Write[]> {
  const key = { essaimeId: participant.essaimeId, emailHash: emailHash(participant.email) };
  const held = await getOne(db, activeParticipantEmailEntity, key, true);
  if (held?.participantId !== participant.participantId) return [];
  return [
    deleteOne(db, activeParticipantEmailEntity, key, {
      expression: 'participantId = :participantId',
      values: { ':participantId': participant.participantId },
      onFailed: participantNotActiveError(),
    }),
  ];
}

/**
 * Erasure: the claim made from the person's e-mail (its hash is personal data) goes; an active participant
 * keeps one claim, on the anonymous address that replaces the e-mail.
 */
export async function eraseEmailClaimWrites(db: Db, erased: Participant, anonymousEmail: string): Promise<Write[]> {
  const released = await releaseEmailWrites(db, erased);
  if (released.length === 0) return [];
  return [...released, claimEmailWrite(db, { ...erased, email: anonymousEmail })];
}

/** A replacement by the same person (a corrected name or role): the claim passes to the new participant record. */
export function passEmailWrite(db: Db, from: Participant, to: Participant): Write {
  return putItem(
    db,
    activeParticipantEmailEntity,
    { essaimeId: to.essaimeId, emailHash: emailHash(to.email), participantId: to.participantId },
    {
      expression: 'attribute_not_exists(pk) OR participantId = :from',
      values: { ':from': from.participantId },
      onFailed: alreadyActiveError(),
    },
  );
}

/** Whether two e-mails name the same person (same uniqueness item). */
export const sameEmail = (a: string, b: string) => emailHash(a) === emailHash(b);

export function assertNotAlreadyActive(participants: Participant[], email: string): void {
  if (participants.some((p) => p.active && sameEmail(p.email, email))) throw alreadyActiveError();
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
