import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { commit } from '../../shared/db/transact';
import { createEssaimeWrites } from '../../shared/essaimes/repository';
import type { Essaime } from '../../shared/essaimes/schemas';
import { aggregateEntity, stageEntity } from '../../shared/evaluation/entities';
import type { Stage, StageKind } from '../../shared/evaluation/schemas';
import { defaultTemplate } from '../../shared/evaluation/templates';
import { acceptReport, createStage, saveReportDraft, submitReport } from '../../shared/evaluation/use-cases';
import { newId } from '../../shared/ids';
import { createSeason } from '../../shared/seasons/use-cases';
import { demoStructures } from '../../scripts/seed/demo-catalogue';
import { defineScenario, inBatches } from '../lib/scenario';

/**
 * The programme dashboard of a season holding `volume` accepted reports (3 stages × ⌈volume / 3⌉ essaimés,
 * spread over the demo régions and settings, reports made through the use cases: save, submit, accept).
 * The dashboard reads the pre-computed aggregates, so its cost should not grow with the number of reports.
 */
const staff = { userId: 'demo-staff-claire', role: 'staff' as const, structureIds: [] };
const answersFor = (kind: StageKind) => Object.fromEntries(defaultTemplate(kind).questions.map((q) => [q.key, 'Réponse']));

export default defineScenario({
  name: 'evaluation-dashboard',
  description: 'GET /seasons/{seasonId}/dashboard (programme dashboard) of a season with N accepted reports, as staff',
  volumes: [10, 1000],
  setup: async ({ deps }, volume) => {
    const n = volume ?? 10;
    const season = await createSeason(deps, staff, { name: `Saison de mesure ${n}`, year: 2090, startDate: '2090-01-01', endDate: '2091-12-31' });
    const stages: Stage[] = [];
    for (const [i, kind] of (['first-return', 'intermediate', 'final'] as const).entries()) {
      stages.push(await createStage(deps, staff, season.seasonId, { kind, order: i + 1, opensOn: '2024-01-01', dueOn: '2099-12-31' }));
    }
    const count = Math.ceil(n / stages.length);
    const essaimes: Essaime[] = [];
    const since = deps.now().toISOString();
    await inBatches(count, 16, async (i) => {
      const structure = demoStructures[i % demoStructures.length]!;
      const essaime: Essaime = {
        essaimeId: newId('essaime'),
        seasonId: season.seasonId,
        callId: null,
        applicationId: null,
        structureId: `str_bench-${i}`,
        structureName: `${structure.name} ${i}`,
        legalForm: structure.legalForm,
        territory: structure.territory,
        hypothesis: i % 4 === 3 ? 'B' : 'A',
        referentUserId: `bench-referent-${i}`,
        needs: [],
        activeParticipantCount: 0,
        tutorUserId: null,
        createdAt: since,
        version: 1,
      };
      await commit(deps.db, staff, createEssaimeWrites(deps.db, essaime, [], since), [
        { action: 'essaime.created', entityType: 'essaime', entityId: essaime.essaimeId, changes: { seasonId: season.seasonId } },
      ], deps.now());
      essaimes[i] = essaime;
    });
    await inBatches(n, 16, async (i) => {
      const essaime = essaimes[i % count]!;
      const stage = stages[Math.floor(i / count)]!;
      const referent = { userId: essaime.referentUserId, role: 'referent' as const, structureIds: [essaime.structureId] };
      const active = 20 + (i % 60);
      const back = Math.floor(active * (0.3 + (i % 7) / 10));
      const draft = await saveReportDraft(deps, referent, stage.stageId, essaime.essaimeId, {
        expectedVersion: 0,
        period: { start: '2090-01-01', end: '2090-06-30' },
        indicators: { activeFile: active, newlyWelcomed: 10, perSigned: 12, backInJob: back, durableJob: Math.floor(back / 3), meanDelayDays: 90 + (i % 50), companiesContacted: 100, companyVisits: 30, offersCaptured: 40, creFte: 2 },
        answers: answersFor(stage.kind),
      });
      const submitted = await submitReport(deps, referent, stage.stageId, essaime.essaimeId, draft.version);
      await acceptReport(deps, staff, stage.stageId, essaime.essaimeId, submitted.version);
    });
    return { seasonId: season.seasonId, accepted: n };
  },
  request: ({ state }) => ({ method: 'GET', path: `/seasons/${state.seasonId}/dashboard`, as: 'demo-staff-claire' }),
  check: (res, { state }) => {
    const accepted = (res.body?.stages ?? []).reduce((sum: number, s: { programme: { acceptedReports: number } }) => sum + s.programme.acceptedReports, 0);
    if (accepted !== state.accepted) throw new Error(`The dashboard counts ${accepted} accepted reports, expected ${state.accepted}`);
  },
  rawLabel: 'Query gsi1 SEASON#{id}#EVSTAGES ‖ Query EVAGG#{id} begins_with STAGE#',
  raw: ({ db, state }) =>
    Promise.all([
      db.doc.send(new QueryCommand({ TableName: db.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': stageEntity.partition('gsi1', { seasonId: state.seasonId }) } })),
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': aggregateEntity.partition('table', { seasonId: state.seasonId }), ':prefix': 'STAGE#' },
        }),
      ),
    ]),
});
