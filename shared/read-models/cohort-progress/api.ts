import * as z from 'zod/mini';
import { pageQuery } from '../../db/pagination';
import { defineRoute } from '../../http/route';
import { cohortIdSchema } from '../../training/schemas';
import { cohortProgressViewSchema } from '../../training/views';

/** The route this read model serves (tagged training: that is where API clients look for it). */
export const cohortProgressApi = {
  get: defineRoute({
    operationId: 'getCohortProgress',
    method: 'GET',
    path: '/cohorts/{cohortId}/progress',
    summary: "The cohort's progress: per essaimé, modules validated, attendance, warnings, open requests; per module, rates",
    tag: 'training',
    access: ['staff'],
    params: z.strictObject({ cohortId: cohortIdSchema }),
    query: pageQuery,
    response: { status: 200, description: "A page of the cohort's essaimés with their progress, and the per-module rates", schema: cohortProgressViewSchema },
    errors: ['NOT_FOUND'],
  }),
};
