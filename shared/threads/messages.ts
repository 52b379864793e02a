import { type Letter, letterBody } from '../notifications/letter';
import type { Thread, ThreadSide } from './schemas';

/** French e-mails (outbox) telling the other side of a thread that a message waits for them. */
export function newMessageEmail(thread: Pick<Thread, 'structureName' | 'essaimeId'>, side: ThreadSide, authorName: string, recipientName: string | undefined): Letter {
  const where = `Retrouvez le message dans l'application, rubrique « Messages », ou ${thread.essaimeId ? "sur la page de l'essaimé" : 'sur la page de la candidature'}.`;
  if (side === 'structure') {
    return {
      subject: `Nouveau message de ${thread.structureName}`,
      body: letterBody(recipientName, [`${authorName} (${thread.structureName}) a écrit à l'équipe Ansa.`, where], "Message automatique de l'outil du programme d'essaimage"),
    };
  }
  return {
    subject: "Nouveau message de l'équipe Ansa",
    body: letterBody(recipientName, [`${authorName}, de l'équipe Ansa, vous a écrit au sujet de ${thread.structureName}.`, where]),
  };
}
