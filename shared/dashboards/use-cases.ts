import type { Principal } from '../access/principal';
import { assertStructureAccess } from '../access/policy';
import { notFound } from '../errors';
import { getEssaime } from '../essaimes/repository';
import { listStagesOfSeason } from '../evaluation/repository';
import type { Stage } from '../evaluation/schemas';
import type { Deps } from '../runtime';
import { getSeason } from '../seasons/repository';
import { readEssaimeAggregates, readProgrammeAggregates } from './repository';
import { acorReference, compareWithReference, emptyFigures, ratesOf, type Comparison, type Figures, type Rates } from './rules';

/**
 * Dashboards. Both read the pre-computed aggregate items (and the season's stages), never the reports:
 * their cost does not grow with the number of accepted reports.
 */
export interface FiguresView {
  acceptedReports: number;
  totals: Record<string, number>;
  rates: Rates;
  comparison: Comparison[];
}

export function viewOf(figures: Figures): FiguresView {
  const rates = ratesOf(figures);
  const totals = Object.fromEntries(Object.entries(figures.totals).filter(([, v]) => v !== 0));
  return { acceptedReports: figures.acceptedReports, totals, rates, comparison: compareWithReference(rates) };
}

const stageHead = (s: Stage) => ({ stageId: s.stageId, kind: s.kind, order: s.order, name: s.name, opensOn: s.opensOn, dueOn: s.dueOn });

export const settingLabels: Record<string, string> = { urban: 'Urbain', rural: 'Rural', 'semi-rural': 'Semi-rural' };
export const hypothesisLabels: Record<string, string> = {
  A: 'A — opérateur au service d’une collectivité',
  B: 'B — collectivité faisant évoluer ses équipes',
};

/** An essaimé's indicators stage by stage, next to the A.CO.R. reference. */
export async function essaimeDashboard(deps: Deps, principal: Principal, essaimeId: string) {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureAccess(principal, essaime.structureId, 'Essaimé');
  const [stages, aggregates] = await Promise.all([
    listStagesOfSeason(deps.db, essaime.seasonId),
    readEssaimeAggregates(deps.db, essaime.seasonId, essaimeId),
  ]);
  return {
    essaimeId,
    seasonId: essaime.seasonId,
    structureName: essaime.structureName,
    territory: essaime.territory,
    hypothesis: essaime.hypothesis,
    reference: acorReference,
    stages: stages.map((stage) => {
      const figures = aggregates.get(`ESSAIME#${essaimeId}#STAGE#${stage.stageId}`);
      return { ...stageHead(stage), accepted: Boolean(figures && figures.acceptedReports > 0), figures: viewOf(figures ?? emptyFigures()) };
    }),
  };
}

export interface Breakdown {
  key: string;
  label: string;
  figures: FiguresView;
}

/** Share of reports per tenth of return-to-job rate: how the essaimés spread around the reference. */
function rateDistribution(figures: Figures) {
  const buckets = Array.from({ length: 10 }, (_, i) => ({ bucket: String(i), from: i / 10, to: (i + 1) / 10, reports: figures.rateBuckets[String(i)] ?? 0 }));
  return { buckets, noneSupported: figures.rateBuckets.na ?? 0 };
}

/** The programme, stage by stage: totals and rates, spread by hypothesis, région and setting, next to the reference. */
export async function programmeDashboard(deps: Deps, seasonId: string) {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  const [stages, aggregates] = await Promise.all([listStagesOfSeason(deps.db, seasonId), readProgrammeAggregates(deps.db, seasonId)]);
  return {
    seasonId,
    seasonName: season.name,
    reference: acorReference,
    stages: stages.map((stage) => {
      const prefix = `STAGE#${stage.stageId}#`;
      const programme = aggregates.get(`${prefix}PROGRAMME`) ?? emptyFigures();
      const breakdown = (dimension: string, label: (v: string) => string): Breakdown[] =>
        [...aggregates.entries()]
          .filter(([sk, f]) => sk.startsWith(`${prefix}${dimension}#`) && f.acceptedReports > 0)
          .map(([sk, f]) => {
            const key = sk.slice(`${prefix}${dimension}#`.length);
            return { key, label: label(key), figures: viewOf(f) };
          })
          .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
      return {
        ...stageHead(stage),
        programme: viewOf(programme),
        rateDistribution: rateDistribution(programme),
        byHypothesis: breakdown('HYPOTHESIS', (v) => hypothesisLabels[v] ?? v),
        byRegion: breakdown('REGION', (v) => v),
        bySetting: breakdown('SETTING', (v) => settingLabels[v] ?? v),
      };
    }),
  };
}
