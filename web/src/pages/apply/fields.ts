import type { ErrorDetail } from '../../../../shared/errors';
import type { Criterion } from '../../../../shared/calls/schemas';
import { ApiError } from '../../api/client';
import { detailMessage, fieldOf } from '../../i18n/errors';
import { axes, type FieldErrors, linkedField } from './values';

/** The editor's fields by the API's paths; a section name stands for the section as a whole. */
const sectionFirstField: Record<string, string> = {
  structure: 'structure.name',
  territory: 'territory.name',
  hypothesis: 'hypothesis',
  prescriber: 'prescriber.name',
  people: 'people.0.name',
  referent: 'referent.name',
  needs: `need.${axes[0]}`,
  answers: 'answers',
};

export function fieldLabels(criteria: Criterion[]): Record<string, string> {
  const labels: Record<string, string> = {
    structure: 'Structure',
    territory: 'Territoire',
    hypothesis: 'Hypothèse',
    prescriber: 'Prescripteur public',
    people: 'Personnes à former',
    referent: 'Référent ou référente',
    needs: 'Besoins du territoire',
    answers: 'Critères d’entrée',
    'structure.name': 'Nom de la structure',
    'structure.legalForm': 'Forme juridique',
    'structure.address': 'Adresse',
    'structure.staffFte': 'Effectif (ETP)',
    'structure.budgetSituation': 'Situation budgétaire',
    'structure.missions': 'Missions',
    'structure.publicServed': 'Public accompagné',
    'structure.speRelations': 'Relations avec le service public de l’emploi',
    'territory.name': 'Nom du territoire',
    'territory.region': 'Région',
    'territory.departement': 'Département',
    'territory.departementCode': 'Code du département',
    'territory.setting': 'Milieu',
    'territory.population': 'Population',
    'prescriber.name': 'Nom du prescripteur',
    'prescriber.kind': 'Type de prescripteur',
    'prescriber.contactName': 'Contact du prescripteur',
    'prescriber.contactEmail': 'Courriel du contact',
    'referent.name': 'Nom du référent ou de la référente',
    'referent.role': 'Fonction du référent ou de la référente',
    'referent.email': 'Courriel du référent ou de la référente',
  };
  for (let i = 0; i < 3; i++) {
    labels[`people.${i}`] = `Personne ${i + 1}`;
    labels[`people.${i}.name`] = `Nom (personne ${i + 1})`;
    labels[`people.${i}.role`] = `Fonction (personne ${i + 1})`;
    labels[`people.${i}.email`] = `Courriel (personne ${i + 1})`;
  }
  for (const c of criteria) {
    labels[`answers.${c.criterionId}`] = `Critère ${c.criterionId}`;
    labels[`answers.${c.criterionId}.alternativeDescription`] = `Justificatif équivalent (critère ${c.criterionId})`;
  }
  return labels;
}

/** Every field of the editor, for matching the API's paths ('needs.1.priority' → 'needs'). */
export function fieldNames(criteria: Criterion[]): string[] {
  const names = [...Object.keys(fieldLabels(criteria))];
  for (const axis of axes) names.push(`need.${axis}`);
  return names;
}

/** Where a link of the error list takes the user: the field itself, the structure field a criterion is taken from, or a section's first field. */
export function focusTarget(field: string, criteria: Criterion[]): string {
  const criterion = criteria.find((c) => `answers.${c.criterionId}` === field);
  const linked = criterion && linkedField(criterion);
  if (linked) return linked;
  return sectionFirstField[field] ?? field;
}

/** Puts the focus in a field of the editor (its first control), or brings the field into view. */
export function focusField(field: string): void {
  const box = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
  const control = box?.matches('input, select, textarea') ? box : box?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea');
  box?.scrollIntoView({ block: 'center' });
  control?.focus();
}

/** Field-specific words for what a schema refused, where the general message would be vague. */
const ruleOf: Record<string, string> = {
  'structure.name': 'Le nom de la structure compte de 2 à 200 caractères.',
  'structure.legalForm': 'La forme juridique compte de 2 à 120 caractères.',
  'structure.address': 'L’adresse compte de 5 à 500 caractères : numéro, rue et commune.',
  'structure.staffFte': 'L’effectif est un nombre d’ETP de 0 à 1 000, deux décimales au plus (par exemple 3,5).',
  'territory.departementCode': 'Deux ou trois chiffres, ou 2A, 2B (par exemple 86, 2A ou 971).',
  'territory.population': 'Un nombre entier d’habitants, de 0 à 20 000 000.',
  'prescriber.contactEmail': 'Adresse électronique non valide (par exemple prenom.nom@structure.fr).',
  'referent.email': 'Adresse électronique non valide (par exemple prenom.nom@structure.fr).',
  people: 'Trois personnes au plus, chacune une seule fois (une adresse électronique par personne).',
  needs: 'Un besoin par axe au plus.',
};

const schemaCodes = new Set(['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value', 'invalid_union', 'custom', 'not_multiple_of']);

/** The French message of one detail of an API error, as specific as the field allows. */
export function messageOfDetail(field: string, detail: ErrorDetail): string {
  if (detail.code === 'CONTRADICTS_STRUCTURE') {
    return field.endsWith('A1.2')
      ? 'La réponse au critère A1.2 contredit la situation budgétaire indiquée dans la section Structure : c’est la même information, saisie une fois, dans la section Structure.'
      : 'La réponse au critère A1.3 diffère de l’effectif (ETP) indiqué dans la section Structure : c’est la même information, saisie une fois, dans la section Structure.';
  }
  if (detail.code && schemaCodes.has(detail.code)) {
    const rule = ruleOf[field] ?? (/\.email$/.test(field) ? ruleOf['referent.email'] : undefined);
    if (rule) return rule;
  }
  return detailMessage(detail);
}

export interface Problem {
  field: string;
  message: string;
}

/**
 * The details of an API error grouped by the editor's field, each with a specific French message, and as a
 * list for the summary; a criterion taken from the structure shows its problem in both places.
 */
export function errorsOf(error: unknown, criteria: Criterion[]): { byField: FieldErrors; problems: Problem[] } {
  const byField: FieldErrors = {};
  const problems: Problem[] = [];
  if (!(error instanceof ApiError)) return { byField, problems };
  const names = fieldNames(criteria);
  const add = (field: string, message: string) => {
    byField[field] ??= [];
    if (!byField[field].includes(message)) byField[field].push(message);
  };
  for (const detail of error.details) {
    const path = fieldOf(detail.path);
    const parts = path.split('.');
    let field = path;
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (names.includes(candidate)) {
        field = candidate;
        break;
      }
    }
    const linked = focusTarget(field, criteria);
    const message =
      detail.code === 'NOT_ANSWERED' && linked.startsWith('structure.')
        ? `Réponse reprise de la section Structure : renseignez-y ${linked === 'structure.staffFte' ? 'l’effectif (ETP)' : 'la situation budgétaire'}.`
        : messageOfDetail(field, detail);
    if (problems.some((p) => p.field === field && p.message === message)) continue;
    problems.push({ field, message });
    add(field, message);
    if (linked !== field && linked.startsWith('structure.') && detail.code !== 'NOT_ANSWERED') add(linked, message);
  }
  return { byField, problems: inFormOrder(problems, criteria) };
}

/** Problems in the order of the form's fields, so the list reads from top to bottom. */
export function inFormOrder(problems: Problem[], criteria: Criterion[]): Problem[] {
  const names = fieldNames(criteria);
  const groups = ['structure', 'territory', 'hypothesis', 'prescriber', 'people', 'referent', 'need', 'answers'];
  const rank = (field: string) => {
    const group = groups.indexOf(field.split('.')[0]!.replace(/^needs$/, 'need'));
    return (group >= 0 ? group : groups.length) * 1000 + Math.max(names.indexOf(field), 0);
  };
  return [...problems].sort((a, b) => rank(a.field) - rank(b.field));
}
