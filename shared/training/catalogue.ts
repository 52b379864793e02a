import { axes, axisLabels, type Axis } from '../programme/axes';

/**
 * The default content of the formation-action: one module per axis, in the order of the feasibility study
 * (shared/seeds/acor-essaimage-feasibility-study.txt, "Une formation-action de cinq mois"), with objectives
 * drawn from A.CO.R.'s intervention reference described in the study. French: shown to the structures.
 */
export const defaultObjectives: Record<Axis, string[]> = {
  prospecting: [
    "Structurer une démarche « aller-vers » les entreprises du territoire, sans présélection sectorielle, en privilégiant les TPE et PME.",
    "Capter les offres du marché local de l'emploi, y compris celles qui ne sont diffusées ni au grand public ni au service public de l'emploi.",
    "Présenter clairement aux entreprises prospectées le public accompagné, sans cacher qu'il s'agit d'un public en insertion.",
    "Mutualiser la prospection lors d'une réunion d'équipe hebdomadaire qui définit la stratégie de relances.",
  ],
  loyalty: [
    'Construire une relation de confiance durable avec les entreprises, en testant le partenariat sur de premiers contrats courts.',
    "Assurer le suivi dans le poste après le recrutement, pour sécuriser l'entreprise comme la personne.",
    "S'approprier l'application dédiée (« J'ai une offre ») qui facilite la remontée des offres par les entreprises.",
  ],
  'jobseeker-support': [
    "Conduire un premier accueil en écoute active pour cerner au moins trois postes réalistes au regard des opportunités du territoire.",
    "Construire et signer la période d'engagement réciproque (PER) : un plan d'action de deux mois, renouvelable trois fois.",
    'Accompagner sans CV et sans mise en concurrence des candidats, avec des objectifs « réalistes et réalisables ».',
    'Rendre compte aux personnes des actions menées pour elles (entreprises contactées, offres captées).',
  ],
  matching: [
    "Appliquer le principe « une offre = une personne » et « fermer le marché » le temps de l'entretien d'embauche.",
    "Préparer l'entretien de recrutement, en assurer le suivi et préparer la prise de poste.",
    "Organiser la réactivité conjointe autour de chaque offre captée (SMS d'alerte, rendez-vous bilatéraux).",
    'Utiliser un outil de suivi partagé qui croise les offres captées et les profils des personnes accompagnées.',
  ],
  transformation: [
    "Faire évoluer l'organisation vers une équipe de chargés de relation entreprises qui mutualisent leurs expertises.",
    "Formaliser un référentiel d'intervention et des fiches-actions pour homogénéiser les pratiques et intégrer les nouveaux salariés.",
    'Identifier les transformations stratégiques et opérationnelles que chaque principe de la méthode engage pour la structure.',
    'Mesurer les résultats (reprises d\'emploi, emploi durable) et en rendre compte aux prescripteurs.',
  ],
};

export function defaultModuleTitle(axis: Axis, order: number): string {
  return `Module ${order} — ${axisLabels[axis]}`;
}

export const defaultAxesOrder: readonly Axis[] = axes;

export const modeLabels = { 'in-person': 'en présentiel', remote: 'à distance' } as const;

