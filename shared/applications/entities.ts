import * as z from 'zod/mini';
import { defineEntity } from '../db/entity';
import { application, applicationUnique, dossierCounter, dossierNumber, review, staffNote } from '../db/entities/applications';
import { rankKey } from './rules';
import { applicationSchema, reviewSchema, staffNoteSchema } from './schemas';

/** The rank key (score) sorts the ranked lists of a call on gsi1 and gsi2. */
export const applicationEntity = defineEntity(application, applicationSchema, {
  derive: (app) => ({ rank: rankKey(app.score, app.applicationId) }),
});
export const reviewEntity = defineEntity(review, reviewSchema);
export const staffNoteEntity = defineEntity(staffNote, staffNoteSchema);

/** Who holds a place in a call: the applicant, and the structure applied for. */
export const uniquenessHolder = {
  applicant: (userId: string) => `USER#${userId}`,
  structure: (structureId: string) => `STR#${structureId}`,
};
export const applicationUniqueEntity = defineEntity(
  applicationUnique,
  z.object({ applicationId: z.string(), callId: z.string(), holder: z.string() }),
);

/** The last dossier number given in a year, and each number given (shared/applications/dossier-numbers.ts). */
export const dossierCounterEntity = defineEntity(dossierCounter, z.object({ year: z.string(), lastNumber: z.int().check(z.gte(0)) }));
export const dossierNumberEntity = defineEntity(dossierNumber, z.object({ dossierNumber: z.string(), applicationId: z.string() }));
