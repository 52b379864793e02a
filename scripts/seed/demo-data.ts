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
import { demoEssaimes, demoStructures, demoUsers } from './demo-catalogue';
import { seedEvaluation } from './evaluation';
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
  const season2019 = await createSeason(deps, seeder, {
    name: 'Saison 2019-2020 — essaimage A.CO.R.',
    year: 2019,
    startDate: '2019-09-01',
    endDate: '2021-03-31',
    hypotheses: ['A', 'B'],
  });
  await updateSeason(deps, seeder, season2019.seasonId, { expectedVersion: 1, status: 'running' });
  await createSeason(deps, seeder, {
    name: 'Saison 2020-2021 — essaimage A.CO.R.',
    year: 2020,
    startDate: '2020-09-01',
    endDate: '2022-03-31',
    hypotheses: ['A', 'B'],
  });
  await seedEssaimes(deps, season2019.seasonId);

  await seedEvaluation(deps, season2019.seasonId);
  await seedTraining(deps, season2019.seasonId);
  await seedCalls(deps);
  await seedTutoring(deps, season2019.seasonId);
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

/** The 2019 cohort: structures already selected, with their referent and three participants each. */
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
