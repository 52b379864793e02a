import * as z from 'zod';
import { pageQuery } from '../db/pagination';
import { idSchema } from '../ids';
import { axisSchema } from '../programme/axes';
import { isoDate } from '../seasons/schemas';
import { attendanceStatuses } from './rules';
import { ratio, version } from '../numbers';

export const cohortIdSchema = idSchema('cohort');
export const moduleIdSchema = idSchema('module');
export const sessionIdSchema = idSchema('session');

export const attendanceStatusSchema = z.enum(attendanceStatuses);
export const sessionModeSchema = z.enum(['in-person', 'remote']).describe('in-person: on site; remote: video conference');
export const sessionStatusSchema = z.enum(['scheduled', 'cancelled']);

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time as HH:MM (24 h)');
const objectives = z.array(z.string().trim().min(3).max(500)).min(1).max(12);
const expertUserIds = z.array(z.string().min(1).max(100)).max(6).describe('User ids of the A.CO.R. experts (tutors) who bring the module content');

export const sessionInputSchema = z
  .object({
    date: isoDate,
    startTime: time,
    durationMinutes: z.number().int().min(30).max(600),
    mode: sessionModeSchema,
    place: z.string().trim().min(2).max(300).describe('Address, room, or the video-conference link'),
  })
  .strict();
export type SessionInput = z.infer<typeof sessionInputSchema>;

export const moduleInputSchema = z
  .object({
    axis: axisSchema,
    title: z.string().trim().min(3).max(200).optional(),
    objectives: objectives.optional(),
    expertUserIds: expertUserIds.optional(),
    sessions: z.array(sessionInputSchema).max(20).optional(),
  })
  .strict();

export const createCohortBody = z
  .object({
    startDate: isoDate,
    name: z.string().trim().min(3).max(200).optional(),
    attendanceThreshold: ratio(0.5).optional().describe('Default 0.8 (80%); 0.5 to 1, at most 2 decimals'),
    modules: z.array(moduleInputSchema).min(1).max(10).optional().describe('Default: five modules, one per axis'),
  })
  .strict();

export const updateModuleBody = z
  .object({
    expectedVersion: version(),
    title: z.string().trim().min(3).max(200).optional(),
    objectives: objectives.optional(),
    expertUserIds: expertUserIds.optional(),
  })
  .strict()
  .refine((b) => b.title !== undefined || b.objectives !== undefined || b.expertUserIds !== undefined, {
    message: 'Change at least one of title, objectives, expertUserIds',
  });

export const addSessionBody = sessionInputSchema.extend({ moduleId: moduleIdSchema }).strict();

export const moveSessionBody = z
  .object({
    expectedVersion: version(),
    date: isoDate.optional(),
    startTime: time.optional(),
    durationMinutes: z.number().int().min(30).max(600).optional(),
    mode: sessionModeSchema.optional(),
    place: z.string().trim().min(2).max(300).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'expectedVersion'), { message: 'Change at least one field of the session' });

export const cancelSessionBody = z
  .object({ expectedVersion: version(), reason: z.string().trim().min(3).max(500) })
  .strict();

export const attendanceRecordInput = z
  .object({
    essaimeId: idSchema('essaime'),
    participantId: idSchema('participant'),
    status: attendanceStatusSchema,
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const recordAttendanceBody = z
  .object({ records: z.array(attendanceRecordInput).min(1).max(300) })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.records.forEach((r, index) => {
      if (seen.has(r.participantId)) {
        ctx.addIssue({ code: 'custom', path: ['records', index, 'participantId'], message: 'This participant appears twice' });
      }
      seen.add(r.participantId);
    });
  });

export const submitDeliverableBody = z
  .object({
    title: z.string().trim().min(3).max(200),
    content: z.string().trim().min(20).max(20_000).describe("The essaimé's action plan for the module's axis"),
    expectedVersion: version().optional().describe('To replace a deliverable already submitted'),
  })
  .strict();

export const sessionsQuery = pageQuery.extend({ moduleId: moduleIdSchema.optional() });

const counters = {
  presentCount: z.number().int(),
  excusedCount: z.number().int(),
  absentCount: z.number().int(),
};

export const cohortSchema = z.object({
  cohortId: cohortIdSchema,
  seasonId: idSchema('season'),
  name: z.string(),
  startDate: isoDate,
  endDate: isoDate.describe('Inclusive: five months after the start, minus a day'),
  attendanceThreshold: z.number(),
  essaimeCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Cohort = z.infer<typeof cohortSchema>;

export const trainingModuleSchema = z.object({
  moduleId: moduleIdSchema,
  cohortId: cohortIdSchema,
  order: z.number().int(),
  axis: axisSchema,
  title: z.string(),
  objectives: z.array(z.string()),
  expertUserIds: z.array(z.string()),
  /** Attendance over every essaimé, kept by the attendance transactions. */
  ...counters,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TrainingModule = z.infer<typeof trainingModuleSchema>;

export const sessionSchema = z.object({
  sessionId: sessionIdSchema,
  cohortId: cohortIdSchema,
  moduleId: moduleIdSchema,
  date: isoDate,
  startTime: z.string(),
  startsAt: z.string().describe('YYYY-MM-DDTHH:MM, local time: orders the sessions'),
  durationMinutes: z.number().int(),
  mode: sessionModeSchema,
  place: z.string(),
  status: sessionStatusSchema,
  cancelReason: z.string().nullable(),
  ...counters,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const attendanceRecordSchema = z.object({
  cohortId: cohortIdSchema,
  essaimeId: idSchema('essaime'),
  moduleId: moduleIdSchema,
  sessionId: sessionIdSchema,
  sessionStartsAt: z.string(),
  participantId: idSchema('participant'),
  status: attendanceStatusSchema,
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;

const countsSchema = z.object({ present: z.number().int(), excused: z.number().int(), absent: z.number().int() });

/** What the progress item keeps (see AttendanceSummary in rules.ts), recomputed on every attendance change. */
export const attendanceSummarySchema = z.object({
  totals: countsSchema,
  modules: z.record(z.string(), countsSchema.extend({ sessionsRecorded: z.number().int() })),
  participants: z.record(z.string(), countsSchema.extend({ name: z.string(), currentAbsences: z.number().int(), longestAbsences: z.number().int() })),
});

/** DynamoDB has no empty sets: the string set appears with the first participant who leaves. */
const stringSet = z.preprocess((v) => (v === undefined ? [] : v instanceof Set ? [...v].map(String).sort() : v), z.array(z.string()));

/** One essaimé's place in a cohort, with its attendance summary kept up to date by every recording. */
export const essaimeProgressSchema = z.object({
  cohortId: cohortIdSchema,
  seasonId: idSchema('season'),
  essaimeId: idSchema('essaime'),
  structureId: z.string(),
  structureName: z.string(),
  referentUserId: z.string(),
  summary: attendanceSummarySchema,
  /** moduleId → when its deliverable was (last) submitted. */
  deliverables: z.record(z.string(), z.string()),
  /** Participants who left (replaced or withdrawn): they raise no more warnings. */
  inactiveParticipantIds: stringSet,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EssaimeProgress = z.infer<typeof essaimeProgressSchema>;

export const deliverableSchema = z.object({
  deliverableId: idSchema('deliverable'),
  essaimeId: idSchema('essaime'),
  cohortId: cohortIdSchema,
  moduleId: moduleIdSchema,
  axis: axisSchema,
  title: z.string(),
  content: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  version: z.number().int(),
});
export type Deliverable = z.infer<typeof deliverableSchema>;
