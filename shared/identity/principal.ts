import { roleFromClaims, subjectFromClaims, type JwtClaims, type Principal, type Role } from '../access/principal';
import { DomainError, forbidden, unauthorized } from '../errors';
import type { Db } from '../db/client';
import type { KeyBatch } from '../db/key-batch';
import { userProfileEntity } from './entities';
import { getProfile, loadUser } from './repository';
import type { Membership, Relation, UserProfile } from './schemas';

export interface Me {
  principal: Principal;
  profile?: UserProfile;
  memberships: Membership[];
}

/** Which memberships give a role its structures (staff are tied to none: they see all); a delegate acts as a referent. */
const relationsOfRole: Record<Role, readonly Relation[]> = { referent: ['referent', 'delegate'], tutor: ['tutor'], staff: [] };

/**
 * A profile that may act: present and not deactivated. An erased person keeps their access (erasure removes
 * their name and e-mail, not their account: shared/read-models/personal-data); staff deactivate it if need be.
 */
export const isActiveProfile = (profile: UserProfile | undefined): profile is UserProfile => !!profile && !profile.deactivatedAt;

/**
 * Builds the caller's principal: identity from the verified claims, role and structures from data.
 *
 * The profile is the source of truth, read on every request: a token is refused at once when its user has
 * no profile (never created: 403 NO_ACTIVE_PROFILE), was deactivated (403
 * ACCOUNT_DEACTIVATED), or when the token's group is not the profile's role (401 ROLE_CHANGED: the person
 * signs in again and gets a token with the new group). With `batch`, a staff token's profile (or that of a
 * role in `profileOnlyFor`, whose memberships are then left out) is read in the request's batch of key reads
 * (shared/db/key-batch.ts). A token lives up to an hour in AWS (12 h locally):
 * without this, a deactivated or demoted user would keep acting until it expires, and a Cognito user with
 * no profile would act with whatever group the token names.
 */
export async function resolveCaller(db: Db, claims: JwtClaims | undefined, batch?: KeyBatch, profileOnlyFor: readonly Role[] = []): Promise<Me> {
  if (!claims) throw unauthorized();
  const userId = subjectFromClaims(claims);
  if (!userId) throw unauthorized('The token has no subject');
  const tokenRole = roleFromClaims(claims);
  if (!tokenRole) throw forbidden('NO_ROLE', 'Your account has no role in the programme');
  // Staff are tied to no structure (nor are roles a route reads no structure of): their profile item alone
  // decides, one key read that can join the route's batch.
  const { profile, memberships } =
    tokenRole === 'staff' || profileOnlyFor.includes(tokenRole) ? { profile: await (batch ? batch.get(userProfileEntity, { userId }) : getProfile(db, userId)), memberships: [] as Membership[] } : await loadUser(db, userId);
  if (!profile) throw forbidden('NO_ACTIVE_PROFILE', 'Your account has no active profile in the programme');
  if (profile.deactivatedAt) throw forbidden('ACCOUNT_DEACTIVATED', 'This account has been deactivated by the programme team');
  if (profile.role !== tokenRole) throw new DomainError('ROLE_CHANGED', 'Your role changed: sign in again');
  const role = profile.role;
  const own = memberships.filter((m) => relationsOfRole[role].includes(m.relation));
  return {
    principal: { userId, role, structureIds: own.map((m) => m.structureId) },
    profile,
    memberships: own,
  };
}
