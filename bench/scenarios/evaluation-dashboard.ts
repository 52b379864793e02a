import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putAllNow } from '../../shared/db/batch';
import { commit } from '../../shared/db/transact';
import { essaimeEntity } from '../../shared/essaimes/entities';
import { createEssaimeWrites } from '../../shared/essaimes/repository';
import type { Essaime } from '../../shared/essaimes/schemas';
import { aggregatePlaces, contributionOf, emptyFigures, type Figures } from '../../shared/evaluation/aggregate-rules';
import { aggregateEntity, reportEntity, stageEntity, type AggregateItem } from '../../shared/evaluation/entities';
import { getReport } from '../../shared/evaluation/repository';
import type { Report, Stage, StageKind } from '../../shared/evaluation/schemas';
import { defaultTemplate } from '../../shared/evaluation/templates';
import { acceptReport, createStage, saveReportDraft, submitReport } from '../../shared/evaluation/use-cases';
import { newId } from '../../shared/ids';
import { createSeason } from '../../shared/seasons/use-cases';
import { demoStructures } from '../../scripts/seed/demo-catalogue';
import { pad } from '../lib/bulk';
import { defineScenario } from '../lib/scenario';

/**
 * The programme dashboard of a season holding N accepted reports over 3 stages. One report is made through
 * the use cases (save, submit, accept: its aggregates by ADD); the others are copies of it for their own
 * essaimés (BatchWrite through the essaimé and report entities), and the season's aggregate items are then
 * written whole from the same pure rules the accept transaction applies (aggregatePlaces, contributionOf).
 * The dashboard reads the pre-computed aggregates, so its cost should not grow with the number of reports.
 */
const staff = { userId: 'demo-staff-claire', role: 'staff' as const, structureIds: [] };
const answersFor = (kind: StageKind) => Object.fromEntries(defaultTemplate(kind).questions.map((q) => [q.key, 'Réponse']));

function add(into: Figures, delta: Figures): void {
  into.acceptedReports += delta.acceptedReports;
  into.delaySum += delta.delaySum;
  into.delayWeight += delta.delayWeight;
  for (const [k, v] of Object.entries(delta.totals)) into.totals[k] = (into.totals[k] ?? 0) + v;
  for (const [k, v] of Object.entries(delta.rateBuckets)) into.rateBuckets[k] = (into.rateBuckets[k] ?? 0) + v;
  for (const [k, v] of Object.entries(delta.derived)) into.derived[k] = (into.derived[k] ?? 0) + v;
}

/** The aggregate items of `reports`, as the accept transactions' ADDs would have left them. */
function aggregateItems(seasonId: string, reports: Report[]): Record<string, unknown>[] {
  const places = new Map<string, { place: ReturnType<typeof aggregatePlaces>[number]; figures: Figures }>();
  for (const report of reports) {
    const delta = contributionOf(report, 1);
    for (const place of aggregatePlaces(report)) {
      const key = `${place.stageId}|${place.dimension}|${place.dimensionValue}`;
      const entry = places.get(key) ?? { place, figures: emptyFigures() };
      add(entry.figures, delta);
      places.set(key, entry);
    }
  }
  return [...places.values()].map(({ place, figures }) => {
    const attrs: Record<string, number> = {};
    for (const [k, v] of Object.entries(figures.totals)) attrs[`t_${k}`] = v;
    for (const [k, v] of Object.entries(figures.rateBuckets)) attrs[`b_${k}`] = v;
    for (const [k, v] of Object.entries(figures.derived)) attrs[`d_${k}`] = v;
    return aggregateEntity.toItem(({
      ...attrs,
      seasonId,
      ...place,
      ...(place.dimension === 'essaime' ? { essaimeId: place.dimensionValue } : {}),
      acceptedReports: figures.acceptedReports,
      delaySum: figures.delaySum,
      delayWeight: figures.delayWeight,
    }) as AggregateItem);
  });
}

export default defineScenario({
  name: 'evaluation-dashboard',
  description: 'GET /seasons/{seasonId}/dashboard (programme dashboard) of a season with N accepted reports, as staff',
  volumes: [10, 10_000],
  setup: async ({ deps }, volume) => {
    const n = volume ?? 10;
    // One season per year: each volume has its own.
    const year = n > 10 ? 2092 : 2090;
    const season = await createSeason(deps, staff, { name: `Saison de mesure ${n}`, year, startDate: `${year}-01-01`, endDate: `${year + 1}-12-31` });
    const stages: Stage[] = [];
    for (const [i, kind] of (['first-return', 'intermediate', 'final'] as const).entries()) {
      stages.push(await createStage(deps, staff, season.seasonId, { kind, order: i + 1, opensOn: '2024-01-01', dueOn: '2099-12-31' }));
    }
    const since = deps.now().toISOString();
    const structure = demoStructures[0]!;
    const essaimeOf = (i: number): Essaime => ({
      essaimeId: newId('essaime'),
      seasonId: season.seasonId,
      callId: null,
      applicationId: null,
      structureId: `str_bench-${pad(i)}`,
      structureName: `${structure.name} ${pad(i)}`,
      legalForm: structure.legalForm,
      territory: structure.territory,
      hypothesis: i % 4 === 3 ? 'B' : 'A',
      referentUserId: `bench-referent-${i}`,
      needs: [],
      activeParticipantCount: 0,
      tutorUserId: null,
      createdAt: since,
      version: 1,
    });
    // The model: one essaimé and its first-return report through the use cases.
    const first = essaimeOf(0);
    await commit(deps.db, staff, createEssaimeWrites(deps.db, first, [], since), [{ action: 'essaime.created', entityType: 'essaime', entityId: first.essaimeId, changes: { seasonId: season.seasonId } }], deps.now());
    const referent = { userId: first.referentUserId, role: 'referent' as const, structureIds: [first.structureId] };
    const stage = stages[0]!;
    const draft = await saveReportDraft(deps, referent, stage.stageId, first.essaimeId, {
      expectedVersion: 0,
      period: { start: `${year}-01-01`, end: `${year}-06-30` },
      indicators: { activeFile: 40, newlyWelcomed: 10, perSigned: 12, backInJob: 15, durableJob: 5, meanDelayDays: 110, companiesContacted: 100, companyVisits: 30, offersCaptured: 40, creFte: 2 },
      answers: answersFor(stage.kind),
    });
    const submitted = await submitReport(deps, referent, stage.stageId, first.essaimeId, draft.version);
    await acceptReport(deps, staff, stage.stageId, first.essaimeId, submitted.version);
    const model = await getReport(deps.db, stage.stageId, first.essaimeId);
    if (!model) throw new Error('The model report was not found');
    // The others: ⌈N / 3⌉ essaimés, each with an accepted report in each stage (N in all).
    const essaimes = [first, ...Array.from({ length: Math.ceil(n / 3) - 1 }, (_, i) => essaimeOf(i + 1))];
    const reports: Report[] = [model];
    for (let i = 1; i < n; i++) {
      const essaime = essaimes[i % essaimes.length]!;
      const onStage = stages[Math.floor(i / essaimes.length)]!;
      reports.push({ ...model, stageId: onStage.stageId, essaimeId: essaime.essaimeId, dimensions: { ...model.dimensions, hypothesis: essaime.hypothesis } });
    }
    await putAllNow(deps.db, [
      ...essaimes.slice(1).map((e) => essaimeEntity.toItem(e)),
      ...reports.slice(1).map((r) => reportEntity.toItem(r)),
      ...aggregateItems(season.seasonId, reports),
    ]);
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
