import type { Thread, ThreadSide } from './schemas';

/** French e-mails (outbox) telling the other side of a thread that a message waits for them. */
export function newMessageEmail(thread: Pick<Thread, 'structureName' | 'essaimeId'>, side: ThreadSide, authorName: string): { subject: string; body: string } {
  const where = thread.essaimeId ? "sur la page de l'essaimé" : 'sur la page de la candidature';
  if (side === 'structure') {
    return {
      subject: `Nouveau message de ${thread.structureName}`,
      body: `Bonjour,\n\n${authorName} (${thread.structureName}) a écrit à l'équipe Ansa.\n\nRetrouvez le message dans l'application, rubrique « Messages », ou ${where}.`,
    };
  }
  return {
    subject: "Nouveau message de l'équipe Ansa",
    body: `Bonjour,\n\n${authorName}, de l'équipe Ansa, vous a écrit au sujet de ${thread.structureName}.\n\nRetrouvez le message dans l'application, rubrique « Messages », ou ${where}.\n\nL'équipe de l'Accélérateur d'innovation sociale (Ansa)`,
  };
}
