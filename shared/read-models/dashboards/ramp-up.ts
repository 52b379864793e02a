import * as z from 'zod/mini';
import type { Principal } from '../../access/principal';
import { pageOf, type Page, type PageQuery } from '../../db/pagination';
import { forbidden } from '../../errors';
import { listAllEssaimesOfSeason } from '../../essaimes/repository';
import { isAcorLead, listEssaimeGovernance } from '../../governance/fidelity-repository';
import { overallLevel } from '../../governance/fidelity-rules';
import { fidelityLevelSchema, labelDecisionValueSchema } from '../../governance/fidelity-schemas';
import { idSchema } from '../../ids';
import type { Deps } from '../../runtime';
import { listSeasons } from '../../seasons/repository';
import { hypothesisSchema, isoDate } from '../../seasons/schemas';

/**
 * The programme's ramp-up across seasons, the evaluation's first goal: essaimés per season against the
 * 5–10 target of the study, the hypothesis mix, and each structure's fidelity and label. A page of seasons,
 * newest first; each season reads its essaimés (5 to 10) and their fidelity partitions, bounded.
 */
export const rampUpTarget = {
  min: 5,
  max: 10,
  source: 'Étude de faisabilité A.CO.R. (Ansa, février 2019), « Modalités d’évaluation », p. 32 : montée en charge auprès de cinq à dix nouveaux territoires',
} as const;

export const rampUpStatuses = ['below-target', 'within-target', 'above-target'] as const;

export const rampUpStructureSchema = z.object({
  essaimeId: idSchema('essaime'),
  structureName: z.string(),
  territoryName: z.string(),
  hypothesis: hypothesisSchema,
  fidelity: z.nullable(fidelityLevelSchema).check(z.describe('The lowest level of the latest assessment over the four principles')),
  lastAssessedOn: z.nullable(isoDate),
  assessments: z.int(),
  label: z.nullable(labelDecisionValueSchema),
});

export const rampUpSeasonSchema = z.object({
  seasonId: idSchema('season'),
  name: z.string(),
  year: z.number(),
  retainedHypotheses: z.array(hypothesisSchema),
  essaimes: z.int(),
  status: z.enum(rampUpStatuses),
  byHypothesis: z.object({ A: z.int(), B: z.int() }),
  labels: z.object({ labelled: z.int(), conditional: z.int(), 'not-yet': z.int(), none: z.int() }),
  structures: z.array(rampUpStructureSchema),
});
export type RampUpSeason = z.infer<typeof rampUpSeasonSchema>;

export const rampUpSchema = z.extend(pageOf(rampUpSeasonSchema), {
  target: z.object({ min: z.int(), max: z.int(), source: z.string() }),
});
export type RampUp = z.infer<typeof rampUpSchema>;

export const rampUpStatusOf = (count: number) => (count < rampUpTarget.min ? 'below-target' : count > rampUpTarget.max ? 'above-target' : 'within-target');

async function seasonRampUp(deps: Deps, season: { seasonId: string; name: string; year: number; hypotheses: ('A' | 'B')[] }): Promise<RampUpSeason> {
  const essaimes = await listAllEssaimesOfSeason(deps.db, season.seasonId);
  const structures = await Promise.all(
    essaimes.map(async (e) => {
      const { assessments, labelDecisions } = await listEssaimeGovernance(deps.db, e.essaimeId);
      const latest = [...assessments].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.assessedAt.localeCompare(b.assessedAt)).at(-1);
      return {
        essaimeId: e.essaimeId,
        structureName: e.structureName,
        territoryName: e.territory.name,
        hypothesis: e.hypothesis,
        fidelity: overallLevel(assessments),
        lastAssessedOn: latest?.assessedOn ?? null,
        assessments: assessments.length,
        label: labelDecisions.at(-1)?.decision ?? null,
      };
    }),
  );
  const count = (f: (s: (typeof structures)[number]) => boolean) => structures.filter(f).length;
  return {
    seasonId: season.seasonId,
    name: season.name,
    year: season.year,
    retainedHypotheses: season.hypotheses,
    essaimes: structures.length,
    status: rampUpStatusOf(structures.length),
    byHypothesis: { A: count((s) => s.hypothesis === 'A'), B: count((s) => s.hypothesis === 'B') },
    labels: {
      labelled: count((s) => s.label === 'labelled'),
      conditional: count((s) => s.label === 'conditional'),
      'not-yet': count((s) => s.label === 'not-yet'),
      none: count((s) => s.label === null),
    },
    structures: structures.sort((a, b) => a.structureName.localeCompare(b.structureName, 'fr')),
  };
}

/** Staff and the A.CO.R. lead (who labels the structures) see the ramp-up. */
export async function readRampUp(deps: Deps, principal: Principal, page: PageQuery): Promise<RampUp> {
  if (principal.role === 'tutor' && !(await isAcorLead(deps.db, principal.userId))) throw forbidden('NOT_ACOR_LEAD', 'Only staff and the A.CO.R. lead see the ramp-up');
  const seasons: Page<{ seasonId: string; name: string; year: number; hypotheses: ('A' | 'B')[] }> = await listSeasons(deps.db, { ...page, limit: Math.min(page.limit, 5) });
  const items = await Promise.all(seasons.items.map((s) => seasonRampUp(deps, s)));
  return { items, nextCursor: seasons.nextCursor, target: { ...rampUpTarget } };
}
