import * as z from 'zod';
import { idSchema } from '../ids';
import { axisSchema, settingSchema } from '../programme/axes';
import { hypothesisSchema } from '../seasons/schemas';
import { count } from '../numbers';

export const territorySchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    region: z.string().trim().min(2).max(100),
    departement: z.string().trim().min(2).max(100),
    departementCode: z.string().regex(/^(\d{2,3}|2A|2B)$/, 'A département code such as 63, 2A or 971'),
    setting: settingSchema,
    population: count(20_000_000),
  })
  .strict();
export type Territory = z.infer<typeof territorySchema>;

/** A need of the territory on one axis, declared in the application and used to match a tutor. */
export const needSchema = z
  .object({
    axis: axisSchema,
    priority: z.number().int().min(1).max(5).describe('1 = highest priority'),
    description: z.string().trim().max(2000).default(''),
  })
  .strict();
export type Need = z.infer<typeof needSchema>;

export const participantInputSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    role: z.string().trim().min(2).max(120),
    email: z.email(),
  })
  .strict();
export type ParticipantInput = z.infer<typeof participantInputSchema>;

export const participantSchema = participantInputSchema.extend({
  participantId: idSchema('participant'),
  essaimeId: idSchema('essaime'),
  structureId: z.string(),
  active: z.boolean(),
  since: z.string(),
  until: z.string().nullable(),
  replacedBy: z.string().nullable(),
});
export type Participant = z.infer<typeof participantSchema>;

/** A selected structure of a season, adopting the method on its territory. */
export const essaimeSchema = z.object({
  essaimeId: idSchema('essaime'),
  seasonId: idSchema('season'),
  callId: z.string().nullable(),
  applicationId: z.string().nullable(),
  structureId: z.string(),
  structureName: z.string(),
  legalForm: z.string(),
  territory: territorySchema,
  hypothesis: hypothesisSchema,
  referentUserId: z.string(),
  needs: z.array(needSchema),
  activeParticipantCount: z.number().int().min(0).max(3),
  tutorUserId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Essaime = z.infer<typeof essaimeSchema>;

/** At most three people of a structure follow the formation-action at a time. */
export const MAX_ACTIVE_PARTICIPANTS = 3;

/** A participant as answered: contact details only for staff and the structure's referent. */
export const participantViewSchema = participantSchema.extend({ email: z.email().optional().describe('Staff and referents only') });
export type ParticipantView = z.infer<typeof participantViewSchema>;

/** GET /essaimes/{essaimeId}: the essaimé with its participants (current and replaced). */
export const essaimeViewSchema = essaimeSchema.extend({
  participants: z.array(participantViewSchema),
  tutorName: z.string().nullable().describe('The assigned tutor’s name, for people to read (null: none assigned)'),
});
export type EssaimeView = z.infer<typeof essaimeViewSchema>;
