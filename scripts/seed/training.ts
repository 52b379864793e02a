import type { Principal } from '../../shared/access/principal';
import { getEssaimeWithParticipants, listAllEssaimesOfSeason } from '../../shared/essaimes/repository';
import type { Deps } from '../../shared/runtime';
import { addDays } from '../../shared/training/rules';
import { demoCalendar } from './demo-calendar';
import type { AttendanceStatus } from '../../shared/training/rules';
import { createCohort, recordAttendance, submitDeliverable } from '../../shared/training/use-cases';
import type { SessionInput } from '../../shared/training/schemas';

const seeder: Principal = { userId: 'system-seed', role: 'staff', structureIds: [] };

/** Two sessions per module, a fortnight apart, over five months; the first of each module in person at A.CO.R. */
function sessionsOf(start: string, moduleIndex: number): SessionInput[] {
  const first = addDays(start, moduleIndex * 28);
  return [
    { date: first, startTime: '09:30', durationMinutes: 210, mode: 'in-person', place: 'A.CO.R., Pau (Pyrénées-Atlantiques)' },
    { date: addDays(first, 14), startTime: '14:00', durationMinutes: 150, mode: 'remote', place: 'Visioconférence (lien envoyé la veille)' },
  ];
}

/** Who missed what in the sessions already recorded (a negative index counts from the latest): the rest were present. */
const exceptions: Record<string, Record<number, AttendanceStatus>> = {
  'Paul Gauthier': { [-2]: 'absent', [-1]: 'absent' }, // Jura Service: absent from the two latest sessions
  'Sandrine Billaud': { 1: 'absent', 3: 'absent' }, // AIR & AICM: under the 80% threshold
  'Erwan Le Bihan': { 2: 'excused' },
};

/**
 * The cohort in training: five modules (one per axis) with A.CO.R. experts, ten sessions from the demo
 * calendar's training start (about fifteen weeks ago), attendance of the sessions held but the latest, and a few
 * deliverables. Through the use cases, so audit entries exist.
 */
export async function seedTraining(deps: Deps, seasonId: string): Promise<void> {
  const experts = [['demo-tutor-michel'], ['demo-tutor-isabelle'], ['demo-tutor-michel'], ['demo-tutor-isabelle'], ['demo-tutor-michel', 'demo-tutor-isabelle']];
  const axes = ['prospecting', 'loyalty', 'jobseeker-support', 'matching', 'transformation'] as const;
  const { trainingStart, cohortSeason, today } = demoCalendar(deps.now());
  const cohort = await createCohort(deps, seeder, seasonId, {
    startDate: trainingStart,
    name: `Formation-action ${cohortSeason.year}-${cohortSeason.year + 1}`,
    modules: axes.map((axis, i) => ({ axis, expertUserIds: experts[i], sessions: sessionsOf(trainingStart, i) })),
  });

  const essaimes = await listAllEssaimesOfSeason(deps.db, seasonId);
  const people = await Promise.all(essaimes.map((e) => getEssaimeWithParticipants(deps.db, e.essaimeId)));
  const participants = people.flatMap((p) => p.participants.filter((x) => x.active));
  // The latest session held still waits for its attendance sheet (staff's next task).
  const recorded = [...cohort.sessions].sort((a, b) => (a.date < b.date ? -1 : 1)).filter((session) => session.date < today).slice(0, -1);
  for (const [index, session] of recorded.entries()) {
    const statusOf = (name: string) => exceptions[name]?.[index] ?? exceptions[name]?.[index - recorded.length] ?? 'present';
    await recordAttendance(deps, seeder, cohort.cohortId, session.sessionId, {
      records: participants.map((p) => ({ essaimeId: p.essaimeId, participantId: p.participantId, status: statusOf(p.name) })),
    });
  }

  const deliverables: { structureId: string; modules: number[] }[] = [
    { structureId: 'str_passerelle', modules: [0, 1] },
    { structureId: 'str_jura-service', modules: [0] },
  ];
  for (const { structureId, modules } of deliverables) {
    const essaime = essaimes.find((e) => e.structureId === structureId);
    if (!essaime) continue;
    const referent: Principal = { userId: essaime.referentUserId, role: 'referent', structureIds: [structureId] };
    for (const index of modules) {
      const module = cohort.modules[index]!;
      await submitDeliverable(deps, referent, essaime.essaimeId, module.moduleId, {
        title: `Plan d'action — ${module.title}`,
        content: `Plan d'action de ${essaime.structureName} pour l'axe « ${module.title} » : objectifs à trois mois, personnes mobilisées, premières actions engagées et indicateurs de suivi.`,
      });
    }
  }
}
