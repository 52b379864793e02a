import type { Db } from '../db/client';
import type { Page, PageQuery } from '../db/pagination';
import { getOne, putItem, putNew, queryAllMixed, queryAllOf, queryPageOf, updateOne, valuesOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { membershipEntity } from '../identity/entities';
import type { Membership } from '../identity/schemas';
import { essaimeEntity, essaimeUniqueEntity, participantEntity } from './entities';
import { claimEmailWrite, sameEmail } from './participants';
import type { Essaime, Need, Participant } from './schemas';

/**
 * Essaimés (keys in shared/db/entities/essaimes.ts). An essaimé and its participants share a partition, so
 * "the essaimé with its people" is one Query. Season and structure lists go through gsi1 and gsi2.
 */

/** The partition of an essaimé and its participants: the personal-data export reads it as stored. */
export const essaimePartition = (essaimeId: string): string => essaimeEntity.partition('table', { essaimeId });

/** A participant's own record (personal-data export and erasure). */
export const participantKey = (essaimeId: string, participantId: string) => participantEntity.key({ essaimeId, participantId });

/**
 * Writes that create an essaimé with its first participants and give its referent the referent role on the
 * structure. Selection (calls module) puts them in the same transaction as the decision.
 */
export function createEssaimeWrites(db: Db, essaime: Essaime, participants: Participant[], since: string): Write[] {
  return [
    putNew(
      db,
      essaimeUniqueEntity,
      { seasonId: essaime.seasonId, structureId: essaime.structureId, essaimeId: essaime.essaimeId },
      conflict('ESSAIME_EXISTS', 'This structure is already an essaimé of the season'),
    ),
    putNew(db, essaimeEntity, essaime),
    ...participants.map((p) => putItem(db, participantEntity, p)),
    // one claim per person: a transaction cannot write one item twice
    ...participants.filter((p, i) => participants.findIndex((q) => sameEmail(q.email, p.email)) === i).map((p) => claimEmailWrite(db, p)),
    referentMembershipWrite(db, essaime, since),
  ];
}

/**
 * The referent may already be referent of the structure (a former season); then the membership stays as is.
 * A put-if-absent that identity should offer (ensureMembershipWrite); meanwhile built on its entity.
 */
function referentMembershipWrite(db: Db, essaime: Essaime, since: string): Write {
  const membership: Membership = { userId: essaime.referentUserId, structureId: essaime.structureId, structureName: essaime.structureName, relation: 'referent', since };
  const item = membershipEntity.toItem(membership);
  return updateOne(db, membershipEntity, { userId: membership.userId, structureId: membership.structureId }, {
    expression:
      'SET gsi1pk = if_not_exists(gsi1pk, :g1), gsi1sk = if_not_exists(gsi1sk, :g1s), #type = :type, userId = :u, structureId = :s, structureName = :n, relation = :r, since = if_not_exists(since, :since)',
    names: { '#type': 'type' },
    values: {
      ':g1': item.gsi1pk,
      ':g1s': item.gsi1sk,
      ':type': item.type,
      ':u': membership.userId,
      ':s': membership.structureId,
      ':n': membership.structureName,
      ':r': membership.relation,
      ':since': since,
    },
  });
}

/** The essaimé's declared needs (decided in tutoring), at the version the caller read. */
export function essaimeNeedsWrite(db: Db, essaimeId: string, needs: Need[], expectedVersion: number): Write {
  return updateOne(db, essaimeEntity, { essaimeId }, {
    expression: 'SET needs = :needs, #version = :next',
    condition: 'attribute_exists(pk) AND #version = :expected',
    names: { '#version': 'version' },
    values: { ':needs': needs, ':next': expectedVersion + 1, ':expected': expectedVersion },
    onFailed: conflict('STALE_VERSION', 'The essaimé was changed by someone else; reload it and retry', [{ path: 'body.expectedVersion', message: 'Not the current version' }]),
  });
}

/** Sets the essaimé's tutor (decided in tutoring) only if it is still the one read (null = none): two staff cannot both assign. */
export function essaimeTutorWrite(db: Db, essaimeId: string, from: string | null, to: string | null): Write {
  return updateOne(db, essaimeEntity, { essaimeId }, {
    expression: 'SET tutorUserId = :to, #version = #version + :one',
    condition:
      from === null
        ? 'attribute_exists(pk) AND (attribute_not_exists(tutorUserId) OR attribute_type(tutorUserId, :nullType))'
        : 'attribute_exists(pk) AND tutorUserId = :from',
    names: { '#version': 'version' },
    values: { ':to': to, ':one': 1, ...(from === null ? { ':nullType': 'NULL' } : { ':from': from }) },
    onFailed: conflict('ESSAIME_TUTOR_CHANGED', "The essaimé's tutor was changed meanwhile; reload and retry"),
  });
}

export function getEssaime(db: Db, essaimeId: string): Promise<Essaime | undefined> {
  return getOne(db, essaimeEntity, { essaimeId });
}

/** Whether the structure is already an essaimé of the season (its uniqueness item). */
export async function isEssaimeOfSeason(db: Db, seasonId: string, structureId: string): Promise<boolean> {
  return (await getOne(db, essaimeUniqueEntity, { seasonId, structureId })) !== undefined;
}

/** The essaimé and all its participants (current and replaced), one Query. */
export async function getEssaimeWithParticipants(db: Db, essaimeId: string): Promise<{ essaime?: Essaime; participants: Participant[] }> {
  const found = await queryAllMixed(db, [essaimeEntity, participantEntity], { pk: essaimePartition(essaimeId) });
  return {
    essaime: valuesOf(found, essaimeEntity)[0],
    participants: valuesOf(found, participantEntity),
  };
}

/** Essaimés of a season, by structure name. */
export function listEssaimesBySeason(db: Db, seasonId: string, page: PageQuery): Promise<Page<Essaime>> {
  return queryPageOf(db, essaimeEntity, { index: 'gsi1', pk: essaimeEntity.partition('gsi1', { seasonId }) }, page);
}

/** All essaimés of a season (a season has 5 to 10; bounded). */
export function listAllEssaimesOfSeason(db: Db, seasonId: string): Promise<Essaime[]> {
  return queryAllOf(db, essaimeEntity, { index: 'gsi1', pk: essaimeEntity.partition('gsi1', { seasonId }) });
}

/** The essaimés of one structure across seasons, newest first. */
export function listEssaimesOfStructure(db: Db, structureId: string): Promise<Essaime[]> {
  return queryAllOf(db, essaimeEntity, { index: 'gsi2', pk: essaimeEntity.partition('gsi2', { structureId }), descending: true });
}
