import type { Hypothesis } from '../seasons/schemas';
import type { Criterion, RubricItem } from './schemas';

/**
 * The entry criteria of the feasibility study (February 2019), as a new call's default criteria set.
 * A1–A5: an operator working for a public body (hypothesis A); B1–B3: a public body changing its own
 * teams' practice (hypothesis B). A study criterion that bundles several conditions is split into numbered
 * sub-criteria (A1.1, A1.2, …) so that each has one kind and one answer. Ids are stable: staff edit labels
 * and thresholds, not what an id means. Where the study gives a form of evidence as an example ("ex.
 * signature de la candidature de la part du Président", A4 and B3), the signature stays the default answer and
 * `alternativeEvidence` names the equivalent staff may accept instead, once they have verified it.
 */
export const defaultCriteria: readonly Criterion[] = [
  // A1 — Un modèle économique et organisationnel stable
  {
    criterionId: 'A1.1',
    hypothesis: 'A',
    kind: 'yes_no',
    expected: true,
    label: "La structure est opératrice d'une collectivité ou du SPE pour le retour à l'emploi des personnes qui en sont éloignées",
    description: 'Modèle économique et organisationnel stable.',
    requiresEvidence: false,
  },
  {
    criterionId: 'A1.2',
    hypothesis: 'A',
    kind: 'yes_no',
    expected: false,
    label: 'La structure connaît un déficit structurel',
    description: 'Répondre « non » : une structure en déficit structurel ne peut pas entrer dans l’essaimage. À justifier (comptes des deux derniers exercices).',
    requiresEvidence: true,
  },
  {
    criterionId: 'A1.3',
    hypothesis: 'A',
    kind: 'number',
    unit: 'ETP',
    min: 2,
    label: 'Nombre de salariés en équivalent temps plein avant l’entrée dans l’essaimage',
    description: 'Au minimum deux salariés ETP.',
    requiresEvidence: false,
  },
  // A2 — Des missions orientées vers la recherche de solutions pour les demandeurs d'emploi
  {
    criterionId: 'A2.1',
    hypothesis: 'A',
    kind: 'yes_no',
    expected: true,
    label: "La feuille de route de la structure engage des actions dans le champ de l'emploi",
    description: '',
    requiresEvidence: false,
  },
  {
    criterionId: 'A2.2',
    hypothesis: 'A',
    kind: 'yes_no',
    expected: true,
    label: 'Les publics accompagnés par la structure sont en situation de chômage',
    description: '',
    requiresEvidence: false,
  },
  {
    criterionId: 'A2.3',
    hypothesis: 'A',
    kind: 'yes_no',
    expected: true,
    label: 'La structure a des relations antérieures avérées avec le service public de l’emploi (SPE)',
    description: 'À justifier (conventions, comités, échanges avec France Travail, la mission locale, le PLIE).',
    requiresEvidence: true,
  },
  // A3 — Une stratégie orientée vers les entreprises
  {
    criterionId: 'A3',
    hypothesis: 'A',
    kind: 'yes_no',
    expected: true,
    label: "La structure reconnaît que la relation continue avec les entreprises du secteur marchand est le levier majeur des résultats d'inclusion",
    description: 'Une stratégie orientée vers les entreprises.',
    requiresEvidence: false,
  },
  // A4 — L'adhésion de la structure
  {
    criterionId: 'A4.1',
    hypothesis: 'A',
    kind: 'yes_no',
    expected: true,
    label: "La structure a identifié la démarche A.CO.R. comme cohérente avec son plan d'action",
    description: '',
    requiresEvidence: false,
  },
  {
    criterionId: 'A4.2',
    hypothesis: 'A',
    kind: 'signed_attestation',
    signerRole: 'Président·e du conseil d’administration',
    label: "Le conseil d'administration adhère à l'essaimage (ex. candidature signée par le président ou la présidente)",
    description: 'L’étude cite la signature du président ou de la présidente en exemple : un justificatif équivalent est accepté une fois vérifié par l’équipe Ansa.',
    requiresEvidence: false,
    alternativeEvidence: "Délibération ou procès-verbal du conseil d'administration approuvant l'entrée dans l'essaimage, ou lettre d'engagement signée par un administrateur mandaté",
  },
  // A5 — Le prescripteur public adhère et promeut la démarche
  {
    criterionId: 'A5.1',
    hypothesis: 'A',
    kind: 'choice',
    options: [
      { value: 'existing-contract', label: 'Marché préexistant : il permet la transformation de l’accompagnement' },
      { value: 'future-contract', label: 'Futur marché : la démarche est inscrite dans le cahier des charges' },
      { value: 'none', label: 'Ni l’un ni l’autre' },
    ],
    accepted: ['existing-contract', 'future-contract'],
    label: 'Cadre de la commande publique du prescripteur',
    description: '',
    requiresEvidence: false,
  },
  {
    criterionId: 'A5.2',
    hypothesis: 'A',
    kind: 'signed_attestation',
    signerRole: 'Représentant·e du prescripteur public',
    label: 'Engagement territorial co-signé par le prescripteur et l’opérateur',
    description: 'La co-signature certifie le consortium territorial.',
    requiresEvidence: false,
  },
  {
    criterionId: 'A5.3',
    hypothesis: 'A',
    kind: 'document',
    documentLabel: 'Calendrier de mise en œuvre validé par les deux parties',
    label: 'Calendrier réaliste de mise en place de la démarche, validé par le prescripteur et l’opérateur',
    description: '',
    requiresEvidence: false,
  },
  // B1 — Un modèle organisationnel stable
  {
    criterionId: 'B1',
    hypothesis: 'B',
    kind: 'choice',
    options: [
      { value: 'stable-teams', label: 'Les équipes de retour à l’emploi sont stables' },
      { value: 'ad-hoc-team', label: 'Une équipe ad hoc dédiée à la démarche est prévue' },
      { value: 'neither', label: 'Ni l’un ni l’autre' },
    ],
    accepted: ['stable-teams', 'ad-hoc-team'],
    label: "Organisation de la collectivité pour l'accompagnement au retour à l'emploi",
    description: 'Un modèle organisationnel stable.',
    requiresEvidence: false,
  },
  // B2 — Une stratégie orientée vers les entreprises
  {
    criterionId: 'B2',
    hypothesis: 'B',
    kind: 'yes_no',
    expected: true,
    label: "La collectivité reconnaît que la relation continue avec les entreprises du secteur marchand est le levier majeur des résultats d'inclusion",
    description: '',
    requiresEvidence: false,
  },
  // B3 — L'adhésion de la collectivité
  {
    criterionId: 'B3.1',
    hypothesis: 'B',
    kind: 'yes_no',
    expected: true,
    label: 'La collectivité a identifié la démarche A.CO.R. comme cohérente avec sa stratégie',
    description: '',
    requiresEvidence: false,
  },
  {
    criterionId: 'B3.2',
    hypothesis: 'B',
    kind: 'signed_attestation',
    signerRole: 'Président·e de la collectivité',
    label: "La collectivité adhère à l'essaimage et engage ses équipes (ex. candidature signée par le président ou la présidente)",
    description: 'L’étude cite la signature du président ou de la présidente en exemple : un justificatif équivalent est accepté une fois vérifié par l’équipe Ansa.',
    requiresEvidence: false,
    alternativeEvidence: "Délibération de l'assemblée ou de l'exécutif engageant la collectivité, ou lettre d'engagement signée par un élu ou une élue ayant délégation",
  },
];

/** The default criteria of the hypotheses a call accepts. */
export function defaultCriteriaFor(hypotheses: readonly Hypothesis[]): Criterion[] {
  return defaultCriteria.filter((c) => hypotheses.includes(c.hypothesis)).map((c) => structuredClone(c));
}

/** The default review rubric, drawn from what the study says makes a territory able to adopt the method. */
export const defaultRubric: readonly RubricItem[] = [
  { itemId: 'consortium', label: 'Solidité du consortium territorial', description: 'Prescripteur et opérateur engagés ensemble (hypothèse A) ou services mobilisés (hypothèse B).', weight: 3 },
  { itemId: 'company-strategy', label: 'Stratégie orientée vers les entreprises', description: '« Aller-vers » les entreprises, relation continue avec les TPE et PME du territoire.', weight: 3 },
  { itemId: 'team-capacity', label: "Capacité de l'équipe", description: 'Effectifs, stabilité, capacité à constituer une équipe de chargés de relation entreprises.', weight: 2 },
  { itemId: 'territorial-need', label: 'Besoin du territoire', description: "Chômage de longue durée, bénéficiaires de minima sociaux, absence d'offre comparable.", weight: 2 },
  { itemId: 'adhesion', label: 'Adhésion de la gouvernance', description: 'Conseil d’administration ou élus engagés, cohérence avec le plan d’action.', weight: 2 },
];

export function defaultRubricCopy(): RubricItem[] {
  return defaultRubric.map((item) => ({ ...item }));
}
