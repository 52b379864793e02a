import { formatDate, formatDateTime, formatNumber } from './format';
import { applicationStatusLabels, axisLabels, callStatusLabels, decisionLabels, eligibilityLabels, hypothesisShort, roleLabels, seasonStatusLabels } from './labels';

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
};

const hidden = /(Id|Ids|Delta|Version|Count|version|At)$|^(counterDelta|expectedVersion|version|pk|sk)$/;

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
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(key, v)).join(', ') : 'aucun';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
    const mapped = valueMaps[key]?.[value] ?? fieldLabels[value];
    return mapped ? `« ${mapped} »` : `« ${value} »`;
  }
  return 'modifié';
}

export function describeChanges(changes: Record<string, unknown>): string[] {
  const sentences: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (hidden.test(key)) continue;
    const labelOf = fieldLabels[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase();
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
  return sentences;
}
