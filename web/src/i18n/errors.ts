import { ApiError, type ErrorDetail } from '../api/client';

/**
 * The API's stable error codes in French. Areas add their codes here; an unknown code falls back to a
 * message by HTTP status, so the user always reads French.
 */
export const errorMessages: Record<string, string> = {
  // platform
  NETWORK_ERROR: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez : vos saisies sont conservées.',
  UNAUTHORIZED: 'Votre session a expiré. Reconnectez-vous : vos saisies sont conservées.',
  NO_ROLE: 'Votre compte n’a pas de rôle dans le programme.',
  ROLE_NOT_ALLOWED: 'Votre rôle ne permet pas cette action.',
  FORBIDDEN: 'Vous n’avez pas accès à cette action.',
  NOT_YOUR_STRUCTURE: 'Cette fiche appartient à une autre structure.',
  NOT_FOUND: 'Élément introuvable.',
  ROUTE_NOT_FOUND: 'Cette adresse n’existe pas.',
  VALIDATION_FAILED: 'Certains champs sont à corriger.',
  INVALID_JSON: 'La requête envoyée est mal formée.',
  INVALID_CURSOR: 'La pagination a expiré : revenez à la première page.',
  PAYLOAD_TOO_LARGE: 'Le contenu envoyé est trop volumineux.',
  VERSION_CONFLICT: 'Quelqu’un d’autre a modifié cette fiche entre-temps. Rechargez la page : vos saisies sont conservées.',
  STALE_VERSION: 'Quelqu’un d’autre a modifié cette fiche entre-temps. Rechargez la page : vos saisies sont conservées.',
  INTERNAL_ERROR: 'Une erreur inattendue est survenue. Elle a été enregistrée ; réessayez dans un instant.',
  UNKNOWN_JOB: 'Tâche planifiée inconnue.',
  // seasons
  SEASON_EXISTS: 'Une saison existe déjà pour cette année.',
  SEASON_YEAR_TAKEN: 'Une saison existe déjà pour cette année.',
  INVALID_STATUS_TRANSITION: 'Ce changement de statut n’est pas possible.',
  // essaimés
  TOO_MANY_PARTICIPANTS: 'Trois personnes au plus suivent la formation pour une structure.',
  PARTICIPANT_LIMIT: 'Trois personnes au plus suivent la formation pour une structure.',
  PARTICIPANT_ALREADY_ACTIVE: 'Cette personne suit déjà la formation.',
  PARTICIPANT_INACTIVE: 'Cette personne ne suit plus la formation.',
  PARTICIPANT_NOT_ACTIVE: 'Cette personne ne suit plus la formation.',
  UNKNOWN_PARTICIPANT: 'Participant inconnu.',
  // calls
  SEASON_NOT_FOUND: 'Saison inconnue.',
  HYPOTHESIS_NOT_IN_SEASON: 'Cette hypothèse n’a pas été retenue pour la saison.',
  HYPOTHESIS_NOT_ACCEPTED: 'Cet appel n’accepte pas cette hypothèse.',
  HYPOTHESIS_MISSING: 'Choisissez l’hypothèse de candidature (A ou B).',
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
  TRANSACTION_CONFLICT: 'Une autre modification est en cours. Réessayez.',
  INVALID_ANSWER: 'Certaines réponses ne correspondent pas aux critères de l’appel.',
  INVALID_ANSWERS: 'Certaines réponses ne sont pas valides.',
  UNKNOWN_CRITERION: 'Ce critère n’existe pas dans cet appel.',
  WRONG_ANSWER_KIND: 'La réponse ne correspond pas au type du critère.',
  STRUCTURE_REQUIRED: 'Indiquez le nom de la structure.',
  DECISION_PUBLISHED: 'La décision est publiée et définitive.',
  DECISION_UNCHANGED: 'La candidature a déjà cette décision.',
  VERIFICATION_PENDING: 'Des critères doivent encore être vérifiés sur pièces avant la sélection.',
  ESSAIME_EXISTS: 'Cette structure est déjà essaimée pour la saison.',
  RECUSED_FROM_APPLICATION: 'Vous vous êtes déporté(e) de cette candidature (conflit d’intérêts).',
  REVIEWER_RECUSED: 'Cette personne s’est déportée de cette candidature.',
  REVIEWER_ALREADY_ASSIGNED: 'Cette personne évalue déjà la candidature.',
  TOO_MANY_REVIEWERS: 'Le nombre maximal d’évaluateurs est atteint.',
  REVIEWER_NOT_STAFF: 'Les évaluateurs sont des membres de l’équipe Ansa.',
  ALREADY_RECUSED: 'Vous vous êtes déjà déporté(e) de cette candidature.',
  NOT_ASSIGNED_REVIEWER: 'Seul un évaluateur désigné peut noter cette candidature : désignez-vous d’abord.',
  RUBRIC_MISMATCH: 'Notez chaque élément de la grille.',
  CRITERION_NOT_VERIFIABLE: 'Ce critère ne demande pas de vérification sur pièces.',
  RESPOND_BY_PASSED: 'La date limite de réponse doit être dans le futur.',
  // training
  COHORT_EXISTS: 'La promotion de cette saison existe déjà.',
  ESSAIME_ALREADY_IN_COHORT: 'Cet essaimé fait déjà partie de la promotion.',
  ESSAIME_NOT_IN_COHORT: 'Cet essaimé ne fait pas partie de la promotion.',
  NO_ESSAIMES: 'Aucun essaimé dans cette saison.',
  UNKNOWN_MODULE: 'Module inconnu.',
  UNKNOWN_EXPERT: 'Expert inconnu.',
  SESSION_CANCELLED: 'Cette session est annulée.',
  SESSION_HAS_ATTENDANCE: 'Cette session a déjà des présences enregistrées.',
  SESSION_NOT_HELD_YET: 'La session n’a pas encore eu lieu : les présences se saisissent après.',
  SESSION_OUTSIDE_COHORT: 'La session doit se tenir pendant la formation-action.',
  INVALID_ATTENDANCE: 'La feuille de présence n’est pas valide.',
  ATTENDANCE_CHANGED: 'La feuille de présence a changé entre-temps. Rechargez la page : vos saisies sont conservées.',
  ATTENDANCE_BELOW_THRESHOLD: 'Assiduité insuffisante.',
  CONSECUTIVE_ABSENCES: 'Absences consécutives.',
  DELIVERABLE_EXISTS: 'Ce livrable a déjà été déposé.',
  DUE_BEFORE_OPENING: 'L’échéance doit suivre l’ouverture.',
  // tutoring
  NOT_A_TUTOR: 'Cette personne n’est pas tuteur A.CO.R.',
  TUTOR_EXISTS: 'Ce tuteur existe déjà.',
  TUTOR_NOT_IN_DIRECTORY: 'Ce tuteur n’est pas dans l’annuaire.',
  TUTOR_AT_CAPACITY: 'Ce tuteur suit déjà le nombre maximal d’essaimés.',
  TUTOR_UNAVAILABLE: 'Ce tuteur n’est pas disponible.',
  TUTOR_LOAD_CHANGED: 'La charge du tuteur a changé entre-temps. Réessayez.',
  CAPACITY_BELOW_LOAD: 'La capacité ne peut pas être inférieure au nombre d’essaimés suivis.',
  ESSAIME_TUTOR_CHANGED: 'Le tuteur de cet essaimé a changé entre-temps. Rechargez la page.',
  ALREADY_ASSIGNED: 'Ce tuteur suit déjà cet essaimé.',
  NO_TUTOR: 'Aucun tuteur n’est assigné à votre structure : l’équipe Ansa va y remédier.',
  NO_TUTOR_ASSIGNED: 'Aucun tuteur n’est assigné à votre structure : l’équipe Ansa va y remédier.',
  REQUEST_CLOSED: 'Cette demande est close.',
  GUIDE_ENTRY_ALREADY_REVIEWED: 'Cette fiche du guide a déjà été relue.',
  GUIDE_WORDING_NOT_GENERALISED: 'Reformulez la fiche de façon générale, sans nommer la structure ni les personnes.',
  PERSONAL_DATA_IN_TEXT: 'Le texte semble contenir des données personnelles (nom, courriel, téléphone) : retirez-les.',
  // evaluation
  STAGES_EXIST: 'Les étapes d’évaluation existent déjà.',
  STAGES_OVERLAP: 'Les étapes d’évaluation se chevauchent.',
  STAGE_ALREADY_OPEN: 'Cette étape est déjà ouverte.',
  STAGE_NOT_OPEN: 'Cette étape n’est pas ouverte.',
  REPORT_INCOMPLETE: 'Le rapport n’est pas complet : complétez les champs signalés.',
  REPORT_LOCKED: 'Ce rapport est verrouillé.',
  REPORT_NOT_ACCEPTED: 'Ce rapport n’est pas accepté.',
  REPORT_NOT_SUBMITTED: 'Ce rapport n’a pas été transmis.',
  REPORT_SUBMITTED: 'Ce rapport a déjà été transmis.',
  INCONSISTENT_FIGURES: 'Certains chiffres sont incohérents entre eux : voir les champs signalés.',
  BACK_IN_JOB_EXCEEDS_SUPPORTED: 'Le nombre de personnes en emploi ne peut pas dépasser le nombre de personnes accompagnées.',
  DURABLE_EXCEEDS_BACK_IN_JOB: 'Le nombre d’emplois durables ne peut pas dépasser le nombre de personnes en emploi.',
  PERIOD_END_BEFORE_START: 'La fin de la période doit suivre son début.',
  NEGATIVE_VALUE: 'La valeur ne peut pas être négative.',
  NOT_A_WHOLE_NUMBER: 'Saisissez un nombre entier.',
  TOO_MANY_DECIMALS: 'Trop de décimales.',
  WRONG_UNIT: 'Unité incorrecte.',
  NOT_ON_SCALE: 'Choisissez une valeur de l’échelle.',
  NOT_TEXT: 'Saisissez un texte.',
  UNKNOWN_INDICATOR: 'Indicateur inconnu.',
  UNKNOWN_QUESTION: 'Question inconnue.',
  MISSING_REQUIRED: 'Ce champ est obligatoire.',
  RATING_REQUIRED: 'Choisissez une note.',
  CONDITIONS_REQUIRED: 'Précisez les conditions.',
  NOTHING_TO_RATE: 'Rien à évaluer.',
  NO_FIDELITY_ASSESSMENT: 'Aucune évaluation de fidélité.',
  NO_QUESTIONNAIRE: 'Aucun questionnaire.',
  QUESTIONNAIRE_LIMIT: 'Nombre maximal de questionnaires atteint.',
  INVALID_TEMPLATE: 'Modèle de rapport non valide.',
  FILTER_REQUIRED: 'Choisissez un filtre.',
  NOT_YOUR_DATA: 'Ces données ne vous concernent pas.',
  DUPLICATE_KEY: 'Cet élément existe déjà.',
  CONFLICT: 'Conflit : rechargez la page.',
  REPORT_NOT_FOUND: 'Aucun rapport pour l’instant.',
  MISSING: 'Ce champ est obligatoire.',
  PENDING: 'À vérifier sur pièces avant la sélection.',
  UNKNOWN_ITEM: 'Élément inconnu de la grille.',
  NAME: 'Retirez ce nom propre : la fiche doit rester générale.',
  CONTACT: 'Retirez ces coordonnées : la fiche doit rester générale.',
  NOT_ANSWERED: 'Répondez à la demande avant de la proposer pour le guide.',
};

const byStatus: Record<number, string> = {
  400: 'La demande n’est pas valide.',
  401: errorMessages.UNAUTHORIZED!,
  403: 'Accès refusé.',
  404: 'Introuvable.',
  409: 'Cette action entre en conflit avec l’état actuel de la fiche. Rechargez la page.',
  422: 'Cette action n’est pas possible en l’état.',
  500: errorMessages.INTERNAL_ERROR!,
};

/** Messages of field-level validation issues (zod issue codes and the domain's detail codes). */
const detailMessages: Record<string, string> = {
  invalid_type: 'Ce champ est obligatoire ou mal renseigné.',
  too_small: 'Valeur trop courte ou trop petite.',
  too_big: 'Valeur trop longue ou trop grande.',
  invalid_format: 'Format non valide.',
  invalid_value: 'Valeur non admise.',
  invalid_union: 'Valeur non valide.',
  unrecognized_keys: 'Champ non attendu.',
  not_multiple_of: 'Valeur non valide.',
  custom: 'Valeur non valide.',
};

/** Known English messages of custom rules, in French. */
const knownMessages: Record<string, string> = {
  'The end date must come after the start date': 'La date de fin doit suivre la date de début.',
  Required: 'Ce champ est obligatoire.',
};

export function registerErrorMessages(messages: Record<string, string>, details: Record<string, string> = {}): void {
  Object.assign(errorMessages, messages);
  Object.assign(detailMessages, details);
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return errorMessages[error.code] ?? byStatus[error.status] ?? `Erreur ${error.status} (${error.code}).`;
  return 'Une erreur inattendue est survenue.';
}

export function detailMessage(detail: ErrorDetail): string {
  if (knownMessages[detail.message]) return knownMessages[detail.message]!;
  if (detail.code === 'invalid_type') {
    if (/received (undefined|null)/.test(detail.message)) return 'Ce champ est obligatoire.';
    if (/expected (number|int)/.test(detail.message)) return 'Saisissez un nombre.';
    if (/expected (array|object)/.test(detail.message)) return 'Ce champ est obligatoire.';
  }
  if (detail.code === 'too_small' && /(string|characters|>=1 character)/i.test(detail.message)) return /expected string to have >=1/.test(detail.message) ? 'Ce champ est obligatoire.' : 'Texte trop court.';
  if (detail.code === 'too_big' && /(string|characters)/i.test(detail.message)) return 'Texte trop long.';
  const bound = /expected number to be ([<>]=?)(-?[\d.]+)/.exec(detail.message);
  if (bound) return `La valeur doit être ${bound[1]!.startsWith('>') ? 'supérieure' : 'inférieure'}${bound[1]!.endsWith('=') ? ' ou égale' : ''} à ${bound[2]!.replace('.', ',')}.`;
  const items = /expected array to have ([<>]=?)(\d+) items?/.exec(detail.message);
  if (items) return items[1]!.startsWith('>') ? `Choisissez au moins ${items[2]} élément(s).` : `Choisissez au plus ${items[2]} élément(s).`;
  if (detail.code === 'invalid_format' && /email/i.test(detail.message)) return 'Adresse électronique non valide.';
  if (detail.code === 'invalid_format' && /date/i.test(detail.message)) return 'Date non valide.';
  // Domain rules already explain themselves in French (eligibility, consistency of figures): keep their words.
  if (isFrench(detail.message)) return detail.message;
  if (detail.code && errorMessages[detail.code]) return errorMessages[detail.code]!;
  if (detail.code && detailMessages[detail.code]) return detailMessages[detail.code]!;
  return 'Valeur non valide.';
}

function isFrench(message: string): boolean {
  if (/^(Invalid|Too (small|big)|Expected|Required|Unrecognized|Not |The |This |At most|Each |Score |Unknown|Duplicate|max |A |An |Contains|Remove|People|Only|Use )/.test(message)) return false;
  if (/\b(the|must|cannot|contains?|should|with|are|is|of|be|has|have|missing|required)\b/i.test(message)) return false;
  return /[éèàùâêîôûçœ«»’]/.test(message) || /\b(le|la|les|des|du|doit|est|une?|au|aux|pour|sur)\b/i.test(message);
}

/** 'body.figures.placed' → 'figures.placed'; 'query.limit' → 'limit'. */
export function fieldOf(path: string): string {
  return path.replace(/^(body|query|params|report)\.?/, '');
}

/** Groups the details of an API error by form field; details that match no field stay in `other`. */
export function fieldErrors(error: unknown, fields?: readonly string[]): { byField: Record<string, string[]>; other: string[] } {
  const byField: Record<string, string[]> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { byField, other: [messageOf(error)] };
  for (const detail of error.details) {
    const field = fieldOf(detail.path);
    const target = fields ? bestField(field, fields) : field;
    if (target) (byField[target] ??= []).push(detailMessage(detail));
    else other.push(detailMessage(detail));
  }
  return { byField, other };
}

/** The form field a detail path belongs to: itself, or its closest parent known to the form ('needs.0.axis' → 'needs.0.axis' or 'needs'). */
function bestField(path: string, fields: readonly string[]): string | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (fields.includes(candidate)) return candidate;
  }
  return undefined;
}
