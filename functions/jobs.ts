import type { JobRunView } from '../shared/platform/api';
import type { Deps } from '../shared/runtime';

/** The figures a job reports (what POST /jobs/{jobName}/run answers as `result`). */
export type JobResult = JobRunView['result'];

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

export const jobs: JobEntry[] = [
  // tutoring (issue 4): requests past their first-answer target
  {
    name: 'tutoring-overdue-reminders',
    entry: 'functions/tutoring/overdue-reminders.ts',
    schedule: 'rate(1 hour)',
    description: 'Flags tutoring requests past their first-answer target (working days) and reminds their tutor once per working day overdue',
    load: () => import('./tutoring/overdue-reminders'),
  },
  // evaluation (issue 5): report reminders a week before the due date, on it, and once late
  {
    name: 'evaluation-reminders',
    entry: 'functions/evaluation/remind-reports.ts',
    schedule: 'cron(0 7 * * ? *)',
    description: 'Reminds referents whose stage report is not handed in: a week before the due date, on it, and once late (idempotent by dedupe key)',
    load: () => import('./evaluation/remind-reports'),
  },
];
