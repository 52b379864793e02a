import * as z from 'zod/mini';
import { defineEntity } from '../db/entity';
import { activeParticipantEmail, essaime, essaimeUnique, participant } from '../db/entities/essaimes';
import { essaimeSchema, participantSchema } from './schemas';

/** Essaimés are listed by structure name, case-insensitively. */
export const essaimeEntity = defineEntity(essaime, essaimeSchema, { derive: (e) => ({ structureNameKey: e.structureName.toLowerCase() }) });
/** Items written before the registry hold only `essaimeId`: season and structure are in the key. */
export const essaimeUniqueEntity = defineEntity(
  essaimeUnique,
  z.object({ seasonId: z.optional(z.string()), structureId: z.optional(z.string()), essaimeId: z.string() }),
);
export const participantEntity = defineEntity(participant, participantSchema);
/** Which participant holds an e-mail in an essaimé while active (the uniqueness item of shared/essaimes/participants.ts). */
export const activeParticipantEmailEntity = defineEntity(
  activeParticipantEmail,
  z.object({ essaimeId: z.string(), emailHash: z.string(), participantId: z.string() }),
);
