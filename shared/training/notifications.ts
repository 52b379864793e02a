import { enqueueOnce, newMessage } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { listAllProgress } from './progress-repository';
import type { Session, TrainingModule } from './schemas';

export type SessionChange = 'added' | 'moved' | 'cancelled';

/** Referents of the cohort's essaimés learn of a new, moved or cancelled session (outbox, idempotent). */
export async function notifyReferents(deps: Deps, cohortId: string, session: Session, module: TrainingModule | undefined, kind: SessionChange, detail: string): Promise<number> {
  const progress = await listAllProgress(deps.db, cohortId);
  const moduleTitle = module?.title ?? 'Formation-action';
  const subjects: Record<SessionChange, string> = {
    added: `Nouvelle séance : ${moduleTitle}`,
    moved: `Séance déplacée : ${moduleTitle}`,
    cancelled: `Séance annulée : ${moduleTitle}`,
  };
  const referents = [...new Set(progress.map((p) => p.referentUserId))];
  let queued = 0;
  for (const referentUserId of referents) {
    const queuedNow = await enqueueOnce(
      deps.db,
      newMessage(
        {
          dedupeKey: `training-session-${kind}:${session.sessionId}:v${session.version}:${referentUserId}`,
          kind: `training.session-${kind}`,
          recipientUserId: referentUserId,
          subject: subjects[kind],
          body: detail,
          related: { entityType: 'session', entityId: session.sessionId },
        },
        deps.now(),
      ),
    );
    if (queuedNow) queued += 1;
  }
  return queued;
}
