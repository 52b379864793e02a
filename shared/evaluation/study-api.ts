import * as z from 'zod/mini';
import { pageOf, pageQuery } from '../db/pagination';
import { defineRoute } from '../http/route';
import { stageIdSchema } from './schemas';
import { figuresImportBody, importPreviewSchema, importResultSchema, interviewSchema, recordInterviewBody } from './study-schemas';

const stageParams = z.strictObject({ stageId: stageIdSchema });
const tag = 'evaluation';

/** Stage 1's interview log and stage 2's CSV import of figures (staff). */
export const evaluationStudyApi = {
  recordInterview: defineRoute({
    operationId: 'recordStageInterview',
    method: 'POST',
    idempotent: true,
    path: '/stages/{stageId}/interviews',
    summary: 'Log a phone interview with an essaimé: date, role of the person (never a name) and notes',
    tag,
    access: ['staff'],
    params: stageParams,
    body: recordInterviewBody,
    response: { status: 201, description: 'The interview', schema: interviewSchema },
    errors: ['NOT_FOUND', 'UNKNOWN_ESSAIME', 'PERSONAL_DATA_IN_NOTES'],
  }),
  listInterviews: defineRoute({
    operationId: 'listStageInterviews',
    method: 'GET',
    path: '/stages/{stageId}/interviews',
    summary: "A stage's interview log, most recent first",
    tag,
    access: ['staff'],
    params: stageParams,
    query: pageQuery,
    response: { status: 200, description: 'A page of interviews', schema: pageOf(interviewSchema) },
    errors: ['NOT_FOUND'],
  }),
  previewImport: defineRoute({
    operationId: 'previewFiguresImport',
    method: 'POST',
    path: '/stages/{stageId}/figures-import/preview',
    summary: "Check a CSV of the stage's figures row by row; writes nothing",
    tag,
    access: ['staff'],
    params: stageParams,
    body: figuresImportBody,
    response: { status: 200, description: 'Every row with its errors, and the totals of the valid rows', schema: importPreviewSchema },
    errors: ['NOT_FOUND'],
  }),
  importFigures: defineRoute({
    operationId: 'importFigures',
    method: 'POST',
    idempotent: true,
    path: '/stages/{stageId}/figures-import',
    summary: 'Import a CSV of the stage figures as accepted reports: all rows, or nothing when any row is wrong',
    tag,
    access: ['staff'],
    params: stageParams,
    body: figuresImportBody,
    response: { status: 201, description: 'What was written', schema: importResultSchema },
    errors: ['NOT_FOUND', 'IMPORT_ROWS_INVALID', 'STALE_VERSION'],
  }),
};
