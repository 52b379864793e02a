import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putAllNow } from '../../shared/db/batch';
import { commit } from '../../shared/db/transact';
import { createEssaimeWrites } from '../../shared/essaimes/repository';
import type { Essaime, Participant } from '../../shared/essaimes/schemas';
import { newId } from '../../shared/ids';
import type { Deps } from '../../shared/runtime';
import { createSeason } from '../../shared/seasons/use-cases';
import { cohortEntity, progressEntity } from '../../shared/training/entities';
import { addDays } from '../../shared/training/rules';
import { createCohort, recordAttendance } from '../../shared/training/use-cases';
import { essaimeOpenRequestsEntity } from '../../shared/tutoring/entities';
import { demoStructures } from '../../scripts/seed/demo-catalogue';
import { defineScenario, inBatches } from '../lib/scenario';

/** A full first page at both volumes (5 essaimés at the smallest), so large/small measures the cohort's size, not the page's. */
const pageSize = 5;

/**
 * The cohort progress view (first page of 5) of a season with N essaimés, each with 3 participants and
 * 10 sessions of attendance recorded (30 records per essaimé: 150 at N = 5, 3,000 at N = 100), made through
 * the use cases, and i % 3 open tutoring requests on essaimé i's pre-computed counter. The view reads the cohort
 * partition and a page of pre-computed progress items, then the page's open-request counters (one
 * BatchGetItem), so its cost should follow the page, not the attendance nor the essaimés.
 */
const staff = { userId: 'demo-staff-claire', role: 'staff' as const, structureIds: [] };
const SESSIONS = 10;

export default defineScenario({
  name: 'training-cohort-progress',
  description: 'GET /cohorts/{cohortId}/progress?limit=5 of a cohort of N essaimés × 3 participants × 10 recorded sessions, as staff',
  volumes: [5, 100],
  setup: async ({ db }, volume) => {
    const n = volume ?? 5;
    // The cohort takes place in Y-(Y+1); the clock is set after it so attendance can be recorded. One season per
    // year: each volume has its own year, 28 years apart (the same weekdays).
    const y = n > 5 ? 2060 : 2088;
    const START = `${y}-10-04`;
    const deps: Deps = { db, now: () => new Date(`${y + 1}-06-01T10:00:00Z`) };
    const season = await createSeason(deps, staff, { name: `Saison de mesure ${n}`, year: y, startDate: `${y}-09-01`, endDate: `${y + 1}-12-31` });
    const since = deps.now().toISOString();
    const people: Participant[][] = [];
    await inBatches(n, 16, async (i) => {
      const structure = demoStructures[i % demoStructures.length]!;
      const essaimeId = newId('essaime');
      const essaime: Essaime = {
        essaimeId,
        seasonId: season.seasonId,
        callId: null,
        applicationId: null,
        structureId: `str_bench-${i}`,
        structureName: `${structure.name} ${String(i).padStart(3, '0')}`,
        legalForm: structure.legalForm,
        territory: structure.territory,
        hypothesis: 'A',
        referentUserId: `bench-referent-${i}`,
        needs: [],
        activeParticipantCount: 3,
        tutorUserId: null,
        createdAt: since,
        version: 1,
      };
      const participants: Participant[] = [0, 1, 2].map((k) => ({
        name: `Participant ${i}-${k}`,
        role: 'Chargé de relation entreprises',
        email: `p${i}-${k}@bench.example`,
        participantId: newId('participant'),
        essaimeId,
        structureId: essaime.structureId,
        active: true,
        since,
        until: null,
        replacedBy: null,
      }));
      await commit(deps.db, staff, createEssaimeWrites(deps.db, essaime, participants, since), [
        { action: 'essaime.created', entityType: 'essaime', entityId: essaimeId, changes: { seasonId: season.seasonId } },
      ], deps.now());
      people[i] = participants;
    });
    const axes = ['prospecting', 'loyalty', 'jobseeker-support', 'matching', 'transformation'] as const;
    const cohort = await createCohort(deps, staff, season.seasonId, {
      startDate: START,
      modules: axes.map((axis, m) => ({
        axis,
        sessions: [0, 1].map((k) => ({ date: addDays(START, (m * 2 + k) * 14), startTime: '09:30', durationMinutes: 180, mode: 'in-person' as const, place: 'A.CO.R., Pau' })),
      })),
    });
    for (const [s, session] of cohort.sessions.entries()) {
      await recordAttendance(deps, staff, cohort.cohortId, session.sessionId, {
        records: people.flat().map((p, j) => ({ essaimeId: p.essaimeId, participantId: p.participantId, status: (j + s) % 9 === 0 ? ('absent' as const) : ('present' as const) })),
      });
    }
    const essaimeIds = people.map((p) => p[0]!.essaimeId);
    await putAllNow(db, essaimeIds.map((essaimeId, i) => essaimeOpenRequestsEntity.toItem({ essaimeId, openCount: i % 3 })));
    const openByEssaime = Object.fromEntries(essaimeIds.map((id, i) => [id, i % 3]));
    return { cohortId: cohort.cohortId, essaimes: n, records: n * 3 * SESSIONS, openByEssaime };
  },
  request: ({ state }) => ({ method: 'GET', path: `/cohorts/${state.cohortId}/progress?limit=${pageSize}`, as: 'demo-staff-claire' }),
  check: (res, { state }) => {
    const items = res.body?.items ?? [];
    if (items.length !== Math.min(pageSize, state.essaimes)) throw new Error(`The progress page has ${items.length} essaimés`);
    for (const item of items) {
      const { present, excused, absent } = item.attendance;
      if (present + excused + absent !== 3 * SESSIONS) throw new Error(`${item.structureName}: ${present + excused + absent} records, expected ${3 * SESSIONS}`);
      if (item.openRequests !== state.openByEssaime[item.essaimeId]) throw new Error(`${item.structureName}: ${item.openRequests} open requests, expected ${state.openByEssaime[item.essaimeId]}`);
    }
  },
  rawLabel: 'Query COHORT#{id} (cohort, modules, sessions) ‖ Query gsi1 COHORT#{id}#PROGRESS, Limit 5; then BatchGetItem of the page\'s open-request counters',
  raw: async ({ db, state }) => {
    const [, progress] = await Promise.all([
      db.doc.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': cohortEntity.partition('table', { cohortId: state.cohortId }) } })),
      db.doc.send(
        new QueryCommand({ TableName: db.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': progressEntity.partition('gsi1', { cohortId: state.cohortId }) }, Limit: pageSize }),
      ),
    ]);
    const keys = (progress.Items ?? []).map((item) => essaimeOpenRequestsEntity.key({ essaimeId: String(item.essaimeId) }));
    return db.doc.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: keys } } }));
  },
});
