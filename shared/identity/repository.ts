import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryAll } from '../db/pagination';
import type { Write } from '../db/transact';
import type { Role } from '../access/principal';

/** How a user is tied to a structure: its referent, or the A.CO.R. tutor assigned to it. */
export type Relation = 'referent' | 'tutor';

export interface Membership {
  userId: string;
  structureId: string;
  structureName: string;
  relation: Relation;
  since: string;
}

export interface UserProfile {
  userId: string;
  role: Role;
  displayName: string;
  email: string;
  organisation: string;
}

export const userKeys = {
  profile: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  membership: (userId: string, structureId: string) => ({ pk: `USER#${userId}`, sk: `MEMBER#${structureId}` }),
};

export function putProfileWrite(db: Db, profile: UserProfile): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: {
          ...userKeys.profile(profile.userId),
          gsi1pk: `ROLE#${profile.role}`,
          gsi1sk: `USER#${profile.userId}`,
          type: 'UserProfile',
          ...profile,
        },
      },
    },
  };
}

/** Adds a membership; the condition keeps a user from being tied twice to the same structure. */
export function putMembershipWrite(db: Db, membership: Membership): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: {
          ...userKeys.membership(membership.userId, membership.structureId),
          gsi1pk: `STRUCTURE#${membership.structureId}`,
          gsi1sk: `MEMBER#${membership.relation}#${membership.userId}`,
          type: 'Membership',
          ...membership,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

export function deleteMembershipWrite(db: Db, userId: string, structureId: string): Write {
  return {
    item: {
      Delete: {
        TableName: db.tableName,
        Key: userKeys.membership(userId, structureId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
  };
}

/** Profile and memberships of a user: one Query on the user's partition. */
export async function loadUser(db: Db, userId: string): Promise<{ profile?: UserProfile; memberships: Membership[] }> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `USER#${userId}` },
  });
  const profileItem = items.find((i) => i.sk === 'PROFILE');
  const memberships = items
    .filter((i) => i.type === 'Membership')
    .map((i) => ({
      userId: i.userId as string,
      structureId: i.structureId as string,
      structureName: i.structureName as string,
      relation: i.relation as Relation,
      since: i.since as string,
    }));
  const profile = profileItem
    ? {
        userId: profileItem.userId as string,
        role: profileItem.role as Role,
        displayName: profileItem.displayName as string,
        email: profileItem.email as string,
        organisation: profileItem.organisation as string,
      }
    : undefined;
  return { profile, memberships };
}

export async function getProfile(db: Db, userId: string): Promise<UserProfile | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: userKeys.profile(userId) }));
  return out.Item as UserProfile | undefined;
}

/** Members (referents, tutors) of one structure, through the structure index. */
export async function listStructureMembers(db: Db, structureId: string): Promise<Membership[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :member)',
    ExpressionAttributeValues: { ':pk': `STRUCTURE#${structureId}`, ':member': 'MEMBER#' },
  });
  return items as unknown as Membership[];
}
