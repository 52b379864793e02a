import * as z from 'zod/mini';
import { idSchema } from '../../ids';
import { isoDate } from '../../seasons/schemas';

/** No free text: the erasure's own audit entry must not hold what it erases. */
export const erasureBody = z.strictObject({
    confirm: z.literal(true).check(z.describe('Erasure cannot be undone')),
    requestedOn: isoDate.check(z.describe('When the person asked')),
    channel: z.enum(['email', 'letter', 'in-person', 'phone', 'other']).check(z.describe('How the person asked')),
  });

export const participantParams = z.strictObject({ essaimeId: idSchema('essaime'), participantId: idSchema('participant') });
export const userParams = z.strictObject({ userId: z.string().check(z.regex(/^[A-Za-z0-9_-]{3,100}$/, 'A user id')) });
