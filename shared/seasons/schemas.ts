import * as z from 'zod/mini';
import { idSchema } from '../ids';
import { version, year } from '../numbers';

export const hypothesisSchema = z.enum(['A', 'B']).check(z.describe('A: operator working for a public body; B: public body changing its own teams'));
export type Hypothesis = z.infer<typeof hypothesisSchema>;

export const isoDate = z.iso.date();

export const seasonIdSchema = idSchema('season');

export const seasonStatusSchema = z.enum(['planning', 'running', 'closed']);
export type SeasonStatus = z.infer<typeof seasonStatusSchema>;

export const createSeasonBody = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(3), z.maxLength(120)),
    year: year(),
    startDate: isoDate,
    endDate: isoDate,
    hypotheses: z.optional(z.array(hypothesisSchema).check(z.minLength(1), z.maxLength(2))),
  }).check(z.refine((s) => s.endDate > s.startDate, { path: ['endDate'], message: 'The end date must come after the start date' }));

export const updateSeasonBody = z.strictObject({
    expectedVersion: version(),
    name: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(120))),
    status: z.optional(seasonStatusSchema),
    hypotheses: z.optional(z.array(hypothesisSchema).check(z.minLength(1), z.maxLength(2))),
  });

export const seasonSchema = z.object({
  seasonId: seasonIdSchema,
  name: z.string(),
  year: z.number(),
  startDate: isoDate,
  endDate: isoDate,
  hypotheses: z.array(hypothesisSchema),
  status: seasonStatusSchema,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Season = z.infer<typeof seasonSchema>;
