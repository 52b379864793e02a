import * as z from 'zod/mini';
import { idSchema } from '../ids';
import { axisSchema, settingSchema } from '../programme/axes';
import { hypothesisSchema } from '../seasons/schemas';
import { count } from '../numbers';

export const territorySchema = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    region: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)),
    departement: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)),
    departementCode: z.string().check(z.regex(/^(\d{2,3}|2A|2B)$/, 'A département code such as 63, 2A or 971')),
    setting: settingSchema,
    population: count(20_000_000),
  });
export type Territory = z.infer<typeof territorySchema>;

/** A need of the territory on one axis, declared in the application and used to match a tutor. */
export const needSchema = z.strictObject({
    axis: axisSchema,
    priority: z.int().check(z.gte(1), z.lte(5), z.describe('1 = highest priority')),
    description: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
  });
export type Need = z.infer<typeof needSchema>;

export const participantInputSchema = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)),
    role: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)),
    email: z.email(),
  });
export type ParticipantInput = z.infer<typeof participantInputSchema>;

export const participantSchema = z.extend(participantInputSchema, {
  participantId: idSchema('participant'),
  essaimeId: idSchema('essaime'),
  structureId: z.string(),
  active: z.boolean(),
  since: z.string(),
  until: z.nullable(z.string()),
  replacedBy: z.nullable(z.string()),
});
export type Participant = z.infer<typeof participantSchema>;

/** A selected structure of a season, adopting the method on its territory. */
export const essaimeSchema = z.object({
  essaimeId: idSchema('essaime'),
  seasonId: idSchema('season'),
  callId: z.nullable(z.string()),
  applicationId: z.nullable(z.string()),
  structureId: z.string(),
  structureName: z.string(),
  legalForm: z.string(),
  territory: territorySchema,
  hypothesis: hypothesisSchema,
  referentUserId: z.string(),
  needs: z.array(needSchema),
  activeParticipantCount: z.int().check(z.gte(0), z.lte(3)),
  tutorUserId: z.nullable(z.string()),
  createdAt: z.string(),
  version: z.int(),
});
export type Essaime = z.infer<typeof essaimeSchema>;

/** At most three people of a structure follow the formation-action at a time. */
export const MAX_ACTIVE_PARTICIPANTS = 3;

/** A participant as answered: contact details only for staff and the structure's referent. */
export const participantViewSchema = z.extend(participantSchema, { email: z.optional(z.email()).check(z.describe('Staff and referents only')) });
export type ParticipantView = z.infer<typeof participantViewSchema>;

/** A row of a season's essaimés: the essaimé with its tutor's name, for people to read. */
export const essaimeRowSchema = z.extend(essaimeSchema, {
  tutorName: z.nullable(z.string()).check(z.describe('The assigned tutor’s name (null: none assigned, or an erased profile)')),
});
export type EssaimeRow = z.infer<typeof essaimeRowSchema>;

/** GET /essaimes/{essaimeId}: the essaimé with its participants (current and replaced). */
export const essaimeViewSchema = z.extend(essaimeSchema, {
  participants: z.array(participantViewSchema),
  tutorName: z.nullable(z.string()).check(z.describe('The assigned tutor’s name, for people to read (null: none assigned)')),
});
export type EssaimeView = z.infer<typeof essaimeViewSchema>;
