import { addDays, parisDay } from '../calendar';
import { listAllEssaimesOfSeason } from '../essaimes/repository';
import { displayNamesOf } from '../notifications/letter';
import { enqueueOnce, newMessage } from '../notifications/outbox';
import { reportReminderLetter } from './messages';
import type { Deps } from '../runtime';
import { listReportsOfStage, listStagesDueBetween } from './repository';
import { needsReminder, reminderDue } from './rules';

/** A late reminder goes out on the first run after the due date; stages due longer ago than this are not read. */
export const REMINDER_LOOKBACK_DAYS = 30;

/**
 * Reminds each referent whose report is not handed in: a week before the due date, on it, and once late.
 * Idempotent: each message has a dedupe key (stage, essaimé, due date, point), so running the job twice,
 * or every hour, queues each reminder once. Moving a due date gives the new date its own reminders.
 */
export async function sendReportReminders(deps: Deps): Promise<{ stages: number; queued: number; alreadyQueued: number }> {
  const now = deps.now();
  const today = parisDay(now);
  const stages = await listStagesDueBetween(deps.db, addDays(today, -REMINDER_LOOKBACK_DAYS), addDays(today, 7));
  let queued = 0;
  let alreadyQueued = 0;
  let considered = 0;
  for (const stage of stages) {
    const kind = reminderDue(stage, today);
    if (!kind) continue;
    considered += 1;
    const [essaimes, reports] = await Promise.all([listAllEssaimesOfSeason(deps.db, stage.seasonId), listReportsOfStage(deps.db, stage.stageId)]);
    const byEssaime = new Map(reports.map((r) => [r.essaimeId, r]));
    const names = await displayNamesOf(deps.db, essaimes.map((e) => e.referentUserId));
    for (const essaime of essaimes) {
      if (!needsReminder(byEssaime.get(essaime.essaimeId))) continue;
      const message = newMessage(
        {
          dedupeKey: `reminder#${stage.stageId}#${essaime.essaimeId}#${stage.dueOn}#${kind}`,
          kind: `report-reminder-${kind}`,
          recipientUserId: essaime.referentUserId,
          ...reportReminderLetter(kind, stage, essaime.structureName, names.get(essaime.referentUserId)),
          related: { entityType: 'stage', entityId: stage.stageId },
        },
        now,
      );
      if (await enqueueOnce(deps.db, message)) queued += 1;
      else alreadyQueued += 1;
    }
  }
  return { stages: considered, queued, alreadyQueued };
}
