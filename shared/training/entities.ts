import * as z from 'zod/mini';
import { defineEntity } from '../db/entity';
import { attendance, cohort, cohortOfSeason, deliverable, essaimeProgress, session, trainingModule } from '../db/entities/training';
import { attendanceRecordSchema, cohortSchema, deliverableSchema, essaimeProgressSchema, sessionSchema, trainingModuleSchema } from './schemas';

export const cohortEntity = defineEntity(cohort, cohortSchema);
/** Items written before the registry hold only `cohortId`: the season is in the key. */
export const cohortOfSeasonEntity = defineEntity(cohortOfSeason, z.object({ seasonId: z.optional(z.string()), cohortId: z.string() }));
export const moduleEntity = defineEntity(trainingModule, trainingModuleSchema);
export const sessionEntity = defineEntity(session, sessionSchema);
export const attendanceEntity = defineEntity(attendance, attendanceRecordSchema);
export const deliverableEntity = defineEntity(deliverable, deliverableSchema);

/** Progress items are listed by structure name, case-insensitively. */
const progressKeys = { derive: (p: { structureName: string }) => ({ structureNameKey: p.structureName.toLowerCase() }) };
export const progressEntity = defineEntity(essaimeProgress, essaimeProgressSchema, progressKeys);
/**
 * The progress item as written at enrolment: without `inactiveParticipantIds`, because DynamoDB has no empty
 * string set and the participants' use cases ADD to that set.
 */
export const enrolmentEntity = defineEntity(essaimeProgress, z.omit(essaimeProgressSchema, { inactiveParticipantIds: true }), progressKeys);
