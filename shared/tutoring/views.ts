import * as z from 'zod/mini';
import { needSchema, territorySchema } from '../essaimes/schemas';
import { hypothesisSchema } from '../seasons/schemas';
import { assignmentEventSchema, guideEntrySchema, responseTargetSchema, tutoringMessageSchema, tutoringRequestSchema } from './schemas';

/** What tutoring answers, per resource: the web imports these types (type-only) from here. */

/** A request as its tutor, its referent and staff see it. */
export const requestViewSchema = z.extend(tutoringRequestSchema, { overdue: z.boolean().check(z.describe('Past its first-answer target, still unanswered')) });
export type RequestView = z.infer<typeof requestViewSchema>;

/** A message just posted, with the request it updated (status, counters, first answer). */
export const postedMessageViewSchema = z.extend(tutoringMessageSchema, { request: requestViewSchema });
export type PostedMessageView = z.infer<typeof postedMessageViewSchema>;

/** A guide entry as staff and its tutor see it: without the names it is checked against. */
export const guideEntryViewSchema = z.extend(guideEntrySchema, { reviewHints: z.array(z.string()) });
export type GuideEntryView = z.infer<typeof guideEntryViewSchema>;

const personSummarySchema = z.object({ userId: z.string(), displayName: z.nullable(z.string()) });

/** The essaimé as tutoring sees it: structure, territory, needs and tutor. */
export const tutoringEssaimeViewSchema = z.object({
  essaimeId: z.string(),
  seasonId: z.string(),
  structureId: z.string(),
  structureName: z.string(),
  territory: territorySchema,
  hypothesis: hypothesisSchema,
  needs: z.array(needSchema),
  tutor: z.nullable(personSummarySchema),
  version: z.int(),
});
export type TutoringEssaimeView = z.infer<typeof tutoringEssaimeViewSchema>;

/** A tutor assignment decision, with the essaimé as it is after it (its tutor and version). */
export const tutorAssignmentViewSchema = z.extend(assignmentEventSchema, {
  essaime: z.object({
    essaimeId: z.string(),
    seasonId: z.string(),
    structureId: z.string(),
    structureName: z.string(),
    tutorUserId: z.nullable(z.string()),
    version: z.int(),
  }),
});
export type TutorAssignmentView = z.infer<typeof tutorAssignmentViewSchema>;

export const candidateSchema = z.object({
  tutorUserId: z.string(),
  displayName: z.string(),
  score: z.number().check(z.describe('0–100')),
  coversTopNeed: z.boolean(),
  load: z.int(),
  capacity: z.int(),
  reasons: z.array(z.string()).check(z.describe('In French, for the staff screen')),
});

/** For each essaimé of a season: the best tutors and, for those without one, the plan's proposal. */
export const seasonSuggestionsSchema = z.object({
  seasonId: z.string(),
  essaimeCount: z.int(),
  withoutTutor: z.int(),
  spareCapacity: z.int(),
  items: z.array(
    z.object({
      essaimeId: z.string(),
      structureName: z.string(),
      needs: z.array(needSchema),
      currentTutor: z.nullable(personSummarySchema),
      proposal: z.nullable(candidateSchema),
      candidates: z.array(candidateSchema),
    }),
  ),
});
export type SeasonSuggestions = z.infer<typeof seasonSuggestionsSchema>;

export const tutorResponseTimesSchema = z.object({
  tutorUserId: z.string(),
  displayName: z.string(),
  answeredCount: z.int(),
  meanResponseWorkingHours: z.nullable(z.number()),
  worstResponseWorkingHours: z.nullable(z.number()),
  worstRequestId: z.nullable(z.string()),
  onTargetRate: z.nullable(z.number()).check(z.describe('0–1')),
  overdueNow: z.int(),
  meanUsefulness: z.nullable(z.number()).check(z.describe('1–5')),
});
export type TutorResponseTimes = z.infer<typeof tutorResponseTimesSchema>;

/** Response-time figures of every tutor, with the target in force. */
export const responseTimesViewSchema = z.object({
  responseTarget: responseTargetSchema,
  items: z.array(tutorResponseTimesSchema),
});
export type ResponseTimesView = z.infer<typeof responseTimesViewSchema>;

export type CandidateView = z.infer<typeof candidateSchema>;
