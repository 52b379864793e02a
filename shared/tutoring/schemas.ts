import * as z from 'zod/mini';
import { pageQuery } from '../db/pagination';
import { needSchema } from '../essaimes/schemas';
import { idSchema } from '../ids';
import { axes, axisSchema, type Axis } from '../programme/axes';
import { version } from '../numbers';
import type { ResponseTarget } from './working-days';

/** User ids are Cognito subjects (UUIDs) or demo ids such as demo-tutor-michel. */
export const userIdSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,99}$/, 'Not a user id'));

export const expertiseLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

/** Expertise on each of the five axes, 0 (none) to 3 (reference expert). All five must be given. */
export const expertiseSchema = z.strictObject(Object.fromEntries(axes.map((axis) => [axis, expertiseLevelSchema])) as Record<Axis, typeof expertiseLevelSchema>);
export type Expertise = z.infer<typeof expertiseSchema>;

export const MAX_TUTOR_CAPACITY = 20;

/** The first-answer target staff choose (rules in working-days.ts `responseDueAt`). */
export const responseTargetSchema = z.discriminatedUnion('rule', [
    z.strictObject({
        rule: z.literal('same-day').check(z.describe('The study\'s "dans la journée": due by the end of the working day, or of the next one after the cut-off hour')),
        cutoffHour: z.int().check(z.gte(1), z.lte(23), z.describe('French time: a request made from this hour on is due the next working day')),
      }),
    z.strictObject({ rule: z.literal('working-days'), workingDays: z.int().check(z.gte(1), z.lte(10)) }),
  ]).check(z.describe('same-day (with a cut-off hour) or N working days'));
export type { ResponseTarget };

/** The target in French, as people read it. */
export function responseTargetLabel(target: ResponseTarget): string {
  if (target.rule === 'same-day') return `dans la journée ouvrée (demande reçue avant ${target.cutoffHour} h ; après, le jour ouvré suivant)`;
  return target.workingDays === 1 ? 'en 1 jour ouvré' : `en ${target.workingDays} jours ouvrés`;
}

// ---------------------------------------------------------------------------------------------------------
// Tutor directory

export const createTutorBody = z.strictObject({
    userId: userIdSchema,
    expertise: expertiseSchema,
    capacity: z.int().check(z.gte(1), z.lte(MAX_TUTOR_CAPACITY), z.describe('Most essaimés the tutor can follow at once')),
    available: z._default(z.boolean(), true),
    availabilityNote: z._default(z.string().check(z.trim(), z.maxLength(300)), ''),
  });

export const updateTutorBody = z.strictObject({
    expectedVersion: version(),
    expertise: z.optional(expertiseSchema),
    capacity: z.optional(z.int().check(z.gte(1), z.lte(MAX_TUTOR_CAPACITY))),
    available: z.optional(z.boolean()),
    availabilityNote: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  });

export const tutorSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  expertise: expertiseSchema,
  capacity: z.int(),
  load: z.int().check(z.describe('Essaimés currently assigned (kept by the assignment transactions)')),
  available: z.boolean(),
  availabilityNote: z.string(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tutor = z.infer<typeof tutorSchema>;

export const tutorParams = z.strictObject({ tutorUserId: userIdSchema });
export const essaimeParams = z.strictObject({ essaimeId: idSchema('essaime') });
export const seasonParams = z.strictObject({ seasonId: idSchema('season') });

// ---------------------------------------------------------------------------------------------------------
// Needs and assignment

export const updateNeedsBody = z.strictObject({
    expectedVersion: version().check(z.describe("The essaimé's version")),
    needs: z.array(needSchema).check(z.maxLength(10)),
  }).check(z.refine((b) => new Set(b.needs.map((n) => n.axis)).size === b.needs.length, {
    path: ['needs'],
    message: 'Each axis may appear only once',
  }));

export const assignTutorBody = z.strictObject({
    tutorUserId: userIdSchema,
    reason: z.optional(z.string().check(z.trim(), z.maxLength(500))).check(z.describe('Why (recorded in the history; useful for an override or a reassignment)')),
  });

export const assignmentKindSchema = z.enum(['confirmed', 'overridden', 'reassigned', 'released']);
export type AssignmentKind = z.infer<typeof assignmentKindSchema>;

export const assignmentEventSchema = z.object({
  assignmentId: z.string(),
  essaimeId: z.string(),
  kind: assignmentKindSchema,
  tutorUserId: z.nullable(z.string()),
  previousTutorUserId: z.nullable(z.string()),
  proposedTutorUserId: z.nullable(z.string()),
  score: z.nullable(z.number()),
  reason: z.string(),
  decidedBy: z.string(),
  at: z.string(),
});
export type AssignmentEvent = z.infer<typeof assignmentEventSchema>;

export const currentAssignmentSchema = z.object({
  essaimeId: z.string(),
  seasonId: z.string(),
  structureId: z.string(),
  structureName: z.string(),
  tutorUserId: z.string(),
  since: z.string(),
  assignmentId: z.string(),
});
export type CurrentAssignment = z.infer<typeof currentAssignmentSchema>;

// ---------------------------------------------------------------------------------------------------------
// Requests

export const urgencies = ['low', 'normal', 'high'] as const;
export const urgencySchema = z.enum(urgencies);
export type Urgency = z.infer<typeof urgencySchema>;
export const urgencyLabels: Record<Urgency, string> = { low: 'faible', normal: 'normale', high: 'haute' };

export const requestStatusSchema = z.enum(['awaiting-answer', 'answered', 'closed']);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export const createRequestBody = z.strictObject({
    essaimeId: idSchema('essaime'),
    subject: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)),
    axis: axisSchema,
    text: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
    urgency: z._default(urgencySchema, 'normal'),
  });

export const postMessageBody = z.strictObject({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)) });

export const closeRequestBody = z.strictObject({
    rating: z.optional(z.int().check(z.gte(1), z.lte(5))).check(z.describe('How useful the answer was, 1 to 5 (required once answered)')),
    comment: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  });

export const markForGuideBody = z.strictObject({
    question: z.string().check(z.trim(), z.minLength(10), z.maxLength(600), z.describe('The question, generalised: no structure or person name')),
    answer: z.string().check(z.trim(), z.minLength(10), z.maxLength(4000), z.describe('The answer, generalised: no structure or person name')),
  });

export const requestParams = z.strictObject({ requestId: idSchema('tutoringRequest') });

export const listRequestsQuery = z.extend(pageQuery, {
  state: z._default(z.enum(['open', 'closed']), 'open').check(z.describe("Tutor's list (and staff with tutorUserId): open or closed requests")),
  tutorUserId: z.optional(userIdSchema).check(z.describe('Staff: the requests addressed to one tutor')),
  structureId: z.optional(idSchema('structure')).check(z.describe("Referent (several structures) or staff: one structure's requests")),
  overdue: z.optional(z.enum(['true', 'false'])).check(z.describe('Staff: requests past their first-answer target')),
});

export const tutoringRequestSchema = z.object({
  requestId: z.string(),
  essaimeId: z.string(),
  seasonId: z.string(),
  structureId: z.string(),
  structureName: z.string(),
  tutorUserId: z.string(),
  referentUserId: z.string(),
  subject: z.string(),
  axis: axisSchema,
  text: z.string(),
  urgency: urgencySchema,
  status: requestStatusSchema,
  createdAt: z.string(),
  dueAt: z.string(),
  responseTarget: responseTargetSchema.check(z.describe('The target in force when the request was made: it keeps it when staff change the setting')),
  firstAnsweredAt: z.nullable(z.string()),
  responseWorkingMinutes: z.nullable(z.int()),
  overdueSince: z.nullable(z.string()),
  messageCount: z.int(),
  lastMessageAt: z.string(),
  lastMessageBy: z.enum(['referent', 'tutor']),
  closedAt: z.nullable(z.string()),
  rating: z.nullable(z.int()),
  ratingComment: z.nullable(z.string()),
  guideEntryId: z.nullable(z.string()),
  version: z.int(),
});
export type TutoringRequest = z.infer<typeof tutoringRequestSchema>;

export const tutoringMessageSchema = z.object({
  messageId: z.string(),
  requestId: z.string(),
  authorUserId: z.string(),
  authorRole: z.enum(['referent', 'tutor']),
  text: z.string(),
  createdAt: z.string(),
});
export type TutoringMessage = z.infer<typeof tutoringMessageSchema>;

// ---------------------------------------------------------------------------------------------------------
// Settings

export const DEFAULT_RESPONSE_TARGET: ResponseTarget = { rule: 'working-days', workingDays: 1 };

export const tutoringSettingsSchema = z.object({
  responseTarget: responseTargetSchema,
  version: z.int(),
  updatedAt: z.nullable(z.string()),
});
export type TutoringSettings = z.infer<typeof tutoringSettingsSchema>;

export const updateSettingsBody = z.strictObject({
    expectedVersion: version(0).check(z.describe('0 while the defaults were never changed')),
    responseTarget: responseTargetSchema,
  });

// ---------------------------------------------------------------------------------------------------------
// Guide d'essaimage

export const guideStatusSchema = z.enum(['proposed', 'reviewed', 'rejected']);
export type GuideStatus = z.infer<typeof guideStatusSchema>;

export const guideEntrySchema = z.object({
  guideEntryId: z.string(),
  requestId: z.string(),
  seasonId: z.string(),
  axis: axisSchema,
  question: z.string(),
  answer: z.string(),
  status: guideStatusSchema,
  proposedBy: z.string(),
  reviewedBy: z.nullable(z.string()),
  reviewedAt: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type GuideEntry = z.infer<typeof guideEntrySchema>;

export const updateGuideEntryBody = z.strictObject({
    expectedVersion: version(),
    question: z.optional(z.string().check(z.trim(), z.minLength(10), z.maxLength(600))),
    answer: z.optional(z.string().check(z.trim(), z.minLength(10), z.maxLength(4000))),
    axis: z.optional(axisSchema),
    status: z.optional(guideStatusSchema),
  });

export const guideEntryParams = z.strictObject({ guideEntryId: idSchema('guideEntry') });

export const listGuideEntriesQuery = z.extend(pageQuery, { status: z._default(guideStatusSchema, 'proposed') });

export const exportGuideParams = z.strictObject({ seasonId: idSchema('season'), format: z.enum(['markdown', 'pdf']) });

// ---------------------------------------------------------------------------------------------------------
// Stored records that are not answered as such

/** Counters per tutor, added to by the answer and close transactions (absent until the first answer). */
export const tutorStatsSchema = z.object({
  tutorUserId: z.string(),
  answeredCount: z._default(z.number(), 0),
  responseMinutesTotal: z._default(z.number(), 0),
  onTargetCount: z._default(z.number(), 0),
  ratingCount: z._default(z.number(), 0),
  ratingTotal: z._default(z.number(), 0),
});
export type TutorStats = z.infer<typeof tutorStatsSchema>;

/** A guide entry as stored: with the names it must not contain, and hints for the reviewer. */
export const guideEntryRecordSchema = z.extend(guideEntrySchema, {
  sensitiveTerms: z.array(z.string()),
  reviewHints: z.array(z.string()),
});
export type GuideEntryRecord = z.infer<typeof guideEntryRecordSchema>;
