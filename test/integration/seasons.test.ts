import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/access/principal';
import { listAuditForEntity } from '../../shared/db/audit';
import type { Db } from '../../shared/db/client';
import { DomainError } from '../../shared/errors';
import { listSeasons } from '../../shared/seasons/repository';
import { createSeason, readSeason, updateSeason } from '../../shared/seasons/use-cases';
import { createTestDb, snapshotTable, testDeps } from '../support/db';

const staff: Principal = { userId: 'staff-1', role: 'staff', structureIds: [] };
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.doc.destroy());

const input = (year: number) => ({ name: `Saison ${year}`, year, startDate: `${year}-09-01`, endDate: `${year + 1}-12-31` });

describe('seasons on DynamoDB Local', () => {
  it('creates a season and its audit entry in one transaction', async () => {
    const season = await createSeason(testDeps(db), staff, input(2019));
    expect(await readSeason(testDeps(db), season.seasonId)).toEqual(season);
    const audit = await listAuditForEntity(db, 'season', season.seasonId, { limit: 10 });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorId: 'staff-1', actorRole: 'staff', action: 'season.created' });
  });

  it('lets only one of many concurrent creations claim a year (conditional write in a transaction)', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => createSeason(testDeps(db), staff, input(2020))));
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(DomainError);
      expect(['SEASON_YEAR_TAKEN', 'TRANSACTION_CONFLICT']).toContain((failure.reason as DomainError).code);
    }
    const page = await listSeasons(db, { limit: 100 });
    expect(page.items.filter((s) => s.year === 2020)).toHaveLength(1);
  });

  it('refuses a stale save (optimistic locking) and leaves the table unchanged', async () => {
    const season = await createSeason(testDeps(db), staff, input(2021));
    const saved = await updateSeason(testDeps(db), staff, season.seasonId, { expectedVersion: 1, name: 'Saison 2021 renommée' });
    expect(saved.version).toBe(2);
    const before = await snapshotTable(db);
    await expect(updateSeason(testDeps(db), staff, season.seasonId, { expectedVersion: 1, name: 'Écrasement' })).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
    expect(await snapshotTable(db)).toEqual(before);
  });

  it('paginates seasons through the index, newest year first', async () => {
    const first = await listSeasons(db, { limit: 2 });
    expect(first.items.map((s) => s.year)).toEqual([2021, 2020]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listSeasons(db, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((s) => s.year)).toEqual([2019]);
  });
});
