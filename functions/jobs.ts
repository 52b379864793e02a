import type { Deps } from '../shared/runtime';

export interface JobResult {
  [figure: string]: number | string | boolean;
}

export interface JobModule {
  run: (deps: Deps) => Promise<JobResult>;
}

/**
 * Scheduled jobs (reminders, overdue flags). In AWS each is a Lambda function invoked by EventBridge
 * Scheduler on `schedule`; locally POST /jobs/{name}/run (staff) triggers it. A job's module exports
 * `run(deps)` and a `handler` for Lambda (see `jobHandler` in shared/jobs.ts). Paths are relative to the repository root.
 */
export interface JobEntry {
  name: string;
  entry: string;
  /** EventBridge Scheduler expression, e.g. rate(1 hour) or cron(0 7 ? * MON-FRI *). */
  schedule: string;
  description: string;
  /** A literal import(), so esbuild bundles the job into the run-job function too. */
  load: () => Promise<JobModule>;
}

export const jobs: JobEntry[] = [];
