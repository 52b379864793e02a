import type { ErrorDetail } from '../../../shared/errors';
import { ApiError } from '../api/client';
import { errorMessages, isServerErrorCode, webErrorMessages } from './error-messages';
import { countOf } from './format';

/** For an answer without a code this build knows (another version of the server, a proxy's error page). */
const byStatus: Record<number, string> = {
  400: 'La demande n’est pas valide.',
  401: errorMessages.UNAUTHORIZED,
  403: 'Accès refusé.',
  404: 'Introuvable.',
  409: 'Cette action entre en conflit avec l’état actuel de la fiche. Rechargez la page.',
  422: 'Cette action n’est pas possible en l’état.',
  500: errorMessages.INTERNAL_ERROR,
};

/**
 * Messages of field-level issues: zod issue codes, and the codes the domain puts in `details[].code` (free
 * strings, not error codes: a rule may name its own).
 */
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
  // essaimés, training
  UNKNOWN_PARTICIPANT: 'Participant inconnu.',
  PARTICIPANT_INACTIVE: 'Cette personne ne suit plus la formation.',
  ESSAIME_NOT_IN_COHORT: 'Cet essaimé ne fait pas partie de la promotion.',
  ATTENDANCE_BELOW_THRESHOLD: 'Assiduité insuffisante.',
  CONSECUTIVE_ABSENCES: 'Absences consécutives.',
  // calls, applications
  HYPOTHESIS_MISSING: 'Choisissez l’hypothèse de candidature (A ou B).',
  UNKNOWN_CRITERION: 'Ce critère n’existe pas dans cet appel.',
  WRONG_ANSWER_KIND: 'La réponse ne correspond pas au type du critère.',
  MISSING: 'Ce champ est obligatoire.',
  PENDING: 'À vérifier sur pièces avant la sélection.',
  UNKNOWN_ITEM: 'Élément inconnu de la grille.',
  // tutoring guide
  PERSONAL_DATA_IN_TEXT: 'Le texte semble contenir des données personnelles (nom, courriel, téléphone) : retirez-les.',
  NAME: 'Retirez ce nom propre : la fiche doit rester générale.',
  CONTACT: 'Retirez ces coordonnées : la fiche doit rester générale.',
  // evaluation
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
  DUPLICATE_KEY: 'Cet élément existe déjà.',
};

/** Known English messages of custom rules, in French. */
const knownMessages: Record<string, string> = {
  'The end date must come after the start date': 'La date de fin doit suivre la date de début.',
  Required: 'Ce champ est obligatoire.',
  'At most two decimals': 'Deux décimales au plus.',
};

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'UNKNOWN_ERROR') return byStatus[error.status] ?? `Erreur ${error.status}.`;
    return isServerErrorCode(error.code) ? errorMessages[error.code] : webErrorMessages[error.code];
  }
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
  if (items) return items[1]!.startsWith('>') ? `Choisissez au moins ${countOf(Number(items[2]), 'élément', 'éléments')}.` : `Choisissez au plus ${countOf(Number(items[2]), 'élément', 'éléments')}.`;
  if (detail.code === 'invalid_format' && /email/i.test(detail.message)) return 'Adresse électronique non valide.';
  if (detail.code === 'invalid_format' && /date/i.test(detail.message)) return 'Date non valide.';
  // Domain rules already explain themselves in French (eligibility, consistency of figures): keep their words.
  if (isFrench(detail.message)) return detail.message;
  if (detail.code && isServerErrorCode(detail.code)) return errorMessages[detail.code];
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
    if (target) {
      byField[target] ??= [];
      byField[target].push(detailMessage(detail));
    }
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
