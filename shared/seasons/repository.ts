import type { Db } from '../db/client';
import type { Page, PageQuery } from '../db/pagination';
import { getOne, putNew, putVersioned, queryPageOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { seasonEntity, seasonYearEntity } from './entities';
import type { Season } from './schemas';

/** Creating a season reserves its year, so two seasons cannot claim the same year even when created at once. */
export function createSeasonWrites(db: Db, season: Season): Write[] {
  return [
    putNew(
      db,
      seasonYearEntity,
      { year: season.year, seasonId: season.seasonId },
      conflict('SEASON_YEAR_TAKEN', `A season already exists for ${season.year}`, [{ path: 'body.year', message: 'Already used by another season' }]),
    ),
    putNew(db, seasonEntity, season),
  ];
}

export function updateSeasonWrite(db: Db, next: Season, expectedVersion: number): Write {
  return putVersioned(db, seasonEntity, next, expectedVersion);
}

export function getSeason(db: Db, seasonId: string): Promise<Season | undefined> {
  return getOne(db, seasonEntity, { seasonId });
}

/** Seasons, most recent year first. */
export function listSeasons(db: Db, page: PageQuery): Promise<Page<Season>> {
  return queryPageOf(db, seasonEntity, { index: 'gsi1', pk: seasonEntity.partition('gsi1', {}), descending: true }, page);
}
