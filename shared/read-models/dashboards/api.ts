import * as z from 'zod/mini';
import { roles } from '../../access/principal';
import { defineRoute } from '../../http/route';
import { idSchema } from '../../ids';
import { pageQuery } from '../../db/pagination';
import { rampUpSchema } from './ramp-up';
import { essaimeDashboardSchema, programmeDashboardSchema } from './schemas';

export const dashboardsApi = {
  essaime: defineRoute({
    operationId: 'getEssaimeDashboard',
    method: 'GET',
    path: '/essaimes/{essaimeId}/dashboard',
    summary: "An essaimé's indicators stage by stage (accepted reports), next to the A.CO.R. reference",
    tag: 'dashboards',
    access: roles,
    params: z.strictObject({ essaimeId: idSchema('essaime') }),
    response: { status: 200, description: "The essaimé's dashboard", schema: essaimeDashboardSchema },
    errors: ['NOT_FOUND'],
  }),
  programme: defineRoute({
    operationId: 'getProgrammeDashboard',
    method: 'GET',
    path: '/seasons/{seasonId}/dashboard',
    summary: 'The programme stage by stage: totals, rates and spread by hypothesis, région and setting, next to the reference',
    tag: 'dashboards',
    access: ['staff'],
    params: z.strictObject({ seasonId: idSchema('season') }),
    response: { status: 200, description: 'The programme dashboard', schema: programmeDashboardSchema },
    errors: ['NOT_FOUND'],
  }),
  rampUp: defineRoute({
    operationId: 'getProgrammeRampUp',
    method: 'GET',
    path: '/programme/ramp-up',
    summary: 'The ramp-up across seasons: essaimés per season against the 5–10 target, hypothesis mix, fidelity and label per structure',
    tag: 'dashboards',
    access: ['staff', 'tutor'],
    query: pageQuery,
    response: { status: 200, description: 'A page of seasons, newest first (at most 5 a page)', schema: rampUpSchema },
    errors: ['NOT_ACOR_LEAD'],
  }),
};
