import type { Role } from '../../../shared/access/principal';
import type { Axis, Principle, Setting } from '../../../shared/programme/axes';
import type { Hypothesis, SeasonStatus } from '../../../shared/seasons/schemas';

/** French labels of the domain's enumerations. */
export const roleLabels: Record<Role, string> = {
  staff: 'Équipe Ansa',
  // A role names a person whose gender the profile does not say: the inclusive title.
  tutor: 'Tuteur·rice A.CO.R.',
  referent: 'Référent·e de structure',
};

export const hypothesisLabels: Record<Hypothesis, string> = {
  A: 'Hypothèse A — opérateur d’un acteur public',
  B: 'Hypothèse B — collectivité qui fait évoluer ses équipes',
};

export const hypothesisShort: Record<Hypothesis, string> = { A: 'Hypothèse A', B: 'Hypothèse B' };

export const settingLabels: Record<Setting, string> = {
  urban: 'Urbain',
  rural: 'Rural',
  'semi-rural': 'Semi-rural',
};

export const seasonStatusLabels: Record<SeasonStatus, string> = {
  planning: 'En préparation',
  running: 'En cours',
  closed: 'Clôturée',
};

export const axisLabels: Record<Axis, string> = {
  prospecting: 'Prospecter les entreprises (« aller-vers »)',
  loyalty: 'Fidéliser les entreprises',
  'jobseeker-support': 'Accompagner les demandeurs d’emploi (PER)',
  matching: 'Mettre en relation offres et candidats',
  transformation: 'Transformer la structure',
};

export const principleLabels: Record<Principle, string> = {
  'go-towards-companies': 'Aller vers les entreprises',
  'one-offer-one-candidate': 'Une offre, un candidat',
  'realistic-achievable': 'Réaliste, réactif, réalisable',
  'cre-team': 'Une équipe de chargés de relation entreprises',
};

/** Any enumeration value: its French label when known, else the value itself. */
export function label(map: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return map[value] ?? value;
}

/** Audit actions ("application.submitted") in French, generic when unknown. */
const actionVerbs: Record<string, string> = {
  created: 'création',
  updated: 'modification',
  submitted: 'dépôt',
  opened: 'ouverture',
  closed: 'clôture',
  published: 'publication',
  selected: 'sélection',
  rejected: 'refus',
  scored: 'notation',
  reviewed: 'évaluation',
  verified: 'vérification',
  assigned: 'affectation',
  answered: 'réponse',
  accepted: 'acceptation',
  withdrawn: 'retrait',
  deleted: 'suppression',
  recorded: 'enregistrement',
  requested: 'demande',
  decided: 'décision',
  replaced: 'remplacement',
  added: 'ajout',
  correction: 'demande de correction',
  recused: 'déport (conflit d’intérêts)',
  moved: 'déplacement',
  cancelled: 'annulation',
  marked: 'signalement',
  posted: 'message',
  released: 'fin d’affectation',
  changed: 'modification',
  saved: 'enregistrement',
  sent: 'envoi',
  reopened: 'réouverture',
};

const entityLabels: Record<string, string> = {
  season: 'saison',
  essaime: 'essaimé',
  participant: 'participant',
  user: 'utilisateur',
  call: 'appel',
  application: 'candidature',
  session: 'session',
  module: 'module',
  request: 'demande',
  report: 'rapport',
  guide: 'guide',
};

export function actionLabel(action: string): string {
  const [entity, ...rest] = action.split('.');
  const verb = rest.join('.');
  const parts = verb.split(/[._-]/);
  const last = parts[parts.length - 1] ?? verb;
  const v = (verb === 'returned-for-correction' ? actionVerbs.correction : verb === 'note-added' ? 'note privée' : actionVerbs[last]) ?? verb.replace(/[._-]/g, ' ');
  return `${v.charAt(0).toUpperCase()}${v.slice(1)} (${entityLabels[entity ?? ''] ?? entity})`;
}

export const callStatusLabels: Record<string, string> = { draft: 'Brouillon', open: 'Ouvert', closed: 'Clos' };
export const callStatusTone: Record<string, 'info' | 'success' | 'neutral' | 'warning'> = { draft: 'info', open: 'success', closed: 'neutral' };

export const applicationStatusLabels: Record<string, string> = {
  draft: 'Brouillon',
  submitted: 'Déposée',
  under_review: 'En instruction',
  selected: 'Sélectionnée',
  waitlisted: 'Liste d’attente',
  rejected: 'Non retenue',
  withdrawn: 'Retirée',
};
export const applicationStatusTone: Record<string, 'info' | 'success' | 'neutral' | 'warning' | 'danger'> = {
  draft: 'neutral',
  submitted: 'info',
  under_review: 'info',
  selected: 'success',
  waitlisted: 'warning',
  rejected: 'danger',
  withdrawn: 'neutral',
};

export const eligibilityLabels: Record<string, string> = { eligible: 'Éligible', ineligible: 'Non éligible', incomplete: 'Incomplète' };
export const eligibilityTone: Record<string, 'success' | 'danger' | 'warning'> = { eligible: 'success', ineligible: 'danger', incomplete: 'warning' };
export const criterionStatusLabels: Record<string, string> = { met: 'Rempli', unmet: 'Non rempli', missing: 'À renseigner' };

export const decisionLabels: Record<string, string> = { selected: 'Sélectionnée', waitlisted: 'Liste d’attente', rejected: 'Non retenue' };

export const budgetLabels: Record<string, string> = {
  surplus: 'Excédentaire',
  balanced: 'À l’équilibre',
  'occasional-deficit': 'Déficit ponctuel',
  'structural-deficit': 'Déficit structurel',
};

export const prescriberKindLabels: Record<string, string> = {
  departement: 'Département',
  region: 'Région',
  agglomeration: 'Agglomération / intercommunalité',
  commune: 'Commune',
  plie: 'PLIE',
  spe: 'Service public de l’emploi',
  other: 'Autre',
};

export const criterionKindLabels: Record<string, string> = {
  number: 'Nombre',
  yes_no: 'Oui / non',
  signed_attestation: 'Attestation signée',
  document: 'Document',
  choice: 'Choix',
};

export const regions = [
  'Auvergne-Rhône-Alpes',
  'Bourgogne-Franche-Comté',
  'Bretagne',
  'Centre-Val de Loire',
  'Corse',
  'Grand Est',
  'Guadeloupe',
  'Guyane',
  'Hauts-de-France',
  'Île-de-France',
  'La Réunion',
  'Martinique',
  'Mayotte',
  'Normandie',
  'Nouvelle-Aquitaine',
  'Occitanie',
  'Pays de la Loire',
  'Provence-Alpes-Côte d\'Azur',
];
