import type { Principal } from '../../access/principal';
import { assertStructureVisible } from '../../access/policy';
import { notFound } from '../../errors';
import { getEssaime } from '../../essaimes/repository';
import { emptyFigures, type Figures } from '../../evaluation/aggregate-rules';
import { readEssaimeAggregates, readProgrammeAggregates, type Aggregate } from '../../evaluation/aggregates';
import { listStagesOfSeason } from '../../evaluation/repository';
import type { Stage } from '../../evaluation/schemas';
import type { Deps } from '../../runtime';
import type { KeyBatch } from '../../db/key-batch';
import { seasonEntity } from '../../seasons/entities';
import { getSeason } from '../../seasons/repository';
import { referenceFigures, formatReferenceValue } from '../../evaluation/reference';
import { compareWithReference, perCreRatiosOf, ratesOf } from './rules';
import type { Breakdown, EssaimeDashboard, FiguresView, ProgrammeDashboard } from './schemas';

/**
 * Dashboards. Both read evaluation's pre-computed aggregates (and the season's stages), never the reports:
 * their cost does not grow with the number of accepted reports.
 */
export function viewOf(figures: Figures): FiguresView {
  const rates = ratesOf(figures);
  const ratios = perCreRatiosOf(figures);
  const totals = Object.fromEntries(Object.entries(figures.totals).filter(([, v]) => v !== 0));
  return { acceptedReports: figures.acceptedReports, totals, rates, ratios, comparison: compareWithReference(rates, ratios) };
}

const buildReferenceView = () => referenceFigures.map((f) => ({ key: f.key, label: f.label, value: f.value, high: 'high' in f ? f.high : null, unit: f.unit, period: f.period, source: f.source, display: formatReferenceValue(f) }));
let reference: ReturnType<typeof buildReferenceView> | undefined;

/**
 * Every figure of the study's reference with its source, as the dashboards and reports show it. Built once
 * per container: the figures are constants, and formatting them in French took about a millisecond a request.
 */
export const referenceView = () => (reference ??= buildReferenceView());

const stageHead = (s: Stage) => ({ stageId: s.stageId, kind: s.kind, order: s.order, name: s.name, opensOn: s.opensOn, dueOn: s.dueOn });

export const settingLabels: Record<string, string> = { urban: 'Urbain', rural: 'Rural', 'semi-rural': 'Semi-rural' };
export const hypothesisLabels: Record<string, string> = {
  A: 'A — opérateur au service d’une collectivité',
  B: 'B — collectivité faisant évoluer ses équipes',
};

/** An essaimé's indicators stage by stage, next to the A.CO.R. reference. */
export async function essaimeDashboard(deps: Deps, principal: Principal, essaimeId: string): Promise<EssaimeDashboard> {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureVisible(principal, essaime.structureId, 'Essaimé');
  const [stages, aggregates] = await Promise.all([
    listStagesOfSeason(deps.db, essaime.seasonId),
    readEssaimeAggregates(deps.db, essaime.seasonId, essaimeId),
  ]);
  const byStage = new Map(aggregates.map((a) => [a.stageId, a.figures]));
  return {
    essaimeId,
    seasonId: essaime.seasonId,
    structureName: essaime.structureName,
    territory: essaime.territory,
    hypothesis: essaime.hypothesis,
    reference: referenceView(),
    stages: stages.map((stage) => {
      const figures = byStage.get(stage.stageId);
      return { ...stageHead(stage), accepted: Boolean(figures && figures.acceptedReports > 0), figures: viewOf(figures ?? emptyFigures()) };
    }),
  };
}

/** Share of reports per tenth of return-to-job rate: how the essaimés spread around the reference. */
function rateDistribution(figures: Figures) {
  const buckets = Array.from({ length: 10 }, (_, i) => ({ bucket: String(i), from: i / 10, to: (i + 1) / 10, reports: figures.rateBuckets[String(i)] ?? 0 }));
  return { buckets, noneSupported: figures.rateBuckets.na ?? 0 };
}

/** The programme, stage by stage: totals and rates, spread by hypothesis, région and setting, next to the reference. */
/** `batch`: the route's batch of key reads (the season joins the caller's profile there). */
export async function programmeDashboard(deps: Deps, seasonId: string, batch?: KeyBatch): Promise<ProgrammeDashboard> {
  // One round trip: the season, its stages and its aggregates are read at once.
  const [season, stages, aggregates] = await Promise.all([
    batch ? batch.get(seasonEntity, { seasonId }) : getSeason(deps.db, seasonId),
    listStagesOfSeason(deps.db, seasonId),
    readProgrammeAggregates(deps.db, seasonId),
  ]);
  if (!season) throw notFound('Season');
  return {
    seasonId,
    seasonName: season.name,
    reference: referenceView(),
    stages: stages.map((stage) => {
      const ofStage = aggregates.filter((a) => a.stageId === stage.stageId);
      const programme = ofStage.find((a) => a.dimension === 'programme')?.figures ?? emptyFigures();
      const breakdown = (dimension: Aggregate['dimension'], label: (v: string) => string): Breakdown[] =>
        ofStage
          .filter((a) => a.dimension === dimension && a.figures.acceptedReports > 0)
          .map((a) => ({ key: a.dimensionValue, label: label(a.dimensionValue), figures: viewOf(a.figures) }))
          .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
      return {
        ...stageHead(stage),
        programme: viewOf(programme),
        rateDistribution: rateDistribution(programme),
        byHypothesis: breakdown('hypothesis', (v) => hypothesisLabels[v] ?? v),
        byRegion: breakdown('region', (v) => v),
        bySetting: breakdown('setting', (v) => settingLabels[v] ?? v),
      };
    }),
  };
}
