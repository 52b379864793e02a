import * as z from 'zod';
import { idSchema } from '../../ids';
import { isoDate } from '../../seasons/schemas';

/** No free text: the erasure's own audit entry must not hold what it erases. */
export const erasureBody = z
  .object({
    confirm: z.literal(true).describe('Erasure cannot be undone'),
    requestedOn: isoDate.describe('When the person asked'),
    channel: z.enum(['email', 'letter', 'in-person', 'phone', 'other']).describe('How the person asked'),
  })
  .strict();

export const participantParams = z.object({ essaimeId: idSchema('essaime'), participantId: idSchema('participant') }).strict();
export const userParams = z.object({ userId: z.string().regex(/^[A-Za-z0-9_-]{3,100}$/, 'A user id') }).strict();
