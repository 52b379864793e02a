import { frenchDate } from '../calendar';
import type { Call } from '../calls/schemas';
import type { Application, DecisionOutcome } from './schemas';

/** French texts of the messages sent to applicants (outbox; SES in AWS). */

export function decisionMessage(call: Pick<Call, 'title'>, app: Application, outcome: DecisionOutcome, rationale: string): { subject: string; body: string } {
  const structure = app.structure.name;
  const greeting = app.referent ? `Bonjour ${app.referent.name},` : 'Bonjour,';
  const signature = "L'équipe de l'Accélérateur d'innovation sociale (Ansa)";
  if (outcome === 'selected') {
    return {
      subject: `Votre candidature à l'appel « ${call.title} » est retenue`,
      body: [
        greeting,
        '',
        `Nous avons le plaisir de vous annoncer que la candidature de ${structure} est retenue pour l'essaimage de la démarche A.CO.R.`,
        '',
        `Motif : ${rationale}`,
        '',
        "Prochaines étapes : la signature de l'accord d'engagement par votre directeur ou directrice général(e), puis la formation-action de cinq mois pour les trois personnes au plus que vous avez désignées. Un tuteur ou une tutrice A.CO.R. vous sera attribué(e) selon les besoins de votre territoire.",
        '',
        'Votre espace référent est désormais ouvert dans l’application.',
        '',
        signature,
      ].join('\n'),
    };
  }
  if (outcome === 'waitlisted') {
    return {
      subject: `Votre candidature à l'appel « ${call.title} » est sur liste d'attente`,
      body: [
        greeting,
        '',
        `La candidature de ${structure} est placée sur liste d'attente. Si une place se libère, nous reviendrons vers vous.`,
        '',
        `Motif : ${rationale}`,
        '',
        signature,
      ].join('\n'),
    };
  }
  return {
    subject: `Votre candidature à l'appel « ${call.title} » n'est pas retenue`,
    body: [
      greeting,
      '',
      `Nous vous remercions pour la candidature de ${structure}. Elle n'est pas retenue pour cette saison de l'essaimage.`,
      '',
      `Motif : ${rationale}`,
      '',
      'Nous restons à votre disposition pour en parler, et vous invitons à suivre les prochaines sessions de sensibilisation.',
      '',
      signature,
    ].join('\n'),
  };
}

export function correctionMessage(call: Pick<Call, 'title'>, app: Application, message: string, dueAt: string): { subject: string; body: string } {
  return {
    subject: `Votre candidature à l'appel « ${call.title} » est à compléter`,
    body: [
      app.referent ? `Bonjour ${app.referent.name},` : 'Bonjour,',
      '',
      `L'équipe Ansa vous renvoie la candidature de ${app.structure.name} pour correction :`,
      '',
      message,
      '',
      `Vous pouvez la modifier et la déposer à nouveau jusqu'au ${frenchDate(dueAt)}.`,
      '',
      "L'équipe de l'Accélérateur d'innovation sociale (Ansa)",
    ].join('\n'),
  };
}
