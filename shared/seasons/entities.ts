import * as z from 'zod/mini';
import { defineEntity } from '../db/entity';
import { season, seasonYear } from '../db/entities/seasons';
import { seasonSchema } from './schemas';

export const seasonEntity = defineEntity(season, seasonSchema);
export const seasonYearEntity = defineEntity(seasonYear, z.object({ year: z.number(), seasonId: z.string() }));
