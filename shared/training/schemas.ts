import * as z from 'zod/mini';
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
export const sessionModeSchema = z.enum(['in-person', 'remote']).check(z.describe('in-person: on site; remote: video conference'));
export const sessionStatusSchema = z.enum(['scheduled', 'cancelled']);

const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time as HH:MM (24 h)'));
const objectives = z.array(z.string().check(z.trim(), z.minLength(3), z.maxLength(500))).check(z.minLength(1), z.maxLength(12));
const expertUserIds = z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(6), z.describe('User ids of the A.CO.R. experts (tutors) who bring the module content'));

export const sessionInputSchema = z.strictObject({
    date: isoDate,
    startTime: time,
    durationMinutes: z.int().check(z.gte(30), z.lte(600)),
    mode: sessionModeSchema,
    place: z.string().check(z.trim(), z.minLength(2), z.maxLength(300), z.describe('Address, room, or the video-conference link')),
  });
export type SessionInput = z.infer<typeof sessionInputSchema>;

export const moduleInputSchema = z.strictObject({
    axis: axisSchema,
    title: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(200))),
    objectives: z.optional(objectives),
    expertUserIds: z.optional(expertUserIds),
    sessions: z.optional(z.array(sessionInputSchema).check(z.maxLength(20))),
  });

export const createCohortBody = z.strictObject({
    startDate: isoDate,
    name: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(200))),
    attendanceThreshold: z.optional(ratio(0.5)).check(z.describe('Default 0.8 (80%); 0.5 to 1, at most 2 decimals')),
    modules: z.optional(z.array(moduleInputSchema).check(z.minLength(1), z.maxLength(10))).check(z.describe('Default: five modules, one per axis')),
  });

export const updateModuleBody = z.strictObject({
    expectedVersion: version(),
    title: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(200))),
    objectives: z.optional(objectives),
    expertUserIds: z.optional(expertUserIds),
  }).check(z.refine((b) => b.title !== undefined || b.objectives !== undefined || b.expertUserIds !== undefined, {
    message: 'Change at least one of title, objectives, expertUserIds',
  }));

export const addSessionBody = z.extend(sessionInputSchema, { moduleId: moduleIdSchema });

export const moveSessionBody = z.strictObject({
    expectedVersion: version(),
    date: z.optional(isoDate),
    startTime: z.optional(time),
    durationMinutes: z.optional(z.int().check(z.gte(30), z.lte(600))),
    mode: z.optional(sessionModeSchema),
    place: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(300))),
  }).check(z.refine((b) => Object.keys(b).some((k) => k !== 'expectedVersion'), { message: 'Change at least one field of the session' }));

export const cancelSessionBody = z.strictObject({ expectedVersion: version(), reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(500)) });

export const attendanceRecordInput = z.strictObject({
    essaimeId: idSchema('essaime'),
    participantId: idSchema('participant'),
    status: attendanceStatusSchema,
    note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  });

export const recordAttendanceBody = z.strictObject({ records: z.array(attendanceRecordInput).check(z.minLength(1), z.maxLength(300)) }).check(z.superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.records.forEach((r, index) => {
      if (seen.has(r.participantId)) {
        ctx.addIssue({ code: 'custom', path: ['records', index, 'participantId'], message: 'This participant appears twice' });
      }
      seen.add(r.participantId);
    });
  }));

export const submitDeliverableBody = z.strictObject({
    title: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)),
    content: z.string().check(z.trim(), z.minLength(20), z.maxLength(20_000), z.describe("The essaimé's action plan for the module's axis")),
    expectedVersion: z.optional(version()).check(z.describe('To replace a deliverable already submitted')),
  });

export const sessionsQuery = z.extend(pageQuery, { moduleId: z.optional(moduleIdSchema) });

const counters = {
  presentCount: z.int(),
  excusedCount: z.int(),
  absentCount: z.int(),
};

export const cohortSchema = z.object({
  cohortId: cohortIdSchema,
  seasonId: idSchema('season'),
  name: z.string(),
  startDate: isoDate,
  endDate: isoDate.check(z.describe('Inclusive: five months after the start, minus a day')),
  attendanceThreshold: z.number(),
  essaimeCount: z.int(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Cohort = z.infer<typeof cohortSchema>;

export const trainingModuleSchema = z.object({
  moduleId: moduleIdSchema,
  cohortId: cohortIdSchema,
  order: z.int(),
  axis: axisSchema,
  title: z.string(),
  objectives: z.array(z.string()),
  expertUserIds: z.array(z.string()),
  /** Attendance over every essaimé, kept by the attendance transactions. */
  ...counters,
  version: z.int(),
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
  startsAt: z.string().check(z.describe('YYYY-MM-DDTHH:MM, local time: orders the sessions')),
  durationMinutes: z.int(),
  mode: sessionModeSchema,
  place: z.string(),
  status: sessionStatusSchema,
  cancelReason: z.nullable(z.string()),
  ...counters,
  version: z.int(),
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
  note: z.nullable(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;

const countsSchema = z.object({ present: z.int(), excused: z.int(), absent: z.int() });

/** What the progress item keeps (see AttendanceSummary in rules.ts), recomputed on every attendance change. */
export const attendanceSummarySchema = z.object({
  totals: countsSchema,
  modules: z.record(z.string(), z.extend(countsSchema, { sessionsRecorded: z.int() })),
  participants: z.record(z.string(), z.extend(countsSchema, { name: z.string(), currentAbsences: z.int(), longestAbsences: z.int() })),
});

/** DynamoDB has no empty sets: the string set appears with the first participant who leaves. */
const stringSet = z.pipe(z.transform((v) => (v === undefined ? [] : v instanceof Set ? [...v].map(String).sort() : v)), z.array(z.string()));

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
  version: z.int(),
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
  version: z.int(),
});
export type Deliverable = z.infer<typeof deliverableSchema>;
