import { getOne, putNow } from '../../shared/db/store';
import { seedMarkerEntity } from './entities';
import type { Db } from '../../shared/db/client';
import { commit } from '../../shared/db/transact';
import { putMembershipWrite, putProfileWrite } from '../../shared/identity/repository';
import type { Deps } from '../../shared/runtime';
import { createEssaimeWrites } from '../../shared/essaimes/repository';
import type { Essaime, Participant } from '../../shared/essaimes/schemas';
import { newId } from '../../shared/ids';
import { createSeason, updateSeason } from '../../shared/seasons/use-cases';
import { seedCalls } from './calls';
import { demoCalendar } from './demo-calendar';
import { demoEssaimes, demoStructures, demoUsers } from './demo-catalogue';
import { seedAcorLead, seedEvaluation } from './evaluation';
import { seedTraining } from './training';
import { seedTutoring } from './tutoring';

const seeder = { userId: 'system-seed', role: 'staff' as const, structureIds: [] };

/**
 * Loads the demo data through the same use cases the API runs (so audit entries exist too).
 * Idempotent: a marker item records that the seed ran, so a persisted database (-dbPath) is seeded once.
 */
export async function seedDemoData(deps: Deps): Promise<{ seeded: boolean }> {
  const { db } = deps;
  if (await getOne(db, seedMarkerEntity, { name: 'demo' }, true)) return { seeded: false };

  await seedUsers(db, deps.now());
  const calendar = demoCalendar(deps.now());
  const { cohortSeason, callSeason } = calendar;
  const cohort = await createSeason(deps, seeder, { name: cohortSeason.name, year: cohortSeason.year, startDate: cohortSeason.startDate, endDate: cohortSeason.endDate, hypotheses: ['A', 'B'] });
  await updateSeason(deps, seeder, cohort.seasonId, { expectedVersion: 1, status: 'running' });
  await createSeason(deps, seeder, { name: callSeason.name, year: callSeason.year, startDate: callSeason.startDate, endDate: callSeason.endDate, hypotheses: ['A', 'B'] });
  await seedEssaimes(deps, cohort.seasonId);

  await seedEvaluation(deps, cohort.seasonId);
  await seedTraining(deps, cohort.seasonId);
  await seedCalls(deps);
  await seedTutoring(deps, cohort.seasonId);
  await seedAcorLead(deps);
  await putNow(db, seedMarkerEntity, { name: 'demo', at: deps.now().toISOString() });
  return { seeded: true };
}

async function seedUsers(db: Db, now: Date): Promise<void> {
  const since = now.toISOString();
  for (const user of demoUsers) {
    const writes = [
      putProfileWrite(db, { userId: user.userId, role: user.role, displayName: user.displayName, email: user.email, organisation: user.organisation }),
      // Referent memberships come with the essaimés (as selection creates them); tutors' are seeded here.
      ...(user.role === 'tutor' ? user.structureIds : []).map((structureId) =>
        putMembershipWrite(db, {
          userId: user.userId,
          structureId,
          structureName: demoStructures.find((s) => s.structureId === structureId)?.name ?? structureId,
          relation: 'tutor',
          since,
        }),
      ),
    ];
    await commit(db, seeder, writes, [{ action: 'user.created', entityType: 'user', entityId: user.userId, changes: { role: user.role } }], now);
  }
}

/** The cohort season's essaimés: structures already selected, with their referent and three participants each. */
async function seedEssaimes(deps: Deps, seasonId: string): Promise<void> {
  const since = deps.now().toISOString();
  for (const seed of demoEssaimes) {
    const structure = demoStructures.find((s) => s.structureId === seed.structureId);
    if (!structure) throw new Error(`Unknown demo structure ${seed.structureId}`);
    const essaimeId = newId('essaime');
    const essaime: Essaime = {
      essaimeId,
      seasonId,
      callId: null,
      applicationId: null,
      structureId: structure.structureId,
      structureName: structure.name,
      legalForm: structure.legalForm,
      territory: structure.territory,
      hypothesis: seed.hypothesis,
      referentUserId: seed.referentUserId,
      needs: seed.needs.map((axis, index) => ({ axis, priority: index + 1, description: '' })),
      activeParticipantCount: seed.participants.length,
      tutorUserId: seed.tutorUserId,
      createdAt: since,
      version: 1,
    };
    const participants: Participant[] = seed.participants.map((p) => ({
      ...p,
      participantId: newId('participant'),
      essaimeId,
      structureId: structure.structureId,
      active: true,
      since,
      until: null,
      replacedBy: null,
    }));
    if (!demoUsers.some((u) => u.userId === seed.referentUserId)) {
      await commit(deps.db, seeder, [putProfileWrite(deps.db, { userId: seed.referentUserId, role: 'referent', displayName: seed.referentName, email: `${seed.referentUserId}@structure.example`, organisation: structure.name })], [], deps.now());
    }
    await commit(deps.db, seeder, createEssaimeWrites(deps.db, essaime, participants, since), [
      { action: 'essaime.created', entityType: 'essaime', entityId: essaimeId, changes: { structureId: structure.structureId, seasonId } },
    ], deps.now());
  }
}
