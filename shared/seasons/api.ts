import * as z from 'zod/mini';
import { roles } from '../access/principal';
import { pageOf, pageQuery } from '../db/pagination';
import { defineRoute } from '../http/route';
import { createSeasonBody, seasonIdSchema, seasonSchema, updateSeasonBody } from './schemas';

const seasonParams = z.strictObject({ seasonId: seasonIdSchema });

export const seasonsApi = {
  list: defineRoute({
    operationId: 'listSeasons',
    method: 'GET',
    path: '/seasons',
    summary: 'Programme seasons, most recent first',
    tag: 'seasons',
    access: roles,
    query: pageQuery,
    response: { status: 200, description: 'A page of seasons', schema: pageOf(seasonSchema) },
    errors: [],
  }),
  create: defineRoute({
    operationId: 'createSeason',
    method: 'POST',
    idempotent: true,
    path: '/seasons',
    summary: 'Create a programme season (one per year)',
    tag: 'seasons',
    access: ['staff'],
    body: createSeasonBody,
    response: { status: 201, description: 'The season', schema: seasonSchema },
    errors: ['SEASON_YEAR_TAKEN', 'TRANSACTION_CONFLICT'],
  }),
  get: defineRoute({
    operationId: 'getSeason',
    method: 'GET',
    path: '/seasons/{seasonId}',
    summary: 'One season',
    tag: 'seasons',
    access: roles,
    params: seasonParams,
    response: { status: 200, description: 'The season', schema: seasonSchema },
    errors: ['NOT_FOUND'],
  }),
  update: defineRoute({
    operationId: 'updateSeason',
    method: 'PATCH',
    path: '/seasons/{seasonId}',
    summary: 'Rename a season, record the hypotheses chosen, or change its status (optimistic locking)',
    tag: 'seasons',
    access: ['staff'],
    params: seasonParams,
    body: updateSeasonBody,
    response: { status: 200, description: 'The season', schema: seasonSchema },
    errors: ['NOT_FOUND', 'STALE_VERSION', 'TRANSACTION_CONFLICT'],
  }),
};
