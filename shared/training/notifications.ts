import type { Write } from '../db/transact';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { listAllProgress } from './progress-repository';
import type { Session, TrainingModule } from './schemas';

export type SessionChange = 'added' | 'moved' | 'cancelled';

/**
 * What tells the referents of the cohort's essaimés of a new, moved or cancelled session: one outbox message
 * each, to write in the session's own transaction, so a fault leaves the session and its notices all written
 * or none. A cohort has about ten essaimés: the writes fit one transaction with the session and its audit.
 */
export async function referentNoticeWrites(deps: Deps, cohortId: string, session: Session, module: TrainingModule | undefined, kind: SessionChange, detail: string): Promise<Write[]> {
  const progress = await listAllProgress(deps.db, cohortId);
  const moduleTitle = module?.title ?? 'Formation-action';
  const subjects: Record<SessionChange, string> = {
    added: `Nouvelle séance : ${moduleTitle}`,
    moved: `Séance déplacée : ${moduleTitle}`,
    cancelled: `Séance annulée : ${moduleTitle}`,
  };
  const referents = [...new Set(progress.map((p) => p.referentUserId))];
  return referents.map((referentUserId) =>
    outboxWrite(
      deps.db,
      newMessage(
        {
          // the session's version makes each change's notice its own message
          dedupeKey: `training-session-${kind}:${session.sessionId}:v${session.version}:${referentUserId}`,
          kind: `training.session-${kind}`,
          recipientUserId: referentUserId,
          subject: subjects[kind],
          body: detail,
          related: { entityType: 'session', entityId: session.sessionId },
        },
        deps.now(),
      ),
    ),
  );
}
