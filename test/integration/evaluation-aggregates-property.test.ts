import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../scripts/seed/demo-data';
import type { Principal } from '../../shared/access/principal';
import type { Db } from '../../shared/db/client';
import { DomainError } from '../../shared/errors';
import { listAllEssaimesOfSeason } from '../../shared/essaimes/repository';
import type { Essaime } from '../../shared/essaimes/schemas';
import { emptyFigures, normaliseFigures, recomputeAggregates, type Figures } from '../../shared/evaluation/aggregate-rules';
import { readAllAggregates } from '../../shared/evaluation/aggregates';
import { getReport, listReportsOfStage } from '../../shared/evaluation/repository';
import { defaultTemplate } from '../../shared/evaluation/templates';
import { acceptReport, createStage, reopenReport, requestChanges, saveReportDraft, submitReport } from '../../shared/evaluation/use-cases';
import { listSeasons } from '../../shared/seasons/repository';
import { createTestDb, testDeps } from '../support/db';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/**
 * The pre-computed aggregates always equal a recomputation from the accepted reports, after any sequence of
 * save / submit / accept / request changes / resubmit / reopen (and concurrent double accepts), on DynamoDB
 * Local. Refused steps (wrong status, stale version) must leave the aggregates as they were.
 */
let db: Db;
let seasonId: string;
let essaimes: Essaime[];
const staff: Principal = { userId: 'demo-staff-claire', role: 'staff', structureIds: [] };

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoData(testDeps(db));
  const seasons = await listSeasons(db, { limit: 10 });
  seasonId = seasons.items.find((s) => s.year === demoSeasons.cohort)!.seasonId;
  essaimes = (await listAllEssaimesOfSeason(db, seasonId)).slice(0, 3);
});
afterAll(() => db.doc.destroy());

const required = defaultTemplate('final');
const answers = Object.fromEntries(required.questions.map((q) => [q.key, 'Réponse de démonstration']));

const figuresArb = fc
  .tuple(fc.nat(200), fc.nat(1000), fc.nat(1000), fc.option(fc.nat(40_000)), fc.nat(50), fc.nat(300))
  .map(([active, a, b, delay, fte, companies]) => {
    const backInJob = a % (active + 1);
    const durableJob = b % (backInJob + 1);
    return {
      activeFile: active,
      newlyWelcomed: Math.floor(active / 2),
      perSigned: active,
      backInJob,
      durableJob,
      ...(delay === null ? {} : { meanDelayDays: delay / 100 }),
      companiesContacted: companies,
      companyVisits: Math.floor(companies / 3),
      offersCaptured: Math.floor(companies / 4),
      creFte: fte / 10,
    };
  });

type Op =
  | { op: 'advance' | 'save' | 'submit' | 'accept' | 'request-changes' | 'reopen' | 'double-accept'; i: number; figures: Record<string, number>; choice: boolean };

const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.oneof(
    { weight: 5, arbitrary: fc.constant('advance' as const) },
    { weight: 1, arbitrary: fc.constantFrom('save' as const, 'submit' as const, 'accept' as const, 'request-changes' as const, 'reopen' as const) },
    { weight: 1, arbitrary: fc.constant('double-accept' as const) },
  ),
  i: fc.nat(2),
  figures: figuresArb,
  choice: fc.boolean(),
});

const referentOf = (e: Essaime): Principal => ({ userId: e.referentUserId, role: 'referent', structureIds: [e.structureId] });

/** Runs one step; a refusal must be a domain error (never a crash). */
async function step(stageId: string, o: Op): Promise<void> {
  const deps = testDeps(db);
  const essaime = essaimes[o.i % essaimes.length]!;
  const current = await getReport(db, stageId, essaime.essaimeId);
  const version = current?.version ?? 0;
  const save = () => saveReportDraft(deps, referentOf(essaime), stageId, essaime.essaimeId, { expectedVersion: version, period: { start: '2020-01-01', end: '2020-12-31' }, indicators: o.figures, answers });
  const submit = () => submitReport(deps, referentOf(essaime), stageId, essaime.essaimeId, version);
  const accept = () => acceptReport(deps, staff, stageId, essaime.essaimeId, version);
  const sendBack = () => requestChanges(deps, staff, stageId, essaime.essaimeId, { expectedVersion: version, comments: [{ path: 'indicators.backInJob', comment: 'À vérifier' }] });
  const reopen = () => reopenReport(deps, staff, stageId, essaime.essaimeId, { expectedVersion: version, reason: 'Chiffre corrigé' });
  const run = async (): Promise<unknown> => {
    switch (o.op) {
      case 'save':
        return save();
      case 'submit':
        return submit();
      case 'accept':
        return accept();
      case 'request-changes':
        return sendBack();
      case 'reopen':
        return reopen();
      case 'double-accept': {
        const results = await Promise.allSettled([accept(), accept()]);
        expect(results.filter((r) => r.status === 'fulfilled').length).toBeLessThanOrEqual(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DomainError);
        return;
      }
      case 'advance':
        if (!current || current.status === 'draft' || current.status === 'changes-requested') {
          // A fresh or reopened report gets (new) figures before it is submitted, i.e. a resubmission with changes.
          if (!current || o.choice || current.status === 'changes-requested') {
            const saved = await save();
            return submitReport(deps, referentOf(essaime), stageId, essaime.essaimeId, saved.version);
          }
          return submit();
        }
        if (current.status === 'submitted') return o.choice ? accept() : sendBack();
        return o.choice ? reopen() : undefined;
    }
  };
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
  }
}

const clean = (map: Map<string, Figures>, stageId: string) => {
  const empty = normaliseFigures(emptyFigures());
  return Object.fromEntries(
    [...map.entries()]
      .filter(([sk]) => sk.includes(stageId))
      .map(([sk, f]) => [sk, normaliseFigures(f)] as const)
      .filter(([, f]) => JSON.stringify(f) !== JSON.stringify(empty))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
};

async function assertAggregatesMatch(stageId: string): Promise<number> {
  const accepted = (await listReportsOfStage(db, stageId)).filter((r) => r.status === 'accepted');
  expect(clean(await readAllAggregates(db, seasonId), stageId)).toEqual(clean(recomputeAggregates(accepted), stageId));
  return accepted.length;
}

describe('pre-computed aggregates (property)', () => {
  it('always equal a recomputation from the accepted reports', async () => {
    let runs = 0;
    let sawAccepted = 0;
    let sawReopen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        runs += 1;
        // A fresh stage per run: its aggregate items start empty.
        const stage = await createStage(testDeps(db), staff, seasonId, { kind: 'final', order: 9, name: `Propriété ${runs}`, opensOn: '2020-01-01', dueOn: '2031-01-01' });
        for (const o of ops) {
          await step(stage.stageId, o);
          const accepted = await assertAggregatesMatch(stage.stageId);
          if (accepted > 0) sawAccepted += 1;
        }
        const reopened = (await listReportsOfStage(db, stage.stageId)).some((r) => r.reviews.some((v) => v.action === 'reopened'));
        if (reopened) sawReopen += 1;
      }),
      { numRuns: 25 },
    );
    // The generator does reach the interesting states (otherwise the property would prove little).
    expect(sawAccepted).toBeGreaterThan(10);
    expect(sawReopen).toBeGreaterThan(0);
  }, 240_000);
});
