import type { ApplicantView as Application } from '../../../../shared/applications/views';
import type * as OneFact from '../../../../shared/applications/one-fact';
import type { Answer, Criterion } from '../../../../shared/calls/schemas';
import type { Axis } from '../../../../shared/programme/axes';
import type { Hypothesis } from '../../../../shared/seasons/schemas';

/** The editor's values: one string (or checkbox) per field, keyed by the API's path of that field. */
export type Values = Record<string, string | boolean>;
export type FieldErrors = Record<string, string[]>;

export const axes: Axis[] = ['prospecting', 'loyalty', 'jobseeker-support', 'matching', 'transformation'];

/**
 * One place for each fact: the structure's staff answers A1.3 and its budget situation answers A1.2 (the API
 * fills one from the other, shared/applications/one-fact.ts). The form asks them in the structure section only.
 * Typed against the API's constants, so the compiler sees a change of id.
 */
const FTE_CRITERION: typeof OneFact.FTE_CRITERION = 'A1.3';
const DEFICIT_CRITERION: typeof OneFact.DEFICIT_CRITERION = 'A1.2';

/** The structure field a criterion's answer is taken from, if any. */
export function linkedField(c: Criterion): 'structure.staffFte' | 'structure.budgetSituation' | null {
  if (c.criterionId === FTE_CRITERION && c.kind === 'number') return 'structure.staffFte';
  if (c.criterionId === DEFICIT_CRITERION && c.kind === 'yes_no') return 'structure.budgetSituation';
  return null;
}

export const str = (v: Values, k: string) => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
const opt = (v: Values, k: string) => str(v, k) || undefined;

/** « 3,5 », « 3.5 », « 1 200 »: a number as French people type it; NaN when it is not one. */
export function parseNumber(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  // With a decimal comma, points only group thousands (« 1.000,5 »).
  const t = compact.includes(',') ? compact.replace(/\./g, '') : compact;
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return Number.NaN;
  return Number(t.replace(',', '.'));
}

const frenchDecimal = (n: number) => String(n).replace('.', ',');

export function fromApplication(a: Application): Values {
  const fteAnswer = a.answers[FTE_CRITERION];
  const staffFte = a.structure.staffFte ?? (fteAnswer?.kind === 'number' ? fteAnswer.value : undefined);
  const v: Values = {
    'structure.name': a.structure.name,
    'structure.legalForm': a.structure.legalForm ?? '',
    'structure.address': a.structure.address ?? '',
    'structure.staffFte': staffFte !== undefined ? frenchDecimal(staffFte) : '',
    'structure.budgetSituation': a.structure.budgetSituation ?? '',
    'structure.missions': a.structure.missions ?? '',
    'structure.publicServed': a.structure.publicServed ?? '',
    'structure.speRelations': a.structure.speRelations ?? '',
    'territory.name': a.territory?.name ?? '',
    'territory.region': a.territory?.region ?? '',
    'territory.departement': a.territory?.departement ?? '',
    'territory.departementCode': a.territory?.departementCode ?? '',
    'territory.setting': a.territory?.setting ?? '',
    'territory.population': a.territory ? String(a.territory.population) : '',
    hypothesis: a.hypothesis ?? '',
    'prescriber.name': a.prescriber?.name ?? '',
    'prescriber.kind': a.prescriber?.kind ?? '',
    'prescriber.contactName': a.prescriber?.contactName ?? '',
    'prescriber.contactEmail': a.prescriber?.contactEmail ?? '',
    'referent.name': a.referent?.name ?? '',
    'referent.role': a.referent?.role ?? '',
    'referent.email': a.referent?.email ?? '',
  };
  for (let i = 0; i < 3; i++) {
    v[`people.${i}.name`] = a.people[i]?.name ?? '';
    v[`people.${i}.role`] = a.people[i]?.role ?? '';
    v[`people.${i}.email`] = a.people[i]?.email ?? '';
  }
  for (const axis of axes) {
    const need = a.needs.find((n) => n.axis === axis);
    v[`need.${axis}`] = Boolean(need);
    v[`need.${axis}.priority`] = need ? String(need.priority) : '';
    v[`need.${axis}.description`] = need?.description ?? '';
  }
  for (const [id, answer] of Object.entries(a.answers)) {
    switch (answer.kind) {
      case 'number':
        v[`answers.${id}`] = frenchDecimal(answer.value);
        break;
      case 'yes_no':
        v[`answers.${id}`] = answer.value ? 'oui' : 'non';
        break;
      case 'choice':
        v[`answers.${id}`] = answer.value;
        break;
      case 'document':
        v[`answers.${id}`] = answer.documentRef;
        break;
      case 'alternative':
        v[`answers.${id}.alternative`] = true;
        v[`answers.${id}.alternativeDescription`] = answer.description;
        v[`answers.${id}.alternativeDocument`] = answer.documentRef ?? '';
        break;
      case 'signed_attestation':
        v[`answers.${id}`] = answer.signed;
        v[`answers.${id}.signerName`] = answer.signerName ?? '';
        v[`answers.${id}.signerRole`] = answer.signerRole ?? '';
        v[`answers.${id}.signedOn`] = answer.signedOn ?? '';
        break;
    }
  }
  return v;
}

/** The answer typed for a criterion (a linked one: from the structure section), or null when there is none. */
export function answerOf(c: Criterion, v: Values): Answer | null {
  const linked = linkedField(c);
  if (linked === 'structure.staffFte') {
    const n = parseNumber(str(v, linked));
    return Number.isNaN(n) ? null : { kind: 'number', value: n };
  }
  if (linked === 'structure.budgetSituation') return str(v, linked) ? { kind: 'yes_no', value: str(v, linked) === 'structural-deficit' } : null;
  const key = `answers.${c.criterionId}`;
  switch (c.kind) {
    case 'number': {
      const n = parseNumber(str(v, key));
      return Number.isNaN(n) ? null : { kind: 'number', value: n };
    }
    case 'yes_no':
      return v[key] === 'oui' ? { kind: 'yes_no', value: true } : v[key] === 'non' ? { kind: 'yes_no', value: false } : null;
    case 'choice':
      return str(v, key) ? { kind: 'choice', value: str(v, key) } : null;
    case 'document':
      return str(v, key) ? { kind: 'document', documentRef: str(v, key) } : null;
    case 'signed_attestation': {
      // The study gives the signature as an example: an equivalent, verified by staff, may replace it.
      if (c.alternativeEvidence && v[`${key}.alternative`] === true) {
        return { kind: 'alternative', description: str(v, `${key}.alternativeDescription`), documentRef: opt(v, `${key}.alternativeDocument`) };
      }
      const signed = v[key] === true;
      const signerName = opt(v, `${key}.signerName`);
      const signedOn = opt(v, `${key}.signedOn`);
      if (!signed && !signerName && !signedOn) return null;
      return { kind: 'signed_attestation', signed, signerName, signerRole: opt(v, `${key}.signerRole`) ?? c.signerRole, signedOn };
    }
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TOO_SHORT = 'Au moins 2 caractères.';

/**
 * What a draft save sends: every section that is empty (cleared) or whole and valid; a section half filled
 * or with a value the API would refuse is left as last saved, and `unsaved` says at each field what is
 * missing, so the rest of the draft is still saved.
 */
export function draftOf(v: Values, criteria: Criterion[]): { body: Record<string, unknown>; unsaved: FieldErrors } {
  const unsaved: FieldErrors = {};
  const problem = (field: string, message: string) => {
    unsaved[field] = [...(unsaved[field] ?? []), message];
  };
  const fail = (field: string, message: string): false => {
    problem(field, message);
    return false;
  };
  const body: Record<string, unknown> = {};
  const filled = (keys: string[]) => keys.some((k) => str(v, k));
  const requireAll = (keys: string[], message: string) => {
    let ok = true;
    for (const k of keys) if (!str(v, k)) ok = fail(k, message);
    return ok;
  };
  const email = (k: string) => EMAIL.test(str(v, k)) || fail(k, 'Adresse électronique non valide (par exemple prenom.nom@structure.fr).');
  const atLeast2 = (keys: string[]) => keys.map((k) => str(v, k).length >= 2 || fail(k, TOO_SHORT)).every(Boolean);

  // The structure
  const fteText = str(v, 'structure.staffFte');
  const fte = fteText ? parseNumber(fteText) : undefined;
  let structureOk = true;
  if (str(v, 'structure.name').length < 2) structureOk = fail('structure.name', 'Le nom de la structure est obligatoire (2 caractères au moins), même pour un brouillon.');
  if (str(v, 'structure.legalForm') && str(v, 'structure.legalForm').length < 2) structureOk = fail('structure.legalForm', TOO_SHORT);
  if (str(v, 'structure.address') && str(v, 'structure.address').length < 5) structureOk = fail('structure.address', 'Adresse trop courte : numéro, rue et commune.');
  if (fte !== undefined) {
    if (Number.isNaN(fte)) structureOk = fail('structure.staffFte', 'Écrivez l’effectif en chiffres, par exemple 3,5 (virgule ou point).');
    else if (fte < 0 || fte > 1000) structureOk = fail('structure.staffFte', 'L’effectif est compris entre 0 et 1 000 ETP.');
    else if (Math.round(fte * 100) / 100 !== fte) structureOk = fail('structure.staffFte', 'Deux décimales au plus, par exemple 2,75 ETP.');
  }
  if (structureOk) {
    body.structure = {
      name: str(v, 'structure.name'),
      legalForm: opt(v, 'structure.legalForm'),
      address: opt(v, 'structure.address'),
      staffFte: fte,
      budgetSituation: opt(v, 'structure.budgetSituation'),
      missions: opt(v, 'structure.missions'),
      publicServed: opt(v, 'structure.publicServed'),
      speRelations: opt(v, 'structure.speRelations'),
    };
  }

  // The territory
  const territoryKeys = ['name', 'region', 'departement', 'departementCode', 'setting', 'population'].map((k) => `territory.${k}`);
  if (!filled(territoryKeys)) body.territory = null;
  else {
    let ok = requireAll(territoryKeys, 'À renseigner pour enregistrer le territoire.');
    ok = atLeast2(['territory.name', 'territory.departement'].filter((k) => str(v, k))) && ok;
    const code = str(v, 'territory.departementCode');
    if (code && !/^(\d{2,3}|2A|2B)$/.test(code)) ok = fail('territory.departementCode', 'Deux ou trois chiffres, ou 2A, 2B (par exemple 86, 2A ou 971).');
    const population = parseNumber(str(v, 'territory.population'));
    if (str(v, 'territory.population') && !(Number.isInteger(population) && population >= 0 && population <= 20_000_000)) {
      ok = false;
      problem('territory.population', 'Un nombre entier d’habitants, de 0 à 20 000 000, par exemple 40 000.');
    }
    if (ok) {
      body.territory = {
        name: str(v, 'territory.name'),
        region: str(v, 'territory.region'),
        departement: str(v, 'territory.departement'),
        departementCode: code,
        setting: str(v, 'territory.setting'),
        population,
      };
    }
  }

  const hypothesis = (str(v, 'hypothesis') || null) as Hypothesis | null;
  body.hypothesis = hypothesis;

  // The prescriber (hypothesis A)
  const prescriberKeys = ['name', 'kind', 'contactName', 'contactEmail'].map((k) => `prescriber.${k}`);
  if (hypothesis === 'A') {
    if (!filled(prescriberKeys)) body.prescriber = null;
    else {
      let ok = requireAll(['prescriber.name', 'prescriber.kind'], 'À renseigner pour enregistrer le prescripteur.');
      ok = atLeast2(['prescriber.name', 'prescriber.contactName'].filter((k) => str(v, k))) && ok;
      if (str(v, 'prescriber.contactEmail')) ok = email('prescriber.contactEmail') && ok;
      if (ok) body.prescriber = { name: str(v, 'prescriber.name'), kind: str(v, 'prescriber.kind'), contactName: opt(v, 'prescriber.contactName'), contactEmail: opt(v, 'prescriber.contactEmail') };
    }
  }

  // People and referent: a person is whole (name, role, e-mail) or not sent.
  const person = (prefix: string, message: string) => {
    const keys = ['name', 'role', 'email'].map((k) => `${prefix}.${k}`);
    let ok = requireAll(keys, message);
    ok = atLeast2([`${prefix}.name`, `${prefix}.role`].filter((k) => str(v, k))) && ok;
    if (str(v, `${prefix}.email`)) ok = email(`${prefix}.email`) && ok;
    return ok ? { name: str(v, `${prefix}.name`), role: str(v, `${prefix}.role`), email: str(v, `${prefix}.email`) } : null;
  };
  const people = [0, 1, 2].filter((i) => filled(['name', 'role', 'email'].map((k) => `people.${i}.${k}`))).map((i) => person(`people.${i}`, 'À renseigner pour enregistrer cette personne.'));
  if (people.every(Boolean)) body.people = people;
  if (!filled(['name', 'role', 'email'].map((k) => `referent.${k}`))) body.referent = null;
  else {
    const referent = person('referent', 'À renseigner pour enregistrer le référent ou la référente.');
    if (referent) body.referent = referent;
  }

  body.needs = axes
    .filter((axis) => v[`need.${axis}`] === true)
    .map((axis) => ({ axis, priority: Number(str(v, `need.${axis}.priority`) || '3'), description: str(v, `need.${axis}.description`) }));

  // The criteria of the chosen hypothesis; linked ones follow the structure, and only when it is sent.
  const answers: Record<string, Answer | null> = {};
  for (const c of criteria.filter((c) => c.hypothesis === hypothesis)) {
    const key = `answers.${c.criterionId}`;
    if (linkedField(c)) {
      if (body.structure) answers[c.criterionId] = answerOf(c, v);
      continue;
    }
    if (c.kind === 'number' && str(v, key) && Number.isNaN(parseNumber(str(v, key)))) {
      problem(key, 'Écrivez un nombre en chiffres, par exemple 3,5 (virgule ou point).');
      continue;
    }
    const answer = answerOf(c, v);
    if (answer?.kind === 'alternative' && answer.description.length < 10) {
      problem(`${key}.alternativeDescription`, 'Décrivez le justificatif en 10 caractères au moins.');
      continue;
    }
    answers[c.criterionId] = answer;
  }
  body.answers = answers;
  return { body, unsaved };
}
