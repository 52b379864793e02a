import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryPage, type Page, type PageQuery } from '../db/pagination';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import type { Season } from './schemas';

export const seasonKeys = {
  season: (seasonId: string) => ({ pk: `SEASON#${seasonId}`, sk: 'SEASON' }),
  yearLock: (year: number) => ({ pk: `SEASONYEAR#${year}`, sk: 'UNIQUE' }),
};

function toSeason(item: Record<string, unknown>): Season {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, type: _t, ...season } = item;
  return season as Season;
}

/** Creating a season reserves its year, so two seasons cannot claim the same year even when created at once. */
export function createSeasonWrites(db: Db, season: Season): Write[] {
  return [
    {
      item: {
        Put: {
          TableName: db.tableName,
          Item: { ...seasonKeys.yearLock(season.year), type: 'SeasonYear', seasonId: season.seasonId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: conflict('SEASON_YEAR_TAKEN', `A season already exists for ${season.year}`, [
        { path: 'body.year', message: 'Already used by another season' },
      ]),
    },
    {
      item: {
        Put: {
          TableName: db.tableName,
          Item: {
            ...seasonKeys.season(season.seasonId),
            gsi1pk: 'SEASONS',
            gsi1sk: `${season.year}#${season.seasonId}`,
            type: 'Season',
            ...season,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
  ];
}

/** Optimistic locking: the write only lands if nobody saved since `expectedVersion` was read. */
export function updateSeasonWrite(db: Db, next: Season, expectedVersion: number): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: { ...seasonKeys.season(next.seasonId), gsi1pk: 'SEASONS', gsi1sk: `${next.year}#${next.seasonId}`, type: 'Season', ...next },
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    },
    onConditionFailed: conflict('STALE_VERSION', 'The season was changed by someone else; reload it and retry', [
      { path: 'body.expectedVersion', message: 'Not the current version' },
    ]),
  };
}

export async function getSeason(db: Db, seasonId: string): Promise<Season | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: seasonKeys.season(seasonId) }));
  return out.Item ? toSeason(out.Item) : undefined;
}

/** Seasons, most recent year first. */
export function listSeasons(db: Db, page: PageQuery): Promise<Page<Season>> {
  return queryPage(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'SEASONS' },
      ScanIndexForward: false,
    },
    page,
    toSeason,
  );
}
