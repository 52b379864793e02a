import type { PageQuery } from '../../db/pagination';
import type { Deps } from '../../runtime';
import { readCohortProgress, type OpenRequestsCounter } from '../../training/progress';
import type { CohortProgressView } from '../../training/views';
import { countOpenRequestsOfEssaime } from '../../tutoring/repository';

/**
 * Cohort progress: the training's progress of each essaimé of a page, with its open tutoring requests. A read
 * model above both modules, so that neither imports the other; each is read through its own functions.
 */

/** One Query per essaimé of the page (its structure's requests), in parallel. */
export const openRequestsFromTutoring: OpenRequestsCounter = async (deps, essaimes) => {
  const counts = await Promise.all(essaimes.map((e) => countOpenRequestsOfEssaime(deps.db, e.structureId, e.essaimeId)));
  return Object.fromEntries(essaimes.map((e, i) => [e.essaimeId, counts[i] ?? 0]));
};

export function cohortProgress(deps: Deps, cohortId: string, page: PageQuery, openRequests: OpenRequestsCounter = openRequestsFromTutoring): Promise<CohortProgressView> {
  return readCohortProgress(deps, cohortId, page, openRequests);
}
