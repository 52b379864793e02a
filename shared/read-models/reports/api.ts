import * as z from 'zod/mini';
import { roles } from '../../access/principal';
import { essaimeIdSchema, stageIdSchema } from '../../evaluation/schemas';
import { defineRoute } from '../../http/route';
import { idSchema } from '../../ids';

/** The file routes this read model serves (tagged evaluation: that is where API clients look for them). */
const tag = 'evaluation';

export const reportsApi = {
  stageCsv: defineRoute({
    operationId: 'exportStageCsv',
    method: 'GET',
    path: '/stages/{stageId}/export.csv',
    summary: 'The stage as CSV: one row per essaimé, figures and answers',
    tag,
    access: ['staff'],
    params: z.strictObject({ stageId: stageIdSchema }),
    response: { status: 200, description: 'CSV (UTF-8 with BOM)', contentType: 'text/csv' },
    errors: ['NOT_FOUND'],
  }),
  essaimeFinalReport: defineRoute({
    operationId: 'getEssaimeFinalReportPdf',
    method: 'GET',
    path: '/essaimes/{essaimeId}/final-report.pdf',
    summary: "A structure's final report as PDF",
    tag,
    access: roles,
    params: z.strictObject({ essaimeId: essaimeIdSchema }),
    response: { status: 200, description: 'PDF', contentType: 'application/pdf' },
    errors: ['NOT_FOUND'],
  }),
  programmeFinalReport: defineRoute({
    operationId: 'getProgrammeFinalReportPdf',
    method: 'GET',
    path: '/seasons/{seasonId}/final-report.pdf',
    summary: "The programme's final report for a season as PDF",
    tag,
    access: ['staff'],
    params: z.strictObject({ seasonId: idSchema('season') }),
    response: { status: 200, description: 'PDF', contentType: 'application/pdf' },
    errors: ['NOT_FOUND'],
  }),
};
