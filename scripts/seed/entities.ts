import * as z from 'zod/mini';
import { defineEntity } from '../../shared/db/entity';
import { seedMarker } from '../../shared/db/entities/seed';

export const seedMarkerEntity = defineEntity(seedMarker, z.object({ name: z.string(), at: z.string() }));
