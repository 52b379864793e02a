import type { RouteSpec } from '../shared/http/route';
import { essaimesApi } from '../shared/essaimes/api';
import { identityApi } from '../shared/identity/api';
import { jobsApi, outboxApi, platformApi } from '../shared/platform/api';
import { seasonsApi } from '../shared/seasons/api';

/**
 * Every HTTP route and the handler module that serves it. The CDK stack makes one Lambda function per
 * entry, the local server dynamically imports the same modules, and the OpenAPI document lists the specs.
 * Paths of `entry` are relative to the repository root.
 */
export interface RouteEntry {
  spec: RouteSpec;
  entry: string;
}

export const routes: RouteEntry[] = [
  { spec: platformApi.health, entry: 'functions/platform/get-health.ts' },
  { spec: platformApi.openapi, entry: 'functions/platform/get-openapi.ts' },
  { spec: platformApi.audit, entry: 'functions/platform/list-audit-trail.ts' },
  { spec: outboxApi.list, entry: 'functions/notifications/list-outbox.ts' },
  { spec: jobsApi.run, entry: 'functions/platform/run-job.ts' },
  { spec: identityApi.me, entry: 'functions/identity/get-me.ts' },
  { spec: seasonsApi.list, entry: 'functions/seasons/list-seasons.ts' },
  { spec: seasonsApi.create, entry: 'functions/seasons/create-season.ts' },
  { spec: seasonsApi.get, entry: 'functions/seasons/get-season.ts' },
  { spec: seasonsApi.update, entry: 'functions/seasons/update-season.ts' },
  { spec: essaimesApi.list, entry: 'functions/essaimes/list-essaimes.ts' },
  { spec: essaimesApi.get, entry: 'functions/essaimes/get-essaime.ts' },
];
