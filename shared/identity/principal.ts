import { roleFromClaims, subjectFromClaims, type JwtClaims, type Principal } from '../access/principal';
import { forbidden, unauthorized } from '../errors';
import type { Db } from '../db/client';
import { loadUser, type Membership, type UserProfile } from './repository';

export interface Me {
  principal: Principal;
  profile?: UserProfile;
  memberships: Membership[];
}

/**
 * Builds the caller's principal: identity and role from the verified claims, structures from data.
 * A referent's structures are those they are the referent of; a tutor's, those assigned to them.
 */
export async function resolveCaller(db: Db, claims: JwtClaims | undefined): Promise<Me> {
  if (!claims) throw unauthorized();
  const userId = subjectFromClaims(claims);
  if (!userId) throw unauthorized('The token has no subject');
  const role = roleFromClaims(claims);
  if (!role) throw forbidden('NO_ROLE', 'Your account has no role in the programme');
  const { profile, memberships } = await loadUser(db, userId);
  const relation = role === 'referent' ? 'referent' : role === 'tutor' ? 'tutor' : undefined;
  const own = relation ? memberships.filter((m) => m.relation === relation) : [];
  return {
    principal: { userId, role, structureIds: own.map((m) => m.structureId) },
    profile,
    memberships: own,
  };
}
