import type { Write } from '../db/transact';
import { displayNamesOf, type Letter, letterBody } from '../notifications/letter';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { listAllProgress } from './progress-repository';
import type { Session, TrainingModule } from './schemas';

export type SessionChange = 'added' | 'moved' | 'cancelled';

const subjects: Record<SessionChange, string> = { added: 'Nouvelle séance', moved: 'Séance déplacée', cancelled: 'Séance annulée' };

/** The e-mail to a referent about a session of a module: `detail` says what changed, in a sentence. */
export function sessionNoticeLetter(kind: SessionChange, moduleTitle: string, detail: string, referentName: string | undefined): Letter {
  return { subject: `${subjects[kind]} : ${moduleTitle}`, body: letterBody(referentName, [detail]) };
}

/**
 * What tells the referents of the cohort's essaimés of a new, moved or cancelled session: one outbox message
 * each, to write in the session's own transaction, so a fault leaves the session and its notices all written
 * or none. A cohort has about ten essaimés: the writes fit one transaction with the session and its audit.
 */
export async function referentNoticeWrites(deps: Deps, cohortId: string, session: Session, module: TrainingModule | undefined, kind: SessionChange, detail: string): Promise<Write[]> {
  const progress = await listAllProgress(deps.db, cohortId);
  const moduleTitle = module?.title ?? 'Formation-action';
  const referents = [...new Set(progress.map((p) => p.referentUserId))];
  const names = await displayNamesOf(deps.db, referents);
  return referents.map((referentUserId) =>
    outboxWrite(
      deps.db,
      newMessage(
        {
          // the session's version makes each change's notice its own message
          dedupeKey: `training-session-${kind}:${session.sessionId}:v${session.version}:${referentUserId}`,
          kind: `training.session-${kind}`,
          recipientUserId: referentUserId,
          ...sessionNoticeLetter(kind, moduleTitle, detail, names.get(referentUserId)),
          related: { entityType: 'session', entityId: session.sessionId },
        },
        deps.now(),
      ),
    ),
  );
}
