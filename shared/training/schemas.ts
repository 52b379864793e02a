import { z } from 'zod';
import { pageQuery } from '../db/pagination';
import { idSchema } from '../ids';
import { axisSchema } from '../programme/axes';
import { isoDate } from '../seasons/schemas';
import { attendanceStatuses, type AttendanceSummary, type TrainingWarning } from './rules';

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
    attendanceThreshold: z.number().min(0.5).max(1).optional().describe('Default 0.8 (80%)'),
    modules: z.array(moduleInputSchema).min(1).max(10).optional().describe('Default: five modules, one per axis'),
  })
  .strict();

export const updateModuleBody = z
  .object({
    expectedVersion: z.number().int().min(1),
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
    expectedVersion: z.number().int().min(1),
    date: isoDate.optional(),
    startTime: time.optional(),
    durationMinutes: z.number().int().min(30).max(600).optional(),
    mode: sessionModeSchema.optional(),
    place: z.string().trim().min(2).max(300).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'expectedVersion'), { message: 'Change at least one field of the session' });

export const cancelSessionBody = z
  .object({ expectedVersion: z.number().int().min(1), reason: z.string().trim().min(3).max(500) })
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
    expectedVersion: z.number().int().min(1).optional().describe('To replace a deliverable already submitted'),
  })
  .strict();

export const sessionsQuery = pageQuery.extend({ moduleId: moduleIdSchema.optional() });

export interface Cohort {
  cohortId: string;
  seasonId: string;
  name: string;
  startDate: string;
  /** Inclusive: five months after the start, minus a day. */
  endDate: string;
  attendanceThreshold: number;
  essaimeCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TrainingModule {
  moduleId: string;
  cohortId: string;
  order: number;
  axis: z.infer<typeof axisSchema>;
  title: string;
  objectives: string[];
  expertUserIds: string[];
  /** Attendance over every essaimé, kept by the attendance transactions. */
  presentCount: number;
  excusedCount: number;
  absentCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Session {
  sessionId: string;
  cohortId: string;
  moduleId: string;
  date: string;
  startTime: string;
  /** `YYYY-MM-DDTHH:MM`, local time: orders the sessions. */
  startsAt: string;
  durationMinutes: number;
  mode: z.infer<typeof sessionModeSchema>;
  place: string;
  status: z.infer<typeof sessionStatusSchema>;
  cancelReason: string | null;
  presentCount: number;
  excusedCount: number;
  absentCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AttendanceRecord {
  cohortId: string;
  essaimeId: string;
  moduleId: string;
  sessionId: string;
  sessionStartsAt: string;
  participantId: string;
  status: z.infer<typeof attendanceStatusSchema>;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** One essaimé's place in a cohort, with its attendance summary kept up to date by every recording. */
export interface EssaimeProgress {
  cohortId: string;
  seasonId: string;
  essaimeId: string;
  structureId: string;
  structureName: string;
  referentUserId: string;
  summary: AttendanceSummary;
  /** moduleId → when its deliverable was (last) submitted. */
  deliverables: Record<string, string>;
  /** Participants who left (replaced or withdrawn): they raise no more warnings. */
  inactiveParticipantIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Deliverable {
  deliverableId: string;
  essaimeId: string;
  cohortId: string;
  moduleId: string;
  axis: z.infer<typeof axisSchema>;
  title: string;
  content: string;
  submittedBy: string;
  submittedAt: string;
  version: number;
}

export type { TrainingWarning };
