import * as z from 'zod/mini';
import { idSchema } from '../ids';
import { axisSchema } from '../programme/axes';
import { participantSchema } from '../essaimes/schemas';
import {
  attendanceRate,
  emptyCounts,
  moduleStatus,
  type AttendanceCounts,
  type ModuleStatusReason,
  type TrainingWarning,
} from './rules';
import {
  attendanceStatusSchema,
  cohortSchema,
  deliverableSchema,
  sessionModeSchema,
  sessionSchema,
  sessionStatusSchema,
  trainingModuleSchema,
  type EssaimeProgress,
  type Session,
  type TrainingModule,
} from './schemas';

/**
 * The answers of the training routes, declared once: the handlers build them with the functions below and
 * the web reads their inferred types.
 */
const rate = z.nullable(z.number()).check(z.describe('present / (present + absent); null when nothing countable was recorded'));
export const attendanceRateSchema = z.object({ present: z.int(), excused: z.int(), absent: z.int(), rate });
export type AttendanceRateView = z.infer<typeof attendanceRateSchema>;

export const moduleStatusReasons = ['NO_SESSIONS', 'SESSIONS_NOT_ALL_RECORDED', 'NO_ATTENDANCE', 'ATTENDANCE_BELOW_THRESHOLD', 'DELIVERABLE_MISSING'] as const satisfies readonly ModuleStatusReason[];
export const moduleStatusReasonSchema = z.enum(moduleStatusReasons);

export const trainingWarningSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('CONSECUTIVE_ABSENCES'), participantId: z.string(), name: z.string(), absences: z.int() }),
  z.object({ code: z.literal('ATTENDANCE_BELOW_THRESHOLD'), rate: z.number(), threshold: z.number() }),
]) satisfies z.ZodMiniType<TrainingWarning>;
export type TrainingWarningView = z.infer<typeof trainingWarningSchema>;

export const sessionViewSchema = z.extend(sessionSchema, { attendance: z.extend(attendanceRateSchema, { recorded: z.int() }) });
export type SessionView = z.infer<typeof sessionViewSchema>;

export const moduleViewSchema = z.extend(trainingModuleSchema, {
  sessionCount: z.int().check(z.describe('Sessions scheduled (not cancelled)')),
  cancelledSessionCount: z.int(),
  attendance: attendanceRateSchema,
});
export type ModuleView = z.infer<typeof moduleViewSchema>;

/** A cohort with its modules (GET /cohorts/{cohortId}, GET /seasons/{seasonId}/cohort). */
export const cohortViewSchema = z.extend(cohortSchema, { modules: z.array(moduleViewSchema) });
export type CohortView = z.infer<typeof cohortViewSchema>;

/** The cohort just created, with its sessions and the essaimés enrolled. */
export const createdCohortSchema = z.extend(cohortViewSchema, { sessions: z.array(sessionViewSchema), essaimeIds: z.array(idSchema('essaime')) });
export type CreatedCohort = z.infer<typeof createdCohortSchema>;

export const attendanceRecordingSchema = z.object({
  session: sessionViewSchema,
  recorded: z.int().check(z.describe('Records written (new or changed)')),
  unchanged: z.int().check(z.describe('Records already in that state')),
});
export type AttendanceRecording = z.infer<typeof attendanceRecordingSchema>;

const moduleStatusShape = {
  moduleId: idSchema('module'),
  order: z.int(),
  axis: axisSchema,
  title: z.string(),
  present: z.int(),
  excused: z.int(),
  absent: z.int(),
  deliverableSubmittedAt: z.nullable(z.string()),
  validated: z.boolean(),
  rate,
  sessionsToHold: z.int(),
  sessionsRecorded: z.int(),
  deliverableSubmitted: z.boolean(),
  reasons: z.array(moduleStatusReasonSchema).check(z.describe('Why the module is not validated yet (empty when validated)')),
};
export const moduleStatusViewSchema = z.object(moduleStatusShape);
export type ModuleStatusView = z.infer<typeof moduleStatusViewSchema>;

/** An essaimé's training, for staff, its referent and its tutor: participants' contact details left out. */
export const essaimeTrainingViewSchema = z.object({
  essaimeId: idSchema('essaime'),
  structureId: z.string(),
  structureName: z.string(),
  cohort: z.pick(cohortSchema, { cohortId: true, name: true, startDate: true, endDate: true, attendanceThreshold: true }),
  attendance: attendanceRateSchema,
  modules: z.array(
    z.extend(moduleStatusViewSchema, {
      axisLabel: z.string(),
      objectives: z.array(z.string()),
      expertUserIds: z.array(z.string()),
      deliverable: z.nullable(deliverableSchema),
    }),
  ),
  sessions: z.array(
    z.object({
      sessionId: idSchema('session'),
      moduleId: idSchema('module'),
      moduleTitle: z.string(),
      date: z.string(),
      startTime: z.string(),
      durationMinutes: z.int(),
      mode: sessionModeSchema,
      place: z.string(),
      status: sessionStatusSchema,
      cancelReason: z.nullable(z.string()),
      attendance: z.array(z.object({ participantId: z.string(), status: attendanceStatusSchema })),
    }),
  ),
  participants: z.array(
    z.extend(z.pick(participantSchema, { participantId: true, name: true, role: true, active: true, since: true, until: true, replacedBy: true }), {
      attendance: attendanceRateSchema,
      currentAbsences: z.int(),
    }),
  ),
  warnings: z.array(trainingWarningSchema),
});
export type EssaimeTrainingView = z.infer<typeof essaimeTrainingViewSchema>;

/** One essaimé's line in the cohort progress (staff). `openRequests` comes from tutoring, through the read model. */
export const progressItemViewSchema = z.object({
  essaimeId: idSchema('essaime'),
  structureId: z.string(),
  structureName: z.string(),
  attendance: attendanceRateSchema,
  modulesValidated: z.int(),
  modulesTotal: z.int(),
  modules: z.array(z.object({ moduleId: idSchema('module'), axis: axisSchema, validated: z.boolean(), rate, reasons: z.array(moduleStatusReasonSchema) })),
  participants: z.array(
    z.object({
      participantId: z.string(),
      name: z.string(),
      rate,
      present: z.int(),
      excused: z.int(),
      absent: z.int(),
      currentAbsences: z.int(),
    }),
  ),
  warnings: z.array(trainingWarningSchema),
  openRequests: z.nullable(z.int()).check(z.describe('Open tutoring requests; null when that source is unavailable')),
});
export type ProgressItemView = z.infer<typeof progressItemViewSchema>;

/** GET /cohorts/{cohortId}/progress: a page of essaimés, with the cohort and its per-module rates. */
export const cohortProgressViewSchema = z.object({
  cohort: z.pick(cohortSchema, { cohortId: true, seasonId: true, name: true, startDate: true, endDate: true, attendanceThreshold: true, essaimeCount: true }),
  modules: z.array(z.pick(moduleViewSchema, { moduleId: true, order: true, axis: true, title: true, sessionCount: true, attendance: true })),
  openRequestsAvailable: z.boolean(),
  items: z.array(progressItemViewSchema),
  nextCursor: z.nullable(z.string()),
});
export type CohortProgressView = z.infer<typeof cohortProgressViewSchema>;

/** A replacement answers both people: the one who left (with until and replacedBy) and the newcomer. */
export const participantReplacementSchema = z.object({ replaced: participantSchema, participant: participantSchema });
export type ParticipantReplacement = z.infer<typeof participantReplacementSchema>;

// ---------------------------------------------------------------- builders

export const countsOf = (x: { presentCount: number; excusedCount: number; absentCount: number }): AttendanceCounts => ({
  present: x.presentCount,
  excused: x.excusedCount,
  absent: x.absentCount,
});

export function sessionView(session: Session): SessionView {
  const counts = countsOf(session);
  return { ...session, attendance: { ...counts, recorded: counts.present + counts.excused + counts.absent, rate: attendanceRate(counts) } };
}

export function moduleView(module: TrainingModule, sessions: Session[]): ModuleView {
  const counts = countsOf(module);
  const own = sessions.filter((s) => s.moduleId === module.moduleId);
  return {
    ...module,
    sessionCount: own.filter((s) => s.status === 'scheduled').length,
    cancelledSessionCount: own.filter((s) => s.status === 'cancelled').length,
    attendance: { ...counts, rate: attendanceRate(counts) },
  };
}

/** Each module's validation for one essaimé, from its progress item (no attendance record read). */
export function moduleStatusesOf(progress: EssaimeProgress, modules: TrainingModule[], sessions: Session[], threshold: number): ModuleStatusView[] {
  return modules.map((m) => {
    const status = moduleStatus({
      attendance: progress.summary.modules[m.moduleId],
      sessionsToHold: sessions.filter((s) => s.moduleId === m.moduleId && s.status === 'scheduled').length,
      deliverableSubmitted: progress.deliverables[m.moduleId] !== undefined,
      threshold,
    });
    const counts = progress.summary.modules[m.moduleId] ?? { ...emptyCounts(), sessionsRecorded: 0 };
    return {
      moduleId: m.moduleId,
      order: m.order,
      axis: m.axis,
      title: m.title,
      present: counts.present,
      excused: counts.excused,
      absent: counts.absent,
      deliverableSubmittedAt: progress.deliverables[m.moduleId] ?? null,
      ...status,
    };
  });
}
