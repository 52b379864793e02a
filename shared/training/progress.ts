import type { Principal } from '../access/principal';
import { assertStructureVisible } from '../access/policy';
import type { PageQuery } from '../db/pagination';
import { getEssaimeWithParticipants } from '../essaimes/repository';
import { notFound } from '../errors';
import { axisLabels } from '../programme/axes';
import type { Deps } from '../runtime';
import { getEssaimeTraining, listProgress } from './progress-repository';
import { attendanceRate, emptyCounts, trainingWarnings } from './rules';
import type { AttendanceRecord, EssaimeProgress, Session, TrainingModule } from './schemas';
import { loadProgramme } from './support';
import { moduleStatusesOf, moduleView, type CohortProgressView, type EssaimeTrainingView, type ProgressItemView } from './views';

/**
 * Open tutoring requests per essaimé of a page, or `null` when that source is unavailable. Training does not
 * know tutoring: the cohort-progress read model (shared/read-models/cohort-progress) passes the counter.
 */
export type OpenRequestsCounter = (deps: Deps, essaimes: { essaimeId: string; structureId: string }[]) => Promise<Record<string, number> | null>;

function progressItem(p: EssaimeProgress, modules: TrainingModule[], sessions: Session[], threshold: number, open: Record<string, number> | null): ProgressItemView {
  const moduleStatuses = moduleStatusesOf(p, modules, sessions, threshold);
  const inactive = new Set(p.inactiveParticipantIds);
  return {
    essaimeId: p.essaimeId,
    structureId: p.structureId,
    structureName: p.structureName,
    attendance: { ...p.summary.totals, rate: attendanceRate(p.summary.totals) },
    modulesValidated: moduleStatuses.filter((m) => m.validated).length,
    modulesTotal: modules.length,
    modules: moduleStatuses.map(({ moduleId, axis, validated, rate, reasons }) => ({ moduleId, axis, validated, rate, reasons })),
    participants: Object.entries(p.summary.participants)
      .filter(([id]) => !inactive.has(id))
      .map(([participantId, s]) => ({ participantId, name: s.name, rate: attendanceRate(s), present: s.present, excused: s.excused, absent: s.absent, currentAbsences: s.currentAbsences })),
    warnings: trainingWarnings(p.summary, threshold, inactive),
    openRequests: open ? (open[p.essaimeId] ?? 0) : null,
  };
}

/**
 * The cohort's progress for staff: one page of essaimés (progress items through the cohort index, by
 * structure name) with modules validated, attendance and warnings, plus per-module rates over the whole
 * cohort from the modules' counters. Two Queries whatever the volume of attendance (the cohort partition and
 * a page of the progress index), plus what `openRequests` reads.
 */
export async function readCohortProgress(deps: Deps, cohortId: string, page: PageQuery, openRequests: OpenRequestsCounter): Promise<CohortProgressView> {
  const [{ cohort, modules, sessions }, progressPage] = await Promise.all([loadProgramme(deps, cohortId), listProgress(deps.db, cohortId, page)]);
  const threshold = cohort.attendanceThreshold;
  const open = await openRequests(deps, progressPage.items.map((p) => ({ essaimeId: p.essaimeId, structureId: p.structureId })));
  return {
    cohort: { cohortId, seasonId: cohort.seasonId, name: cohort.name, startDate: cohort.startDate, endDate: cohort.endDate, attendanceThreshold: threshold, essaimeCount: cohort.essaimeCount },
    modules: modules.map((m) => moduleView(m, sessions)).map(({ moduleId, order, axis, title, sessionCount, attendance }) => ({ moduleId, order, axis, title, sessionCount, attendance })),
    openRequestsAvailable: open !== null,
    items: progressPage.items.map((p) => progressItem(p, modules, sessions, threshold, open)),
    nextCursor: progressPage.nextCursor,
  };
}

/**
 * One essaimé's training, for staff, its referent and its tutor: the cohort's sessions (every view reads the
 * same session items, so moves and cancellations show at once), its attendance per session, each module's
 * status and deliverable, each participant's rate, and the warnings. No contact details.
 */
export async function readEssaimeTraining(deps: Deps, principal: Principal, essaimeId: string): Promise<EssaimeTrainingView> {
  const { essaime, participants } = await getEssaimeWithParticipants(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureVisible(principal, essaime.structureId, 'Essaimé');
  const training = await getEssaimeTraining(deps.db, essaimeId);
  if (!training.progress) throw notFound('Training of this essaimé');
  const progress = training.progress;
  const { cohort, modules, sessions } = await loadProgramme(deps, progress.cohortId);
  const threshold = cohort.attendanceThreshold;
  const bySession = new Map<string, AttendanceRecord[]>();
  for (const a of training.attendance) bySession.set(a.sessionId, [...(bySession.get(a.sessionId) ?? []), a]);
  const modulesById = new Map(modules.map((m) => [m.moduleId, m]));
  const inactive = new Set(progress.inactiveParticipantIds);
  return {
    essaimeId,
    structureId: essaime.structureId,
    structureName: essaime.structureName,
    cohort: { cohortId: cohort.cohortId, name: cohort.name, startDate: cohort.startDate, endDate: cohort.endDate, attendanceThreshold: threshold },
    attendance: { ...progress.summary.totals, rate: attendanceRate(progress.summary.totals) },
    modules: moduleStatusesOf(progress, modules, sessions, threshold).map((s) => {
      const m = modulesById.get(s.moduleId);
      return {
        ...s,
        axisLabel: axisLabels[s.axis],
        objectives: m?.objectives ?? [],
        expertUserIds: m?.expertUserIds ?? [],
        deliverable: training.deliverables.find((d) => d.moduleId === s.moduleId) ?? null,
      };
    }),
    sessions: sessions.map((s) => ({
      sessionId: s.sessionId,
      moduleId: s.moduleId,
      moduleTitle: modulesById.get(s.moduleId)?.title ?? '',
      date: s.date,
      startTime: s.startTime,
      durationMinutes: s.durationMinutes,
      mode: s.mode,
      place: s.place,
      status: s.status,
      cancelReason: s.cancelReason,
      attendance: (bySession.get(s.sessionId) ?? []).map((a) => ({ participantId: a.participantId, status: a.status })),
    })),
    participants: participants
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name))
      .map((p) => {
        const s = progress.summary.participants[p.participantId];
        const counts = s ?? emptyCounts();
        return {
          participantId: p.participantId,
          name: p.name,
          role: p.role,
          active: p.active,
          since: p.since,
          until: p.until,
          replacedBy: p.replacedBy,
          attendance: { present: counts.present, excused: counts.excused, absent: counts.absent, rate: attendanceRate(counts) },
          currentAbsences: s?.currentAbsences ?? 0,
        };
      }),
    warnings: trainingWarnings(progress.summary, threshold, inactive),
  };
}
