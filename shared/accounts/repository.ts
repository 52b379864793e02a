import type { Role } from '../access/principal';
import type { Db } from '../db/client';
import type { Page, PageQuery } from '../db/pagination';
import { deleteOne, getOne, putItem, putNew, queryPageOf, updateOne } from '../db/store';
import type { Write } from '../db/transact';
import { conflict, unprocessable } from '../errors';
import type { LocalCredential } from '../identity/account-schemas';
import { accountEmailEntity, delegateSlotEntity, localCredentialEntity, localInvitationEntity, membershipEntity, userProfileEntity } from '../identity/entities';
import type { Membership, UserProfile } from '../identity/schemas';
import { accountEmailHash } from './rules';

/**
 * The table's side of accounts (keys in shared/db/entities/identity.ts). Every invariant is a condition of
 * the write: one account per e-mail, one profile per user, one active delegate per structure, a role changed
 * from the role read, a deactivation of an active account.
 */

export function newProfileWrite(db: Db, profile: UserProfile): Write {
  return putNew(db, userProfileEntity, profile, conflict('CONFLICT', 'This user already has a profile'));
}

export function accountEmailWrite(db: Db, email: string, userId: string): Write {
  return putNew(db, accountEmailEntity, { emailHash: accountEmailHash(email), userId }, conflict('EMAIL_TAKEN', 'An account already exists with this e-mail address'));
}

export async function userIdOfEmail(db: Db, email: string): Promise<string | undefined> {
  return (await getOne(db, accountEmailEntity, { emailHash: accountEmailHash(email) }, true))?.userId;
}

export function newMembershipWrite(db: Db, membership: Membership): Write {
  return putNew(db, membershipEntity, membership, conflict('CONFLICT', 'This user is already tied to this structure'));
}

/** Takes the structure's one delegate slot: refused while another delegate is active (or invited). */
export function takeDelegateSlotWrite(db: Db, structureId: string, userId: string, since: string): Write {
  return putNew(db, delegateSlotEntity, { structureId, userId, since }, conflict('DELEGATE_EXISTS', 'This structure already has an active delegate'));
}

/** Frees the slot only if this user still holds it. */
export function releaseDelegateSlotWrite(db: Db, structureId: string, userId: string): Write {
  return deleteOne(db, delegateSlotEntity, { structureId }, {
    expression: 'userId = :u',
    values: { ':u': userId },
    onFailed: conflict('CONFLICT', 'The delegate of this structure changed meanwhile; reload and retry'),
  });
}

export function getDelegateSlot(db: Db, structureId: string) {
  return getOne(db, delegateSlotEntity, { structureId }, true);
}

/** The role moves only from the role read (and the users-by-role index with it). */
export function roleChangeWrite(db: Db, userId: string, from: Role, to: Role): Write {
  return updateOne(db, userProfileEntity, { userId }, {
    expression: 'SET #role = :to, gsi1pk = :g',
    condition: 'attribute_exists(pk) AND #role = :from',
    names: { '#role': 'role' },
    values: { ':to': to, ':from': from, ':g': userProfileEntity.partition('gsi1', { role: to }) },
    onFailed: conflict('CONFLICT', 'The user changed meanwhile; reload and retry'),
  });
}

export function deactivateWrite(db: Db, userId: string, at: string): Write {
  return updateOne(db, userProfileEntity, { userId }, {
    expression: 'SET deactivatedAt = :at',
    condition: 'attribute_exists(pk) AND attribute_not_exists(deactivatedAt)',
    values: { ':at': at },
    onFailed: conflict('ACCOUNT_ALREADY_DEACTIVATED', 'This account is already deactivated'),
  });
}

export function reactivateWrite(db: Db, userId: string): Write {
  return updateOne(db, userProfileEntity, { userId }, {
    expression: 'REMOVE deactivatedAt',
    condition: 'attribute_exists(deactivatedAt)',
    onFailed: conflict('ACCOUNT_ALREADY_ACTIVE', 'This account is already active'),
  });
}

/** Users of one role (the users-by-role index), a page at a time. */
export function listUsersOfRole(db: Db, role: Role, page: PageQuery): Promise<Page<UserProfile>> {
  return queryPageOf(db, userProfileEntity, { index: 'gsi1', pk: userProfileEntity.partition('gsi1', { role }) }, page);
}

// ------------------------------------------------------------------ local stand-in for Cognito (local runs)

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function putCredentialWrite(db: Db, credential: LocalCredential, expiresAt?: Date): Write {
  return putItem(db, localCredentialEntity, credential, undefined, expiresAt ? { expiresAt: epochSeconds(expiresAt) } : undefined);
}

/** A credential change made on the state read (a code checked, a password set): two attempts cannot both land. */
export function replaceCredentialWrite(db: Db, credential: LocalCredential, expected: LocalCredential['state'], failedCodes: number): Write {
  return putItem(db, localCredentialEntity, credential, {
    expression: '#state = :expected AND failedCodes = :failed',
    names: { '#state': 'state' },
    values: { ':expected': expected, ':failed': failedCodes },
    onFailed: conflict('CONFLICT', 'The account changed meanwhile; retry'),
  });
}

export function getCredential(db: Db, userId: string): Promise<LocalCredential | undefined> {
  return getOne(db, localCredentialEntity, { userId }, true);
}

export function putInvitationWrite(db: Db, tokenHash: string, userId: string, createdAt: Date, expiresAt: Date): Write {
  return putNew(db, localInvitationEntity, { tokenHash, userId, createdAt: createdAt.toISOString() }, undefined, { expiresAt: epochSeconds(expiresAt) });
}

export function getInvitation(db: Db, tokenHash: string) {
  return getOne(db, localInvitationEntity, { tokenHash }, true);
}

/** An invitation link works once: the activation deletes it under this condition. */
export function useInvitationWrite(db: Db, tokenHash: string): Write {
  return deleteOne(db, localInvitationEntity, { tokenHash }, {
    expression: 'attribute_exists(pk)',
    onFailed: unprocessable('INVITATION_INVALID', 'This invitation link is not valid or has expired'),
  });
}
