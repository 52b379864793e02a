import type { Db } from '../../db/client';
import type { Page, PageQuery } from '../../db/pagination';
import { getOne, putNew, putVersioned, queryAllOf, queryPageOf } from '../../db/store';
import type { Write } from '../../db/transact';
import { conflict } from '../../errors';
import { guideEntryEntity } from '../entities';
import type { GuideEntryRecord, GuideStatus } from '../schemas';

/**
 * Guide entries are indexed by season and status (gsi1), sorted by axis, so the export reads one partition
 * already grouped in the programme's axis order.
 */

export function putGuideEntryWrite(db: Db, entry: GuideEntryRecord, expectedVersion: number | null): Write {
  const stale = conflict('STALE_VERSION', 'The guide entry was changed by someone else; reload it and retry', [
    { path: 'body.expectedVersion', message: 'Not the current version' },
  ]);
  return expectedVersion === null ? putNew(db, guideEntryEntity, entry, stale) : putVersioned(db, guideEntryEntity, entry, expectedVersion, stale);
}

export function getGuideEntry(db: Db, guideEntryId: string): Promise<GuideEntryRecord | undefined> {
  return getOne(db, guideEntryEntity, { guideEntryId }, true);
}

export const guideEntryKey = (guideEntryId: string) => guideEntryEntity.key({ guideEntryId });

const ofSeason = (seasonId: string, status: GuideStatus) => ({ index: 'gsi1' as const, pk: guideEntryEntity.partition('gsi1', { seasonId, status }) });

/** A season's guide entries in one status, grouped by axis (programme order), oldest first within an axis. */
export function listGuideEntries(db: Db, seasonId: string, status: GuideStatus, page: PageQuery): Promise<Page<GuideEntryRecord>> {
  return queryPageOf(db, guideEntryEntity, ofSeason(seasonId, status), page);
}

/** Every reviewed entry of a season, for the export (a season's guide holds tens to a few hundred entries). */
export function listAllReviewedGuideEntries(db: Db, seasonId: string): Promise<GuideEntryRecord[]> {
  return queryAllOf(db, guideEntryEntity, ofSeason(seasonId, 'reviewed'));
}
