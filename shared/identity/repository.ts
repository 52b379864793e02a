import { getManyOf } from '../db/batch';
import type { Db } from '../db/client';
import { staticPrefix } from '../db/entity';
import { membership } from '../db/entities/identity';
import { deleteOne, getOne, putItem, putNew, queryAllMixed, queryAllOf, valuesOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { membershipEntity, userProfileEntity } from './entities';
import type { Membership, UserProfile } from './schemas';

export type { Membership, Relation, UserProfile } from './schemas';

/** Keys of a user's items, for modules that list what a person's partition holds (personal-data export). */
export const userKeys = {
  profile: (userId: string) => userProfileEntity.key({ userId }),
  membership: (userId: string, structureId: string) => membershipEntity.key({ userId, structureId }),
};

/** Creates or replaces a profile (seeding, sign-up, erasure keeps its own write). */
export function putProfileWrite(db: Db, profile: UserProfile): Write {
  return putItem(db, userProfileEntity, profile);
}

/** Adds a membership; a user cannot be tied twice to the same structure. */
export function putMembershipWrite(db: Db, value: Membership): Write {
  return putNew(db, membershipEntity, value, conflict('CONFLICT', 'This user is already tied to this structure'));
}

export function deleteMembershipWrite(db: Db, userId: string, structureId: string): Write {
  return deleteOne(db, membershipEntity, { userId, structureId }, {
    expression: 'attribute_exists(pk)',
    onFailed: conflict('CONFLICT', 'The membership changed meanwhile; reload and retry'),
  });
}

/** Profile and memberships of a user: one Query on the user's partition. */
export async function loadUser(db: Db, userId: string): Promise<{ profile?: UserProfile; memberships: Membership[] }> {
  const found = await queryAllMixed(db, [userProfileEntity, membershipEntity], { pk: userProfileEntity.partition('table', { userId }) });
  return {
    profile: valuesOf(found, userProfileEntity)[0],
    memberships: valuesOf(found, membershipEntity),
  };
}

export function getProfile(db: Db, userId: string): Promise<UserProfile | undefined> {
  return getOne(db, userProfileEntity, { userId });
}

/**
 * The display names of several people in one BatchGetItem (answers name people, never show their ids). A
 * person without a profile (erased, system) is absent from the map.
 */
export async function displayNamesOf(db: Db, userIds: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const ids = [...new Set([...userIds].filter((id): id is string => Boolean(id)))];
  const profiles = ids.length ? await getManyOf(db, userProfileEntity, ids.map((userId) => ({ userId }))) : [];
  return new Map(profiles.map((p) => [p.userId, p.displayName]));
}

/** Members (referents, tutors) of one structure, through the structure index. */
export function listStructureMembers(db: Db, structureId: string): Promise<Membership[]> {
  return queryAllOf(db, membershipEntity, {
    index: 'gsi1',
    pk: membershipEntity.partition('gsi1', { structureId }),
    skPrefix: staticPrefix(membership.indexes.gsi1.sk),
  });
}
