import type { PageQuery } from '../../db/pagination';
import type { Deps } from '../../runtime';
import { readCohortProgress, type OpenRequestsCounter } from '../../training/progress';
import type { CohortProgressView } from '../../training/views';
import { openRequestCounts } from '../../tutoring/repository';

/**
 * Cohort progress: the training's progress of each essaimé of a page, with its open tutoring requests. A read
 * model above both modules, so that neither imports the other; each is read through its own functions.
 */

/** The page's essaimés' pre-computed open-requests counters, in one BatchGetItem: the same cost at any volume. */
export const openRequestsFromTutoring: OpenRequestsCounter = (deps, essaimes) => openRequestCounts(deps.db, essaimes.map((e) => e.essaimeId));

export function cohortProgress(deps: Deps, cohortId: string, page: PageQuery, openRequests: OpenRequestsCounter = openRequestsFromTutoring): Promise<CohortProgressView> {
  return readCohortProgress(deps, cohortId, page, openRequests);
}
