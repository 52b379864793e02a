import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryAll, queryPage, type Page, type PageQuery } from '../db/pagination';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { putMembershipWrite } from '../identity/repository';
import { type Essaime, type Participant } from './schemas';

/**
 * Essaimé keys. An essaimé and its participants share a partition, so "the essaimé with its people" is one
 * Query. Season and structure lists go through gsi1 and gsi2.
 */
export const essaimeKeys = {
  essaime: (essaimeId: string) => ({ pk: `ESSAIME#${essaimeId}`, sk: 'ESSAIME' }),
  participant: (essaimeId: string, participantId: string) => ({ pk: `ESSAIME#${essaimeId}`, sk: `PARTICIPANT#${participantId}` }),
  bySeason: (seasonId: string) => `SEASON#${seasonId}#ESSAIMES`,
  byStructure: (structureId: string) => `STRUCTURE#${structureId}#ESSAIMES`,
  /** One essaimé per structure and season. */
  uniqueness: (seasonId: string, structureId: string) => ({ pk: `ESSAIMEUNIQUE#${seasonId}#${structureId}`, sk: 'UNIQUE' }),
};

const strip = ({ pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, type: _g, ...rest }: Record<string, unknown>) => rest;
export const toEssaime = (item: Record<string, unknown>) => strip(item) as unknown as Essaime;
export const toParticipant = (item: Record<string, unknown>) => strip(item) as unknown as Participant;

export function essaimeItem(essaime: Essaime): Record<string, unknown> {
  return {
    ...essaimeKeys.essaime(essaime.essaimeId),
    gsi1pk: essaimeKeys.bySeason(essaime.seasonId),
    gsi1sk: `${essaime.structureName.toLowerCase()}#${essaime.essaimeId}`,
    gsi2pk: essaimeKeys.byStructure(essaime.structureId),
    gsi2sk: `${essaime.createdAt}#${essaime.essaimeId}`,
    type: 'Essaime',
    ...essaime,
  };
}

export function participantItem(participant: Participant): Record<string, unknown> {
  return { ...essaimeKeys.participant(participant.essaimeId, participant.participantId), type: 'Participant', ...participant };
}

/**
 * Writes that create an essaimé with its first participants and give its referent the referent role on the
 * structure. Selection (calls module) puts them in the same transaction as the decision.
 */
export function createEssaimeWrites(db: Db, essaime: Essaime, participants: Participant[], since: string): Write[] {
  return [
    {
      item: {
        Put: {
          TableName: db.tableName,
          Item: { ...essaimeKeys.uniqueness(essaime.seasonId, essaime.structureId), type: 'EssaimeUnique', essaimeId: essaime.essaimeId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: conflict('ESSAIME_EXISTS', 'This structure is already an essaimé of the season'),
    },
    { item: { Put: { TableName: db.tableName, Item: essaimeItem(essaime), ConditionExpression: 'attribute_not_exists(pk)' } } },
    ...participants.map((p) => ({ item: { Put: { TableName: db.tableName, Item: participantItem(p) } } })),
    referentMembershipWrite(db, essaime, since),
  ];
}

/** The referent may already be referent of the structure (a former season); then the membership stays as is. */
function referentMembershipWrite(db: Db, essaime: Essaime, since: string): Write {
  const write = putMembershipWrite(db, {
    userId: essaime.referentUserId,
    structureId: essaime.structureId,
    structureName: essaime.structureName,
    relation: 'referent',
    since,
  });
  const put = write.item.Put!;
  return {
    item: {
      Update: {
        TableName: put.TableName,
        Key: { pk: put.Item!.pk, sk: put.Item!.sk },
        UpdateExpression:
          'SET gsi1pk = if_not_exists(gsi1pk, :g1), gsi1sk = if_not_exists(gsi1sk, :g1s), #type = :type, userId = :u, structureId = :s, structureName = :n, relation = :r, since = if_not_exists(since, :since)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':g1': put.Item!.gsi1pk,
          ':g1s': put.Item!.gsi1sk,
          ':type': 'Membership',
          ':u': essaime.referentUserId,
          ':s': essaime.structureId,
          ':n': essaime.structureName,
          ':r': 'referent',
          ':since': since,
        },
      },
    },
  };
}

export async function getEssaime(db: Db, essaimeId: string): Promise<Essaime | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: essaimeKeys.essaime(essaimeId) }));
  return out.Item ? toEssaime(out.Item) : undefined;
}

/** The essaimé and all its participants (current and replaced), one Query. */
export async function getEssaimeWithParticipants(db: Db, essaimeId: string): Promise<{ essaime?: Essaime; participants: Participant[] }> {
  const items = await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `ESSAIME#${essaimeId}` } });
  const head = items.find((i) => i.sk === 'ESSAIME');
  return {
    essaime: head ? toEssaime(head) : undefined,
    participants: items.filter((i) => i.type === 'Participant').map(toParticipant),
  };
}

/** Essaimés of a season, by structure name. */
export function listEssaimesBySeason(db: Db, seasonId: string, page: PageQuery): Promise<Page<Essaime>> {
  return queryPage(
    db,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': essaimeKeys.bySeason(seasonId) } },
    page,
    toEssaime,
  );
}

/** All essaimés of a season (a season has 5 to 10; bounded). */
export async function listAllEssaimesOfSeason(db: Db, seasonId: string): Promise<Essaime[]> {
  const items = await queryAll(db, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': essaimeKeys.bySeason(seasonId) } });
  return items.map(toEssaime);
}

/** The essaimés of one structure across seasons, newest first. */
export async function listEssaimesOfStructure(db: Db, structureId: string): Promise<Essaime[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': essaimeKeys.byStructure(structureId) },
    ScanIndexForward: false,
  });
  return items.map(toEssaime);
}
