import { countOf, formatDateTime, formatDeadline } from '../i18n/french';
import { type Letter, letterBody } from '../notifications/letter';
import { axisLabels } from '../programme/axes';
import { type TutoringRequest, urgencyLabels } from './schemas';

/** The e-mails of tutoring (requests, answers, reminders, assignments), in French, greeting people by name. */

type RequestFacts = Pick<TutoringRequest, 'structureName' | 'subject' | 'axis' | 'urgency' | 'createdAt' | 'dueAt'>;

const inTheApp = "Retrouvez-la dans l'application, rubrique « Demandes ».";

/** To the tutor: a structure asks something, to answer within the response target. */
export function requestCreatedLetter(request: RequestFacts, tutorName: string | undefined): Letter {
  return {
    subject: `Nouvelle demande de ${request.structureName} : ${request.subject}`,
    body: letterBody(tutorName, [
      `${request.structureName} vous adresse une demande (axe « ${axisLabels[request.axis]} », urgence ${urgencyLabels[request.urgency]}).\nRéponse attendue ${formatDeadline(request.dueAt)}.`,
      inTheApp,
    ]),
  };
}

/** To the other side of a request's thread: a new message waits. */
export function requestMessageLetter(request: Pick<TutoringRequest, 'structureName' | 'subject'>, byTutor: boolean, recipientName: string | undefined): Letter {
  return {
    subject: byTutor ? `Réponse à votre demande : ${request.subject}` : `Nouveau message de ${request.structureName} : ${request.subject}`,
    body: letterBody(recipientName, [`Un nouveau message vous attend dans la demande « ${request.subject} ».`, "Retrouvez-le dans l'application, rubrique « Demandes »."]),
  };
}

/** To the tutor, each working day a request waits past its target (`reminder` counts from 1). */
export function overdueReminderLetter(request: RequestFacts, reminder: number, tutorName: string | undefined): Letter {
  return {
    subject: `Rappel${reminder > 1 ? ` n° ${reminder}` : ''} : une demande de ${request.structureName} attend votre réponse`,
    body: letterBody(tutorName, [
      `La demande « ${request.subject} » (urgence ${urgencyLabels[request.urgency]}) attend une première réponse depuis le ${formatDateTime(request.createdAt)}. L'objectif était d'y répondre ${formatDeadline(request.dueAt)}.`,
      "Merci d'y répondre dès que possible dans l'application.",
    ]),
  };
}

/** To the tutor Ansa assigns to a structure. */
export function tutorAssignedLetter(structureName: string, territoryName: string, tutorName: string | undefined): Letter {
  return {
    subject: `Nouvelle structure à accompagner : ${structureName}`,
    body: letterBody(tutorName, [
      `Ansa vous confie l'accompagnement A.CO.R. de ${structureName} (${territoryName}). La personne référente de la structure pourra vous adresser ses demandes depuis l'application.`,
    ]),
  };
}

/** To a referent whose open requests closed when the tutor was released. */
export function requestsClosedLetter(structureName: string, subjects: readonly string[], referentName: string | undefined): Letter {
  const closed = countOf(subjects.length, 'demande close', 'demandes closes');
  return {
    subject: `Fin de l'accompagnement A.CO.R. : ${closed}`,
    body: letterBody(referentName, [
      `L'accompagnement de ${structureName} par son tuteur ou sa tutrice A.CO.R. a pris fin. ${subjects.length > 1 ? 'Vos demandes en cours' : 'Votre demande en cours'} (${subjects.map((s) => `« ${s} »`).join(', ')}) ${subjects.length > 1 ? 'ont été closes' : 'a été close'} ; les échanges restent consultables dans l'application.`,
      'Ansa vous indiquera qui vous accompagnera désormais.',
    ]),
  };
}
