import { roleFromClaims, subjectFromClaims, type JwtClaims, type Principal, type Role } from '../access/principal';
import { forbidden, unauthorized } from '../errors';
import type { Db } from '../db/client';
import { loadUser } from './repository';
import type { Membership, Relation, UserProfile } from './schemas';

export interface Me {
  principal: Principal;
  profile?: UserProfile;
  memberships: Membership[];
}

/** Which memberships give a role its structures (staff are tied to none: they see all). */
const relationOfRole: Record<Role, Relation | undefined> = { referent: 'referent', tutor: 'tutor', staff: undefined };

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
  const relation = relationOfRole[role];
  const own = relation ? memberships.filter((m) => m.relation === relation) : [];
  return {
    principal: { userId, role, structureIds: own.map((m) => m.structureId) },
    profile,
    memberships: own,
  };
}
