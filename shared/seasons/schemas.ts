import * as z from 'zod';
import { idSchema } from '../ids';
import { version, year } from '../numbers';

export const hypothesisSchema = z.enum(['A', 'B']).describe('A: operator working for a public body; B: public body changing its own teams');
export type Hypothesis = z.infer<typeof hypothesisSchema>;

export const isoDate = z.iso.date();

export const seasonIdSchema = idSchema('season');

export const seasonStatusSchema = z.enum(['planning', 'running', 'closed']);
export type SeasonStatus = z.infer<typeof seasonStatusSchema>;

export const createSeasonBody = z
  .object({
    name: z.string().trim().min(3).max(120),
    year: year(),
    startDate: isoDate,
    endDate: isoDate,
    hypotheses: z.array(hypothesisSchema).min(1).max(2).optional(),
  })
  .strict()
  .refine((s) => s.endDate > s.startDate, { path: ['endDate'], message: 'The end date must come after the start date' });

export const updateSeasonBody = z
  .object({
    expectedVersion: version(),
    name: z.string().trim().min(3).max(120).optional(),
    status: seasonStatusSchema.optional(),
    hypotheses: z.array(hypothesisSchema).min(1).max(2).optional(),
  })
  .strict();

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
