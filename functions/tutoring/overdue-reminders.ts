import { jobHandler } from '../../shared/jobs';
import type { Deps } from '../../shared/runtime';
import { runOverdueReminders } from '../../shared/tutoring/requests';

/** Scheduled job 'tutoring-overdue-reminders': flags requests past their first-answer target and reminds their tutor. */
export const run = (deps: Deps) => runOverdueReminders(deps);

export const handler = jobHandler('tutoring-overdue-reminders', run);
