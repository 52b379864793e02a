import type { ErrorCode } from '../../../shared/errors';

/**
 * The French message of every error code the API answers. Keyed by the server's `ErrorCode`: the compiler
 * refuses a code of the catalogue without a message, and a message for a code the server does not have.
 */
export const errorMessages: Record<ErrorCode, string> = {
  // platform
  UNAUTHORIZED: 'Votre session a expiré. Reconnectez-vous : vos saisies sont conservées.',
  NO_ROLE: 'Votre compte n’a pas de rôle dans le programme.',
  ROLE_NOT_ALLOWED: 'Votre rôle ne permet pas cette action.',
  NOT_YOUR_STRUCTURE: 'Seul le référent de cette structure peut agir en son nom.',
  NOT_YOUR_DATA: 'Vous ne pouvez accéder qu’à vos propres données.',
  NOT_FOUND: 'Élément introuvable.',
  ROUTE_NOT_FOUND: 'Cette adresse n’existe pas.',
  VALIDATION_FAILED: 'Certains champs sont à corriger.',
  INVALID_JSON: 'La requête envoyée est mal formée.',
  INVALID_CURSOR: 'La pagination a expiré : revenez à la première page.',
  PAYLOAD_TOO_LARGE: 'Le contenu envoyé est trop volumineux.',
  STALE_VERSION: 'Quelqu’un d’autre a modifié cette fiche entre-temps. Rechargez la page : vos saisies sont conservées.',
  CONFLICT: 'La fiche a changé entre-temps. Rechargez la page puis réessayez.',
  TRANSACTION_CONFLICT: 'Une autre modification est en cours. Réessayez.',
  IDEMPOTENCY_IN_PROGRESS: 'Votre envoi précédent est encore en cours de traitement : réessayez dans un instant.',
  IDEMPOTENCY_KEY_REUSED: 'Cet envoi reprend la clé d’un envoi différent : rechargez la page puis recommencez.',
  INTERNAL_ERROR: 'Une erreur inattendue est survenue. Elle a été enregistrée ; réessayez dans un instant.',
  SERVICE_UNAVAILABLE: 'Le service est momentanément indisponible. Réessayez dans quelques secondes.',
  // seasons
  SEASON_YEAR_TAKEN: 'Une saison existe déjà pour cette année.',
  SEASON_NOT_FOUND: 'Saison inconnue.',
  // essaimés
  ESSAIME_EXISTS: 'Cette structure est déjà essaimée pour la saison.',
  PARTICIPANT_LIMIT: 'Trois personnes au plus suivent la formation pour une structure : remplacez-en une.',
  PARTICIPANT_ALREADY_ACTIVE: 'Cette personne suit déjà la formation.',
  PARTICIPANT_NOT_ACTIVE: 'Cette personne ne suit plus la formation.',
  // calls
  HYPOTHESIS_NOT_IN_SEASON: 'Cette hypothèse n’a pas été retenue pour la saison.',
  HYPOTHESIS_NOT_ACCEPTED: 'Cet appel n’accepte pas cette hypothèse.',
  INVALID_DATES: 'La date de clôture doit suivre la date d’ouverture.',
  CALL_NOT_OPEN: 'L’appel n’est pas encore ouvert.',
  CALL_NOT_YET_OPEN: 'L’appel n’est pas encore ouvert aux candidatures.',
  CALL_CLOSED: 'L’appel est clos : aucune candidature ne peut plus être déposée.',
  CALL_ALREADY_OPEN: 'L’appel est déjà ouvert.',
  CALL_ALREADY_CLOSED: 'L’appel est déjà clos.',
  CALL_STILL_OPEN: 'Les décisions se publient une fois l’appel clos.',
  CALL_FROZEN: 'Cet élément de l’appel ne peut plus changer depuis son ouverture.',
  CALL_FULL: 'Le nombre maximal de territoires sélectionnés est atteint pour cet appel.',
  CRITERIA_FROZEN: 'Les critères sont figés depuis l’ouverture : créez une nouvelle version des critères.',
  CRITERIA_MISSING: 'Chaque hypothèse acceptée doit avoir au moins un critère.',
  CRITERIA_VERSION_TAKEN: 'Une autre version des critères vient d’être créée. Rechargez la page.',
  CLOSING_DATE_PASSED: 'La date de clôture est passée : reportez-la avant d’ouvrir l’appel.',
  CAPACITY_BELOW_SELECTED: 'Le maximum ne peut pas être inférieur au nombre de territoires déjà sélectionnés.',
  COUNTER_INCONSISTENT: 'Le compteur de sélection est incohérent ; contactez l’équipe technique.',
  // applications
  APPLICATION_EXISTS: 'Votre structure a déjà une candidature à cet appel.',
  APPLICATION_INCOMPLETE: 'La candidature n’est pas complète : complétez les champs signalés.',
  APPLICATION_INELIGIBLE: 'La candidature ne remplit pas tous les critères : voir les critères signalés.',
  APPLICATION_NOT_DRAFT: 'Seul un brouillon peut être modifié ou déposé.',
  APPLICATION_NOT_IN_REVIEW: 'Cette action n’est possible que sur une candidature déposée.',
  APPLICATION_WITHDRAWN: 'Cette candidature a été retirée.',
  APPLICATION_CHANGED: 'La candidature a changé entre-temps. Rechargez la page : vos saisies sont conservées.',
  INVALID_ANSWER: 'Certaines réponses ne correspondent pas aux critères de l’appel.',
  INVALID_ANSWERS: 'Certaines réponses ne sont pas valides.',
  STRUCTURE_REQUIRED: 'Précisez pour laquelle de vos structures.',
  DECISION_PUBLISHED: 'La décision est publiée et définitive.',
  DECISION_UNCHANGED: 'La candidature a déjà cette décision.',
  VERIFICATION_PENDING: 'Des critères doivent encore être vérifiés sur pièces avant la sélection.',
  RECUSED_FROM_APPLICATION: 'Vous vous êtes déporté(e) de cette candidature (conflit d’intérêts).',
  REVIEWER_RECUSED: 'Cette personne s’est déportée de cette candidature.',
  REVIEWER_ALREADY_ASSIGNED: 'Cette personne évalue déjà la candidature.',
  TOO_MANY_REVIEWERS: 'Le nombre maximal d’évaluateurs est atteint.',
  REVIEWER_NOT_STAFF: 'Les évaluateurs sont des membres de l’équipe Ansa.',
  ALREADY_RECUSED: 'Vous vous êtes déjà déporté(e) de cette candidature.',
  NOT_ASSIGNED_REVIEWER: 'Seul un évaluateur désigné peut noter cette candidature : désignez-vous d’abord.',
  RUBRIC_MISMATCH: 'Notez chaque élément de la grille, et seulement ceux-là.',
  CRITERION_NOT_VERIFIABLE: 'Ce critère ne demande pas de vérification sur pièces.',
  RESPOND_BY_PASSED: 'La date limite de réponse doit être dans le futur.',
  // training
  COHORT_EXISTS: 'La promotion de cette saison existe déjà.',
  ESSAIME_ALREADY_IN_COHORT: 'Cet essaimé fait déjà partie de la promotion.',
  NO_ESSAIMES: 'La saison n’a encore aucune structure essaimée.',
  UNKNOWN_MODULE: 'Ce module n’existe pas dans la promotion.',
  UNKNOWN_EXPERT: 'Chaque expert doit être un tuteur A.CO.R. du programme.',
  SESSION_CANCELLED: 'Cette session est annulée.',
  SESSION_HAS_ATTENDANCE: 'Cette session a déjà des présences enregistrées : elle ne peut plus être déplacée ni annulée.',
  SESSION_NOT_HELD_YET: 'La session n’a pas encore eu lieu : les présences se saisissent à partir de son jour.',
  SESSION_OUTSIDE_COHORT: 'La session doit se tenir pendant les cinq mois de la formation-action.',
  INVALID_ATTENDANCE: 'La feuille de présence ne correspond pas aux essaimés de la promotion.',
  ATTENDANCE_CHANGED: 'La feuille de présence a changé entre-temps. Rechargez la page : vos saisies sont conservées.',
  DELIVERABLE_EXISTS: 'Ce livrable a déjà été déposé.',
  // tutoring
  NOT_A_TUTOR: 'Seule une personne ayant le rôle de tuteur peut figurer dans l’annuaire.',
  TUTOR_EXISTS: 'Cette personne figure déjà dans l’annuaire des tuteurs.',
  TUTOR_NOT_IN_DIRECTORY: 'Ce tuteur n’est pas dans l’annuaire.',
  TUTOR_AT_CAPACITY: 'Ce tuteur suit déjà le nombre maximal d’essaimés.',
  TUTOR_UNAVAILABLE: 'Ce tuteur n’est pas disponible.',
  TUTOR_LOAD_CHANGED: 'La charge du tuteur a changé entre-temps. Réessayez.',
  CAPACITY_BELOW_LOAD: 'La capacité ne peut pas être inférieure au nombre d’essaimés suivis : réaffectez-en d’abord.',
  ESSAIME_TUTOR_CHANGED: 'Le tuteur de cet essaimé a changé entre-temps. Rechargez la page.',
  ALREADY_ASSIGNED: 'Ce tuteur suit déjà cet essaimé.',
  NO_TUTOR: 'Cet essaimé n’a pas de tuteur.',
  NO_TUTOR_ASSIGNED: 'Aucun tuteur n’est assigné à votre structure : l’équipe Ansa va y remédier.',
  REQUEST_CLOSED: 'Cette demande est close.',
  NOTHING_TO_RATE: 'La demande n’a pas encore de réponse à évaluer.',
  RATING_REQUIRED: 'Indiquez l’utilité de la réponse (de 1 à 5).',
  NOT_ANSWERED: 'Répondez à la demande avant de la proposer pour le guide.',
  GUIDE_ENTRY_ALREADY_REVIEWED: 'L’équipe Ansa a déjà relu cette fiche du guide : demandez-lui toute modification.',
  GUIDE_WORDING_NOT_GENERALISED: 'Reformulez la fiche de façon générale, sans nommer la structure, le territoire ni les personnes.',
  FILTER_REQUIRED: 'Choisissez un tuteur, une structure ou les demandes en retard.',
  // evaluation
  STAGES_EXIST: 'Les étapes d’évaluation de cette saison existent déjà : ajoutez-les ou modifiez-les une à une.',
  STAGES_OVERLAP: 'Chaque étape s’ouvre une fois la précédente échue.',
  STAGE_ALREADY_OPEN: 'Cette étape est ouverte : sa date d’ouverture ne peut plus changer.',
  STAGE_NOT_OPEN: 'Cette étape n’est pas encore ouverte.',
  DUE_BEFORE_OPENING: 'L’échéance doit suivre l’ouverture.',
  REPORT_INCOMPLETE: 'Le rapport n’est pas complet : complétez les champs signalés.',
  REPORT_LOCKED: 'Ce rapport a été accepté : il est verrouillé.',
  REPORT_NOT_ACCEPTED: 'Seul un rapport accepté peut être rouvert.',
  REPORT_NOT_SUBMITTED: 'Ce rapport n’a pas été transmis.',
  REPORT_SUBMITTED: 'Ce rapport a été transmis et attend sa relecture.',
  REPORT_NOT_FOUND: 'Aucun rapport pour l’instant.',
  INCONSISTENT_FIGURES: 'Certains chiffres sont incohérents entre eux : voir les champs signalés.',
  INVALID_TEMPLATE: 'Le modèle de rapport n’est pas cohérent.',
  NO_QUESTIONNAIRE: 'Cette étape n’a pas de questionnaire.',
  QUESTIONNAIRE_LIMIT: 'Une structure peut saisir au plus 30 questionnaires.',
  // governance
  CONDITIONS_REQUIRED: 'Précisez les conditions du label conditionnel.',
  NO_FIDELITY_ASSESSMENT: 'Évaluez d’abord la fidélité aux quatre principes avant de décider du label.',
};

/** Codes the web app gives itself (no answer from the server), with their messages. */
export const webErrorCodes = ['NETWORK_ERROR', 'UNKNOWN_ERROR'] as const;
export type WebErrorCode = (typeof webErrorCodes)[number];

export const webErrorMessages: Record<WebErrorCode, string> = {
  NETWORK_ERROR: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez : vos saisies sont conservées.',
  UNKNOWN_ERROR: 'Une erreur inattendue est survenue.',
};

/** Whether a code read from an answer is one of the server's catalogue (an older or newer server may differ). */
export function isServerErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}
