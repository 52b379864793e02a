import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { commit } from '../db/transact';
import { notFound } from '../errors';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { createSeasonWrites, getSeason, updateSeasonWrite } from './repository';
import type { createSeasonBody, Season, updateSeasonBody } from './schemas';

export async function createSeason(deps: Deps, actor: Principal, input: z.output<typeof createSeasonBody>): Promise<Season> {
  const now = deps.now().toISOString();
  const season: Season = {
    seasonId: newId('season'),
    name: input.name,
    year: input.year,
    startDate: input.startDate,
    endDate: input.endDate,
    hypotheses: input.hypotheses ?? ['A', 'B'],
    status: 'planning',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await commit(deps.db, actor, createSeasonWrites(deps.db, season), [
    { action: 'season.created', entityType: 'season', entityId: season.seasonId, changes: { ...season } },
  ], deps.now());
  return season;
}

export async function updateSeason(
  deps: Deps,
  actor: Principal,
  seasonId: string,
  input: z.output<typeof updateSeasonBody>,
): Promise<Season> {
  const current = await getSeason(deps.db, seasonId);
  if (!current) throw notFound('Season');
  const { expectedVersion, ...changes } = input;
  const next: Season = { ...current, ...changes, version: expectedVersion + 1, updatedAt: deps.now().toISOString() };
  await commit(deps.db, actor, [updateSeasonWrite(deps.db, next, expectedVersion)], [
    { action: 'season.updated', entityType: 'season', entityId: seasonId, changes },
  ], deps.now());
  return next;
}

export async function readSeason(deps: Deps, seasonId: string): Promise<Season> {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  return season;
}
