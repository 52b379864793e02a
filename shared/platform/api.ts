import { z } from 'zod';
import { pageQuery } from '../db/pagination';
import { defineRoute } from '../http/route';

export const platformApi = {
  health: defineRoute({
    operationId: 'getHealth',
    method: 'GET',
    path: '/health',
    summary: 'Liveness check',
    tag: 'platform',
    access: 'public',
    response: { status: 200, description: 'Alive', schema: z.object({ status: z.literal('ok') }) },
  }),
  openapi: defineRoute({
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/openapi.json',
    summary: 'This API described as OpenAPI 3.1',
    tag: 'platform',
    access: 'public',
  }),
  audit: defineRoute({
    operationId: 'listAuditTrail',
    method: 'GET',
    path: '/audit/{entityType}/{entityId}',
    summary: 'The audit trail of one record (who, when, what), newest first',
    tag: 'platform',
    access: ['staff'],
    params: z.object({ entityType: z.string().regex(/^[a-z-]{2,40}$/), entityId: z.string().min(3).max(100) }).strict(),
    query: pageQuery,
  }),
};

export const outboxApi = {
  list: defineRoute({
    operationId: 'listOutbox',
    method: 'GET',
    path: '/outbox',
    summary: 'Messages queued for sending (staff: all; others: their own), newest first',
    tag: 'platform',
    access: ['staff', 'tutor', 'referent'],
    query: pageQuery,
  }),
};

export const jobsApi = {
  run: defineRoute({
    operationId: 'runJob',
    method: 'POST',
    path: '/jobs/{jobName}/run',
    summary: 'Run a scheduled job now (reminders, overdue flags); the schedule runs it anyway',
    tag: 'platform',
    access: ['staff'],
    params: z.object({ jobName: z.string().regex(/^[a-z0-9-]{3,60}$/) }).strict(),
  }),
};
