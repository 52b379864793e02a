import type { Call } from '../calls/schemas';
import { formatDeadline, quoted } from '../i18n/french';
import { type Letter, letterBody } from '../notifications/letter';
import type { Application, DecisionOutcome } from './schemas';

/**
 * French texts of the messages sent to applicants (outbox; SES in AWS), greeting the person by name: the
 * applicant in an e-mail, the structure's director in the decision letter (PDF).
 */

export function decisionMessage(call: Pick<Call, 'title'>, app: Pick<Application, 'structure'>, outcome: DecisionOutcome, rationale: string, recipientName: string | undefined): Letter {
  const structure = app.structure.name;
  const motive = `Motif : ${rationale}`;
  if (outcome === 'selected') {
    return {
      subject: `Votre candidature à l'appel ${quoted(call.title)} est retenue`,
      body: letterBody(recipientName, [
        `Nous avons le plaisir de vous annoncer que la candidature de ${structure} est retenue pour l'essaimage de la démarche A.CO.R.`,
        motive,
        "Prochaines étapes : la signature de l'accord d'engagement par la direction générale de la structure, puis la formation-action de cinq mois pour les trois personnes au plus que vous avez désignées. Un tuteur ou une tutrice A.CO.R. vous accompagnera selon les besoins de votre territoire.",
        'Votre espace de structure essaimée est désormais ouvert dans l’application.',
      ]),
    };
  }
  if (outcome === 'waitlisted') {
    return {
      subject: `Votre candidature à l'appel ${quoted(call.title)} est sur liste d'attente`,
      body: letterBody(recipientName, [`La candidature de ${structure} est placée sur liste d'attente. Si une place se libère, nous reviendrons vers vous.`, motive]),
    };
  }
  return {
    subject: `Votre candidature à l'appel ${quoted(call.title)} n'est pas retenue`,
    body: letterBody(recipientName, [
      `Nous vous remercions pour la candidature de ${structure}. Elle n'est pas retenue pour cette saison de l'essaimage.`,
      motive,
      'Nous restons à votre disposition pour en parler, et vous invitons à suivre les prochaines sessions de sensibilisation.',
    ]),
  };
}

export function correctionMessage(call: Pick<Call, 'title'>, app: Pick<Application, 'structure'>, message: string, dueAt: string, recipientName: string | undefined): Letter {
  return {
    subject: `Votre candidature à l'appel ${quoted(call.title)} est à compléter`,
    body: letterBody(recipientName, [
      `L'équipe Ansa vous renvoie la candidature de ${app.structure.name} pour correction :`,
      message,
      `Vous pouvez la modifier et la déposer à nouveau ${formatDeadline(dueAt)}.`,
    ]),
  };
}
