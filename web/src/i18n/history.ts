import { formatDate, formatDateTime, formatNumber } from './format';
import {
  applicationStatusLabels,
  axisLabels,
  budgetLabels,
  callStatusLabels,
  criterionStatusLabels,
  decisionLabels,
  eligibilityLabels,
  hypothesisShort,
  prescriberKindLabels,
  principleLabels,
  roleLabels,
  seasonStatusLabels,
  settingLabels,
} from './labels';

/**
 * An audit entry's changes as French sentences (« Statut : de « En cours d’examen » à « Retenue ». »), never
 * raw JSON. Technical fields (counters, versions, ids) are left out: people read what changed, not how.
 */
const fieldLabels: Record<string, string> = {
  status: 'Statut',
  eligibility: 'Éligibilité',
  outcome: 'Décision',
  decision: 'Décision',
  hypothesis: 'Hypothèse',
  hypotheses: 'Hypothèses',
  title: 'Titre',
  name: 'Nom',
  reason: 'Motif',
  rationale: 'Motif',
  comment: 'Commentaire',
  score: 'Score',
  date: 'Date',
  startDate: 'Début',
  endDate: 'Fin',
  opensAt: 'Ouverture',
  closesAt: 'Clôture',
  opensOn: 'Ouverture',
  dueOn: 'Échéance',
  startTime: 'Heure',
  place: 'Lieu',
  mode: 'Modalité',
  axis: 'Axe',
  role: 'Rôle',
  criterionId: 'Critère',
  sections: 'Parties modifiées',
  answers: 'Réponses modifiées',
  respondBy: 'Réponse attendue',
  message: 'Message',
  subject: 'Objet',
  rating: 'Note',
  year: 'Année',
  late: 'Déposé en retard',
  rows: 'Lignes',
  body: 'Instance',
  attendees: 'Membres présents',
  decisions: 'Décisions',
  levels: 'Niveaux de fidélité',
  indicators: 'Indicateurs',
  questions: 'Questions',
  period: 'Période',
  answered: 'Répondu',
  comments: 'Commentaires',
  interviewedOn: 'Entretien du',
  assessedOn: 'Évaluation du',
  personRole: 'Personne interrogée',
  respondentRole: 'Répondant',
  records: 'Présences',
  until: 'Jusqu’au',
  durationMinutes: 'Durée (minutes)',
  capacity: 'Capacité',
  available: 'Disponible',
  expertise: 'Expertise',
  needs: 'Besoins',
  urgency: 'Urgence',
  actions: 'Actions',
  loadBefore: 'Essaimés suivis avant',
  requestsClosed: 'Demandes closes',
  fromStatus: 'Statut précédent',
  responseTarget: 'Objectif de réponse',
  reminder: 'Relance',
  items: 'Éléments',
  email: 'Adresse électronique',
  displayName: 'Nom',
  organisation: 'Organisation',
  capacityMin: 'Capacité minimale',
  capacityMax: 'Capacité maximale',
  description: 'Description',
  objectives: 'Objectifs',
  workingDays: 'Jours ouvrés',
  cutoff: 'Heure limite',
  kind: 'Type',
  order: 'Ordre',
  urgent: 'Urgent',
};

const hidden = /(Id|Ids|Delta|Version|Count|version|At)$|^(counterDelta|expectedVersion|version|pk|sk|wasValidated|replacedBy|replaces|reassignedTo)$/;

/** An internal id (sea_…, a demo or Cognito user id): never shown, the entry's actor and page say whose it is. */
const looksLikeId = (value: unknown) =>
  typeof value === 'string' && (/^[a-z]{2,5}_(?=[0-9a-z-]*\d)[0-9a-z-]+$/.test(value) || /^str_/.test(value) || /^demo-[a-z]+-[a-z-]+$/.test(value) || /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value));

/** A value as the API writes it (under_review, tutor-released): shown only through a label, never raw. */
const looksLikeCode = (value: string) => /^[a-z]+([_-][a-z0-9]+)+$/.test(value) || /^[a-z]+$/.test(value);

/** Any code the labels know, whatever its field (a list of needs, a reason). */
const anyLabel: Record<string, string> = {
  ...settingLabels,
  ...axisLabels,
  ...principleLabels,
  ...budgetLabels,
  ...prescriberKindLabels,
  ...criterionStatusLabels,
  ...roleLabels,
  'tutor-released': 'Tuteur libéré de l’essaimé',
  'in-person': 'En présentiel',
  remote: 'À distance',
  low: 'Faible',
  normal: 'Normale',
  high: 'Haute',
};

const valueMaps: Record<string, Record<string, string>> = {
  status: { ...applicationStatusLabels, ...callStatusLabels, ...seasonStatusLabels, accepted: 'Accepté', submitted: 'Soumis', draft: 'Brouillon', scheduled: 'Prévue', cancelled: 'Annulée', open: 'Ouverte', answered: 'Répondue' },
  eligibility: eligibilityLabels,
  outcome: decisionLabels,
  decision: decisionLabels,
  hypothesis: hypothesisShort,
  axis: axisLabels,
  role: roleLabels,
  mode: { 'in-person': 'En présentiel', remote: 'À distance', onsite: 'Sur place' },
};

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'non renseigné';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.length ? [...new Set(value.map((v) => valueText(key, v)))].join(', ') : 'aucun';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
    const mapped = valueMaps[key]?.[value] ?? anyLabel[value] ?? fieldLabels[value];
    if (mapped) return `« ${mapped} »`;
    return looksLikeCode(value) ? 'modifié' : `« ${value} »`;
  }
  return 'modifié';
}

/** A field without a French name is told as « Autres changements », never by its code name. */
export function describeChanges(changes: Record<string, unknown>): string[] {
  const sentences: string[] = [];
  let unnamed = false;
  for (const [key, value] of Object.entries(changes)) {
    if (hidden.test(key) || looksLikeId(value) || (Array.isArray(value) && value.length > 0 && value.every(looksLikeId))) continue;
    if (value && typeof value === 'object' && !Array.isArray(value) && [(value as { from?: unknown }).from, (value as { to?: unknown }).to].some(looksLikeId)) continue;
    const labelOf = fieldLabels[key] ?? anyLabel[key];
    if (!labelOf) {
      unnamed = true;
      continue;
    }
    const field = labelOf.charAt(0).toUpperCase() + labelOf.slice(1);
    if (value && typeof value === 'object' && !Array.isArray(value) && ('from' in value || 'to' in value)) {
      const { from, to } = value as { from?: unknown; to?: unknown };
      sentences.push(`${field} : de ${valueText(key, from)} à ${valueText(key, to)}.`);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = describeChanges(value as Record<string, unknown>);
      if (inner.length) sentences.push(`${field} : ${inner.join(' ')}`);
    } else {
      sentences.push(`${field} : ${valueText(key, value)}.`);
    }
  }
  if (unnamed) sentences.push('Autres changements enregistrés.');
  return sentences;
}
