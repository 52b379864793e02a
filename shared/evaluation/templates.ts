import { principleLabels, principles } from '../programme/axes';
import type { IndicatorDef, IndicatorUnit, QuestionDef, QuestionnaireQuestion, StageKind, TemplateContent } from './schemas';

/**
 * The indicators the consistency rules and the dashboards know by key, with their fixed unit. Staff may
 * relabel them, make them optional or drop them from a template, and add their own indicators (count or
 * fte only, so every indicator but the mean delay can be summed).
 */
export const coreIndicators = {
  activeFile: { unit: 'count', label: 'Personnes accompagnées (file active)' },
  newlyWelcomed: { unit: 'count', label: 'Personnes nouvellement accueillies' },
  perSigned: { unit: 'count', label: "Périodes d'engagement réciproque (PER) signées" },
  perRenewed: { unit: 'count', label: 'PER renouvelées' },
  backInJob: { unit: 'count', label: "Personnes de retour à l'emploi" },
  durableJob: { unit: 'count', label: 'dont en emploi durable (CDI ou CDD de plus de six mois)' },
  meanDelayDays: { unit: 'days', label: "Délai moyen entre l'accueil et le premier contrat de travail (jours)" },
  companiesContacted: { unit: 'count', label: 'Entreprises contactées' },
  companyVisits: { unit: 'count', label: "Visites d'entreprises" },
  offersCaptured: { unit: 'count', label: 'Offres captées' },
  workPlacements: { unit: 'count', label: 'Périodes de mise en situation en milieu professionnel (PMSMP)' },
  employmentEvents: { unit: 'count', label: 'Événements emploi organisés' },
  creFte: { unit: 'fte', label: 'Chargés de relation entreprises (ETP)' },
  budgetEuros: { unit: 'euros', label: 'Budget de l’accompagnement sur la période (€)' },
} as const satisfies Record<string, { unit: IndicatorUnit; label: string }>;

export type CoreIndicatorKey = keyof typeof coreIndicators;
export const coreIndicatorKeys = Object.keys(coreIndicators) as CoreIndicatorKey[];

export const isCoreIndicator = (key: string): key is CoreIndicatorKey => key in coreIndicators;

/** The unit an indicator key must have: fixed for core keys; custom keys may be count or fte. */
export function allowedUnits(key: string): IndicatorUnit[] {
  return isCoreIndicator(key) ? [coreIndicators[key].unit] : ['count', 'fte'];
}

const optionalByDefault = new Set<CoreIndicatorKey>(['meanDelayDays', 'perRenewed', 'employmentEvents', 'workPlacements', 'budgetEuros']);

export const stageKindLabels: Record<StageKind, string> = {
  'first-return': "Premier retour : appropriation de la méthode",
  intermediate: 'Bilan intermédiaire',
  final: 'Bilan final quantitatif et qualitatif',
};

function defaultIndicators(): IndicatorDef[] {
  return coreIndicatorKeys.map((key) => ({
    key,
    label: coreIndicators[key].label,
    unit: coreIndicators[key].unit,
    required: !optionalByDefault.has(key),
    ...(key === 'durableJob' ? { help: 'Parmi les personnes de retour à l’emploi' } : {}),
    ...(key === 'meanDelayDays' ? { help: 'Moyenne sur les personnes de retour à l’emploi pendant la période' } : {}),
  }));
}

function defaultQuestions(kind: StageKind): QuestionDef[] {
  const appropriation = principles.map((p) => ({
    key: `appropriation-${p}`,
    label: `Appropriation du principe « ${principleLabels[p]} » : où en êtes-vous, avec quels exemples ?`,
    required: true,
  }));
  const common: QuestionDef[] = [
    { key: 'obstacles', label: 'Quels freins avez-vous rencontrés ?', required: true },
    { key: 'support-needed', label: "De quels appuis avez-vous besoin (Ansa, tuteur A.CO.R.) ?", required: true },
  ];
  const byKind: Record<StageKind, QuestionDef[]> = {
    'first-return': [
      { key: 'progress', label: "Où en est la mise en place de la méthode depuis la formation-action ?", required: true },
      { key: 'support-received', label: 'Quel accompagnement avez-vous reçu (tuteur, équipe Ansa) ?', required: false },
    ],
    intermediate: [
      { key: 'model-relevance', label: "Les réponses apportées aux enjeux repérés dans l'étude de faisabilité sont-elles effectives et pertinentes ?", required: true },
    ],
    final: [
      { key: 'impact-jobseekers', label: "Quels effets observez-vous pour les chercheurs d'emploi accompagnés ?", required: true },
      { key: 'impact-companies', label: 'Quels effets observez-vous pour les entreprises du territoire ?', required: true },
      { key: 'sustainability', label: 'Comment la démarche sera-t-elle poursuivie après le programme ?', required: false },
    ],
  };
  return [...byKind[kind], ...appropriation, ...common];
}

function defaultQuestionnaire(): QuestionnaireQuestion[] {
  return [
    { key: 'method-fit', label: 'La méthode A.CO.R. est-elle adaptée à votre territoire ?', kind: 'scale' },
    { key: 'team-adoption', label: "Votre équipe s'est-elle approprié les quatre principes d'action ?", kind: 'scale' },
    { key: 'company-relations', label: 'Vos relations avec les entreprises ont-elles changé ?', kind: 'scale' },
    { key: 'practice-changes', label: 'Quels changements observez-vous dans vos pratiques ?', kind: 'text' },
    { key: 'obstacles', label: 'Quels freins rencontrez-vous ?', kind: 'text' },
    { key: 'support-needed', label: "De quels appuis auriez-vous besoin ?", kind: 'text' },
  ];
}

/** The study's reporting model: the same figures at every stage, questions per stage, a questionnaire at mid-term. */
export function defaultTemplate(kind: StageKind): TemplateContent {
  return {
    indicators: defaultIndicators(),
    questions: defaultQuestions(kind),
    questionnaire: kind === 'intermediate' ? { questions: defaultQuestionnaire() } : null,
  };
}
