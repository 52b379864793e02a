import * as z from 'zod';
import { pageQuery } from '../db/pagination';
import { needSchema } from '../essaimes/schemas';
import { idSchema } from '../ids';
import { axes, axisSchema, type Axis } from '../programme/axes';
import { version } from '../numbers';
import type { ResponseTarget } from './working-days';

/** User ids are Cognito subjects (UUIDs) or demo ids such as demo-tutor-michel. */
export const userIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,99}$/, 'Not a user id');

export const expertiseLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

/** Expertise on each of the five axes, 0 (none) to 3 (reference expert). All five must be given. */
export const expertiseSchema = z
  .object(Object.fromEntries(axes.map((axis) => [axis, expertiseLevelSchema])) as Record<Axis, typeof expertiseLevelSchema>)
  .strict();
export type Expertise = z.infer<typeof expertiseSchema>;

export const MAX_TUTOR_CAPACITY = 20;

/** The first-answer target staff choose (rules in working-days.ts `responseDueAt`). */
export const responseTargetSchema = z
  .discriminatedUnion('rule', [
    z
      .object({
        rule: z.literal('same-day').describe('The study\'s "dans la journée": due by the end of the working day, or of the next one after the cut-off hour'),
        cutoffHour: z.number().int().min(1).max(23).describe('French time: a request made from this hour on is due the next working day'),
      })
      .strict(),
    z.object({ rule: z.literal('working-days'), workingDays: z.number().int().min(1).max(10) }).strict(),
  ])
  .describe('same-day (with a cut-off hour) or N working days');
export type { ResponseTarget };

/** The target in French, as people read it. */
export function responseTargetLabel(target: ResponseTarget): string {
  if (target.rule === 'same-day') return `dans la journée ouvrée (demande reçue avant ${target.cutoffHour} h ; après, le jour ouvré suivant)`;
  return target.workingDays === 1 ? 'en 1 jour ouvré' : `en ${target.workingDays} jours ouvrés`;
}

// ---------------------------------------------------------------------------------------------------------
// Tutor directory

export const createTutorBody = z
  .object({
    userId: userIdSchema,
    expertise: expertiseSchema,
    capacity: z.number().int().min(1).max(MAX_TUTOR_CAPACITY).describe('Most essaimés the tutor can follow at once'),
    available: z.boolean().default(true),
    availabilityNote: z.string().trim().max(300).default(''),
  })
  .strict();

export const updateTutorBody = z
  .object({
    expectedVersion: version(),
    expertise: expertiseSchema.optional(),
    capacity: z.number().int().min(1).max(MAX_TUTOR_CAPACITY).optional(),
    available: z.boolean().optional(),
    availabilityNote: z.string().trim().max(300).optional(),
  })
  .strict();

export const tutorSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  expertise: expertiseSchema,
  capacity: z.number().int(),
  load: z.number().int().describe('Essaimés currently assigned (kept by the assignment transactions)'),
  available: z.boolean(),
  availabilityNote: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tutor = z.infer<typeof tutorSchema>;

export const tutorParams = z.object({ tutorUserId: userIdSchema }).strict();
export const essaimeParams = z.object({ essaimeId: idSchema('essaime') }).strict();
export const seasonParams = z.object({ seasonId: idSchema('season') }).strict();

// ---------------------------------------------------------------------------------------------------------
// Needs and assignment

export const updateNeedsBody = z
  .object({
    expectedVersion: version().describe("The essaimé's version"),
    needs: z.array(needSchema).max(10),
  })
  .strict()
  .refine((b) => new Set(b.needs.map((n) => n.axis)).size === b.needs.length, {
    path: ['needs'],
    message: 'Each axis may appear only once',
  });

export const assignTutorBody = z
  .object({
    tutorUserId: userIdSchema,
    reason: z.string().trim().max(500).optional().describe('Why (recorded in the history; useful for an override or a reassignment)'),
  })
  .strict();

export const assignmentKindSchema = z.enum(['confirmed', 'overridden', 'reassigned', 'released']);
export type AssignmentKind = z.infer<typeof assignmentKindSchema>;

export const assignmentEventSchema = z.object({
  assignmentId: z.string(),
  essaimeId: z.string(),
  kind: assignmentKindSchema,
  tutorUserId: z.string().nullable(),
  previousTutorUserId: z.string().nullable(),
  proposedTutorUserId: z.string().nullable(),
  score: z.number().nullable(),
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

export const createRequestBody = z
  .object({
    essaimeId: idSchema('essaime'),
    subject: z.string().trim().min(3).max(200),
    axis: axisSchema,
    text: z.string().trim().min(1).max(10_000),
    urgency: urgencySchema.default('normal'),
  })
  .strict();

export const postMessageBody = z.object({ text: z.string().trim().min(1).max(10_000) }).strict();

export const closeRequestBody = z
  .object({
    rating: z.number().int().min(1).max(5).optional().describe('How useful the answer was, 1 to 5 (required once answered)'),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict();

export const markForGuideBody = z
  .object({
    question: z.string().trim().min(10).max(600).describe('The question, generalised: no structure or person name'),
    answer: z.string().trim().min(10).max(4000).describe('The answer, generalised: no structure or person name'),
  })
  .strict();

export const requestParams = z.object({ requestId: idSchema('tutoringRequest') }).strict();

export const listRequestsQuery = pageQuery.extend({
  state: z.enum(['open', 'closed']).default('open').describe("Tutor's list (and staff with tutorUserId): open or closed requests"),
  tutorUserId: userIdSchema.optional().describe('Staff: the requests addressed to one tutor'),
  structureId: idSchema('structure').optional().describe("Referent (several structures) or staff: one structure's requests"),
  overdue: z.enum(['true', 'false']).optional().describe('Staff: requests past their first-answer target'),
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
  responseTarget: responseTargetSchema.describe('The target in force when the request was made: it keeps it when staff change the setting'),
  firstAnsweredAt: z.string().nullable(),
  responseWorkingMinutes: z.number().int().nullable(),
  overdueSince: z.string().nullable(),
  messageCount: z.number().int(),
  lastMessageAt: z.string(),
  lastMessageBy: z.enum(['referent', 'tutor']),
  closedAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  guideEntryId: z.string().nullable(),
  version: z.number().int(),
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
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type TutoringSettings = z.infer<typeof tutoringSettingsSchema>;

export const updateSettingsBody = z
  .object({
    expectedVersion: version(0).describe('0 while the defaults were never changed'),
    responseTarget: responseTargetSchema,
  })
  .strict();

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
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type GuideEntry = z.infer<typeof guideEntrySchema>;

export const updateGuideEntryBody = z
  .object({
    expectedVersion: version(),
    question: z.string().trim().min(10).max(600).optional(),
    answer: z.string().trim().min(10).max(4000).optional(),
    axis: axisSchema.optional(),
    status: guideStatusSchema.optional(),
  })
  .strict();

export const guideEntryParams = z.object({ guideEntryId: idSchema('guideEntry') }).strict();

export const listGuideEntriesQuery = pageQuery.extend({ status: guideStatusSchema.default('proposed') });

export const exportGuideParams = z.object({ seasonId: idSchema('season'), format: z.enum(['markdown', 'pdf']) }).strict();

// ---------------------------------------------------------------------------------------------------------
// Stored records that are not answered as such

/** Counters per tutor, added to by the answer and close transactions (absent until the first answer). */
export const tutorStatsSchema = z.object({
  tutorUserId: z.string(),
  answeredCount: z.number().default(0),
  responseMinutesTotal: z.number().default(0),
  onTargetCount: z.number().default(0),
  ratingCount: z.number().default(0),
  ratingTotal: z.number().default(0),
});
export type TutorStats = z.infer<typeof tutorStatsSchema>;

/** A guide entry as stored: with the names it must not contain, and hints for the reviewer. */
export const guideEntryRecordSchema = guideEntrySchema.extend({
  sensitiveTerms: z.array(z.string()),
  reviewHints: z.array(z.string()),
});
export type GuideEntryRecord = z.infer<typeof guideEntryRecordSchema>;
