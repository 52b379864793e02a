import { formatDate, formatDeadline } from '../i18n/french';
import { type Letter, letterBody } from '../notifications/letter';
import type { ReminderKind } from './rules';
import type { Review, Stage } from './schemas';
import { coreIndicators, isCoreIndicator } from './templates';

/** The e-mails of evaluation to a structure's referent: report reminders and staff's review, in French. */

const whereToReport = "Vous pouvez l'enregistrer en brouillon puis le soumettre depuis votre espace dans l'application.";

export function reportReminderLetter(kind: ReminderKind, stage: Pick<Stage, 'name' | 'dueOn'>, structureName: string, referentName: string | undefined): Letter {
  const report = `Le rapport « ${stage.name} » de ${structureName}`;
  switch (kind) {
    case 'due-soon':
      return {
        subject: `Rappel : rapport « ${stage.name} » à remettre ${formatDeadline(stage.dueOn)}`,
        body: letterBody(referentName, [`${report} est à remettre ${formatDeadline(stage.dueOn)}, dans une semaine au plus.`, whereToReport]),
      };
    case 'due-today':
      return {
        subject: `Rapport « ${stage.name} » à remettre aujourd'hui`,
        body: letterBody(referentName, [`${report} est à remettre aujourd'hui, le ${formatDate(stage.dueOn)}.`, whereToReport]),
      };
    case 'late':
      return {
        subject: `Rapport « ${stage.name} » en retard`,
        body: letterBody(referentName, [
          `${report} était attendu le ${formatDate(stage.dueOn)} et n'a pas encore été soumis.`,
          whereToReport,
          "En cas de difficulté, répondez à ce message : l'équipe Ansa peut vous aider.",
        ]),
      };
  }
}

/** A reviewer's comment as the referent reads it: about an indicator by its label, never by its key. */
function commentLine(c: Review['comments'][number]): string {
  const key = c.path?.replace(/^indicators\./, '');
  return key && isCoreIndicator(key) ? `- ${coreIndicators[key].label} : ${c.comment}` : `- ${c.comment}`;
}

export function reportAcceptedLetter(stageName: string, structureName: string, referentName: string | undefined): Letter {
  return {
    subject: `Rapport accepté : ${stageName}`,
    body: letterBody(referentName, [
      `Le rapport « ${stageName} » de ${structureName} a été accepté par l'équipe Ansa. Il est désormais verrouillé.`,
      "Merci pour votre contribution à l'évaluation de l'essaimage.",
    ]),
  };
}

export function reportChangesLetter(stageName: string, structureName: string, comments: Review['comments'], referentName: string | undefined): Letter {
  return {
    subject: `Modifications demandées : ${stageName}`,
    body: letterBody(referentName, [
      `L'équipe Ansa demande des modifications au rapport « ${stageName} » de ${structureName} :\n${comments.map(commentLine).join('\n')}`,
      'Le rapport est rouvert : vous pouvez le corriger puis le soumettre à nouveau.',
    ]),
  };
}

export function reportReopenedLetter(stageName: string, structureName: string, reason: string, referentName: string | undefined): Letter {
  return {
    subject: `Rapport rouvert : ${stageName}`,
    body: letterBody(referentName, [
      `L'équipe Ansa a rouvert le rapport « ${stageName} » de ${structureName} :\n${reason}`,
      'Vous pouvez le corriger puis le soumettre à nouveau.',
    ]),
  };
}
