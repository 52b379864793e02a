/**
 * The reference figures of A.CO.R. from the feasibility study (Ansa, « Accélérateur d'innovation sociale —
 * Étude de faisabilité A.CO.R. : créer des opportunités d'emploi », février 2019; text in
 * shared/seeds/acor-essaimage-feasibility-study.txt). Declared once: the dashboards, the final-report PDFs
 * and the web read them from here. Pages are those of the study's table of contents.
 */
export type ReferenceUnit = 'rate' | 'months' | 'people' | 'people-per-cre' | 'contacts-per-cre-per-month' | 'euros-per-person-per-year' | 'companies';

export interface ReferenceFigure {
  key: string;
  label: string;
  /** The figure; for a range (60–70 people), its low end, with `high`. */
  value: number;
  high?: number;
  unit: ReferenceUnit;
  period: string;
  source: string;
}

const study = 'Étude de faisabilité A.CO.R. (Ansa, février 2019)';

export const referenceFigures = [
  { key: 'peopleSupported2001To2017', label: 'Personnes accompagnées', value: 12127, unit: 'people', period: '2001–2017', source: `${study}, « Le public accompagné », p. 15` },
  { key: 'returnToJobRate', label: "Taux de retour à l'emploi", value: 0.7, unit: 'rate', period: '2001–2017', source: `${study}, « Le public accompagné », p. 15 (8 433 personnes sur 12 127)` },
  { key: 'durableShare', label: "Part d'emploi durable parmi les retours à l'emploi", value: 0.39, unit: 'rate', period: '2001–2017', source: `${study}, « Le public accompagné », p. 15 (3 285 sur 8 433)` },
  { key: 'returnToJobRate2016To2017', label: "Taux de retour à l'emploi", value: 0.69, unit: 'rate', period: '2016–2017', source: `${study}, « Le public accompagné », p. 15 (2 506 personnes sur 3 622)` },
  { key: 'durableShare2016To2017', label: "Part d'emploi durable parmi les retours à l'emploi", value: 0.35, unit: 'rate', period: '2016–2017', source: `${study}, « Le public accompagné », p. 15 (866 sur 2 506)` },
  { key: 'monthsToFirstContract', label: "Délai moyen entre l'accueil et le premier contrat", value: 3.5, unit: 'months', period: 'Bilan annuel avec le Conseil départemental des Hautes-Pyrénées', source: `${study}, « Impacts sur les publics », p. 21` },
  { key: 'stillEmployedAfterFourYears', label: "Toujours en emploi quatre ans après", value: 0.8, unit: 'rate', period: 'Étude du Conseil départemental des Pyrénées-Atlantiques (« taux de survie à 4 ans »)', source: `${study}, « Impacts sur les publics », p. 21` },
  { key: 'teamGoalRate', label: "Objectif d'équipe de la lettre de mission : personnes remises en emploi sur une année", value: 0.6, unit: 'rate', period: 'Douze mois', source: `${study}, « Organisation de la structure », p. 6–8` },
  { key: 'peoplePerCre', label: 'Personnes en file active par chargé de relation entreprises', value: 60, high: 70, unit: 'people-per-cre', period: 'Fin 2018', source: `${study}, « Intervention auprès des entreprises du territoire », p. 19` },
  { key: 'contactsPerCrePerMonth', label: 'Contacts entreprises par chargé de relation entreprises et par mois', value: 90, unit: 'contacts-per-cre-per-month', period: 'Fin 2018 : environ 1 800 contacts par mois pour 20 salariés', source: `${study}, « Intervention auprès des entreprises du territoire », p. 19` },
  { key: 'companiesInFile', label: 'Entreprises dans le fichier', value: 3600, unit: 'companies', period: 'Fin 2018', source: `${study}, « Intervention auprès des entreprises du territoire », p. 19` },
  { key: 'costPerPersonPerYear', label: 'Montant facturé par personne accompagnée et par an', value: 1900, unit: 'euros-per-person-per-year', period: 'Action menée avec Malakoff Médéric', source: `${study}, « Modèle économique de la structure », p. 8` },
] as const satisfies readonly ReferenceFigure[];

export type ReferenceKey = (typeof referenceFigures)[number]['key'];

export const referenceByKey = Object.fromEntries(referenceFigures.map((f) => [f.key, f])) as Record<ReferenceKey, ReferenceFigure>;

/** The figure as people read it, in French: « 70 % », « 3,5 mois », « 60 à 70 », « 1 900 € ». */
export function formatReferenceValue(figure: Pick<ReferenceFigure, 'value' | 'high' | 'unit'>): string {
  const n = (v: number, digits = 0) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(v).replace(/\u202f/g, '\u00a0');
  switch (figure.unit) {
    case 'rate':
      return `${n(figure.value * 100)}\u00a0%`;
    case 'months':
      return `${n(figure.value, 1)}\u00a0mois`;
    case 'euros-per-person-per-year':
      return `${n(figure.value)}\u00a0€`;
    default:
      return figure.high === undefined ? n(figure.value) : `${n(figure.value)} à ${n(figure.high)}`;
  }
}
