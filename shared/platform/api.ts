import * as z from 'zod/mini';
import { roles } from '../access/principal';
import { auditRecordSchema } from '../db/audit';
import { pageOf, pageQuery } from '../db/pagination';
import { defineRoute } from '../http/route';
import { meSchema } from '../identity/schemas';
import { outboxMessageSchema } from '../notifications/schemas';

/** An audit entry as people read it: with the actor's display name (null for the system or an erased person). */
export const auditEntryViewSchema = z.extend(auditRecordSchema, { actorName: z.nullable(z.string()) });
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/** A sent message as people read it: with the recipient's display name (null for an erased person). */
export const outboxMessageViewSchema = z.extend(outboxMessageSchema, { recipientName: z.nullable(z.string()) });
export type OutboxMessageView = z.infer<typeof outboxMessageViewSchema>;

/**
 * Routes of the platform itself: liveness, the API description, the caller, the audit trail, the outbox and
 * jobs. The caller's route is declared here, not in shared/identity, so that identity stays below http
 * (the wrapper resolves the caller through identity).
 */
export const platformApi = {
  health: defineRoute({
    operationId: 'getHealth',
    method: 'GET',
    path: '/health',
    summary: 'Liveness check',
    tag: 'platform',
    access: 'public',
    response: { status: 200, description: 'Alive', schema: z.object({ status: z.literal('ok') }) },
    errors: [],
  }),
  openapi: defineRoute({
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/openapi.json',
    summary: 'This API described as OpenAPI 3.1',
    tag: 'platform',
    access: 'public',
    response: {
      status: 200,
      description: 'The OpenAPI 3.1 document',
      schema: z.looseObject({
        openapi: z.string(),
        info: z.looseObject({ title: z.string(), version: z.string() }),
        paths: z.record(z.string(), z.record(z.string(), z.unknown())),
      }),
    },
    errors: [],
  }),
  audit: defineRoute({
    operationId: 'listAuditTrail',
    method: 'GET',
    path: '/audit/{entityType}/{entityId}',
    summary: "The audit trail of one record (who, when, what), newest first; a staff member recused from an application reads its entries without the reviewers' scores and comments",
    tag: 'platform',
    access: ['staff'],
    params: z.strictObject({ entityType: z.string().check(z.regex(/^[a-z-]{2,40}$/)), entityId: z.string().check(z.minLength(3), z.maxLength(100)) }),
    query: pageQuery,
    response: { status: 200, description: 'A page of audit entries, each with the name of who acted', schema: pageOf(auditEntryViewSchema) },
    errors: [],
  }),
};

export const identityApi = {
  me: defineRoute({
    operationId: 'getMe',
    method: 'GET',
    path: '/me',
    summary: "The caller's identity, role and memberships",
    tag: 'identity',
    access: roles,
    response: { status: 200, description: 'The caller', schema: meSchema },
    errors: [],
  }),
};

export const outboxApi = {
  list: defineRoute({
    operationId: 'listOutbox',
    method: 'GET',
    path: '/outbox',
    summary: 'Messages queued for sending (staff: all; others: their own), newest first',
    tag: 'platform',
    access: roles,
    query: pageQuery,
    response: { status: 200, description: 'A page of messages, each with its recipient’s name', schema: pageOf(outboxMessageViewSchema) },
    errors: [],
  }),
};

export const jobResultSchema = z.object({
  job: z.string(),
  result: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
});
export type JobRunView = z.infer<typeof jobResultSchema>;

export const jobsApi = {
  run: defineRoute({
    operationId: 'runJob',
    method: 'POST',
    path: '/jobs/{jobName}/run',
    summary: 'Run a scheduled job now (reminders, overdue flags); the schedule runs it anyway',
    tag: 'platform',
    access: ['staff'],
    params: z.strictObject({ jobName: z.string().check(z.regex(/^[a-z0-9-]{3,60}$/)) }),
    response: { status: 200, description: 'The job and the figures it reports', schema: jobResultSchema },
    errors: ['NOT_FOUND'],
  }),
};
