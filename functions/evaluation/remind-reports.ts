import { sendReportReminders } from '../../shared/evaluation/reminders';
import { jobHandler } from '../../shared/jobs';
import type { Deps } from '../../shared/runtime';

export const run = (deps: Deps) => sendReportReminders(deps);
export const handler = jobHandler('evaluation-reminders', run);
