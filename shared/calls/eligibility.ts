import { formatNumber } from '../i18n/french';
import type { Hypothesis } from '../seasons/schemas';
import type { Answer, Answers, Criterion, CriterionResult, CriterionStatus, EligibilityResult, EligibilityStatus, Verification } from './schemas';

/**
 * WHERE ELIGIBILITY IS DECIDED. Pure functions, no I/O: given a criteria set, the application's hypothesis,
 * its answers, staff's verifications and today's date, say for each applicable criterion whether it is met,
 * unmet or missing, and why (a stable `code` for programs, a French `reason` for people).
 *
 * Rules:
 * - only the criteria of the application's hypothesis apply; the other hypothesis's criteria never do;
 * - no hypothesis chosen yet: nothing can be judged, the result is `incomplete`;
 * - overall: any unmet criterion → `ineligible`; else any missing answer → `incomplete`; else `eligible`;
 * - a criterion that needs evidence counts as met on the applicant's word until staff check it; staff's
 *   "not verified" makes it unmet;
 * - a criterion whose evidence may take several forms (`alternativeEvidence`, e.g. the board president's
 *   signature, given by the study as an example) accepts an equivalent instead of its usual answer: like
 *   evidence, it lets the application be submitted and needs staff's verification before selection; "not
 *   verified" makes it unmet. A criterion without `alternativeEvidence` never accepts one.
 * Submission is refused unless the result is `eligible` (see shared/applications/rules.ts).
 */
export type { CriterionResult, CriterionStatus, EligibilityResult, EligibilityStatus };

export interface EligibilityInput {
  criteria: readonly Criterion[];
  hypothesis: Hypothesis | null | undefined;
  answers: Answers;
  verifications?: Record<string, Pick<Verification, 'outcome'>>;
  /** yyyy-mm-dd: a signature dated after today is not valid. */
  today: string;
}

type Judgement = Pick<CriterionResult, 'status' | 'code' | 'reason'>;
const met = (reason: string): Judgement => ({ status: 'met', code: 'MET', reason });
const unmet = (code: string, reason: string): Judgement => ({ status: 'unmet', code, reason });
const missing = (code: string, reason: string): Judgement => ({ status: 'missing', code, reason });

/** The criteria that apply to an application of this hypothesis, in their set's order. */
export function applicableCriteria(criteria: readonly Criterion[], hypothesis: Hypothesis | null | undefined): Criterion[] {
  if (!hypothesis) return [];
  return criteria.filter((c) => c.hypothesis === hypothesis);
}

/** Judges one answer against one criterion (its evidence check aside). */
export function judgeCriterion(criterion: Criterion, answer: Answer | undefined, today: string): Judgement {
  if (!answer) return missing('NOT_ANSWERED', 'Critère non renseigné.');
  if (answer.kind === 'alternative') {
    if (!criterion.alternativeEvidence) return unmet('ALTERNATIVE_NOT_ACCEPTED', 'Ce critère n’accepte pas de justificatif équivalent.');
    return met(`Justificatif équivalent proposé : ${answer.description} (à vérifier par l’équipe Ansa).`);
  }
  if (answer.kind !== criterion.kind) return missing('WRONG_ANSWER_KIND', 'La réponse ne correspond pas au type du critère ; merci de la saisir à nouveau.');
  switch (criterion.kind) {
    case 'number': {
      const value = (answer as Extract<Answer, { kind: 'number' }>).value;
      const unit = criterion.unit;
      if (criterion.min !== undefined && value < criterion.min) {
        return unmet('BELOW_MINIMUM', `${formatNumber(value)} ${unit} déclarés ; le minimum est de ${formatNumber(criterion.min)} ${unit}.`);
      }
      if (criterion.max !== undefined && value > criterion.max) {
        return unmet('ABOVE_MAXIMUM', `${formatNumber(value)} ${unit} déclarés ; le maximum est de ${formatNumber(criterion.max)} ${unit}.`);
      }
      return met(`${formatNumber(value)} ${unit} déclarés.`);
    }
    case 'yes_no': {
      const value = (answer as Extract<Answer, { kind: 'yes_no' }>).value;
      const said = value ? 'oui' : 'non';
      if (value !== criterion.expected) {
        return unmet('UNEXPECTED_ANSWER', `Réponse « ${said} » ; la réponse attendue est « ${criterion.expected ? 'oui' : 'non'} ».`);
      }
      return met(`Réponse « ${said} ».`);
    }
    case 'signed_attestation': {
      const a = answer as Extract<Answer, { kind: 'signed_attestation' }>;
      if (!a.signed) return unmet('NOT_SIGNED', `Signature manquante (${criterion.signerRole}).`);
      if (!a.signerName) return missing('SIGNER_MISSING', 'Nom du ou de la signataire à renseigner.');
      if (!a.signedOn) return missing('SIGNATURE_DATE_MISSING', 'Date de signature à renseigner.');
      if (a.signedOn > today) return unmet('SIGNED_IN_FUTURE', `La date de signature (${a.signedOn}) est postérieure à aujourd’hui.`);
      return met(`Signé par ${a.signerName} le ${a.signedOn}.`);
    }
    case 'document': {
      const a = answer as Extract<Answer, { kind: 'document' }>;
      if (!a.documentRef) return missing('DOCUMENT_MISSING', `Document à fournir : ${criterion.documentLabel}.`);
      return met(`Document fourni : ${a.documentRef}.`);
    }
    case 'choice': {
      const value = (answer as Extract<Answer, { kind: 'choice' }>).value;
      const option = criterion.options.find((o) => o.value === value);
      if (!option) return missing('UNKNOWN_CHOICE', 'Choix inconnu ; merci de choisir parmi les options proposées.');
      if (!criterion.accepted.includes(value)) return unmet('CHOICE_NOT_ACCEPTED', `« ${option.label} » ne remplit pas ce critère.`);
      return met(`« ${option.label} ».`);
    }
  }
}

/** The eligibility of an application: one result per applicable criterion, and the overall status. */
export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  const hypothesis = input.hypothesis ?? null;
  if (!hypothesis) {
    return {
      status: 'incomplete',
      hypothesis: null,
      results: [],
      reasons: [{ criterionId: null, code: 'HYPOTHESIS_MISSING', reason: 'Choisir l’hypothèse de candidature (A ou B) pour connaître les critères applicables.' }],
    };
  }
  const results: CriterionResult[] = applicableCriteria(input.criteria, hypothesis).map((criterion) => {
    const answer = input.answers[criterion.criterionId];
    let judgement = judgeCriterion(criterion, answer, input.today);
    const alternative = answer?.kind === 'alternative' && Boolean(criterion.alternativeEvidence);
    let verification: CriterionResult['verification'] = null;
    if (criterion.requiresEvidence || alternative) {
      const outcome = input.verifications?.[criterion.criterionId]?.outcome;
      verification = outcome ?? 'pending';
      if (judgement.status === 'met' && outcome === 'not_verified') {
        judgement = alternative
          ? unmet('ALTERNATIVE_NOT_VERIFIED', 'Le justificatif équivalent examiné par l’équipe Ansa n’a pas été accepté.')
          : unmet('NOT_VERIFIED', 'Les pièces justificatives examinées par l’équipe Ansa ne confirment pas ce critère.');
      }
      if (alternative && judgement.status === 'met' && outcome === 'verified') {
        judgement = met(`Justificatif équivalent accepté par l’équipe Ansa : ${(answer as Extract<Answer, { kind: 'alternative' }>).description}.`);
      }
    }
    return {
      criterionId: criterion.criterionId,
      label: criterion.label,
      kind: criterion.kind,
      ...judgement,
      requiresEvidence: criterion.requiresEvidence,
      alternative,
      verification,
    };
  });
  const status: EligibilityStatus = results.some((r) => r.status === 'unmet')
    ? 'ineligible'
    : results.some((r) => r.status === 'missing')
      ? 'incomplete'
      : 'eligible';
  return {
    status,
    hypothesis,
    results,
    reasons: results.filter((r) => r.status !== 'met').map((r) => ({ criterionId: r.criterionId, code: r.code, reason: r.reason })),
  };
}

/** Criteria that need staff's evidence check (or answered by an equivalent) not verified yet: selection waits for them. */
export function pendingVerifications(result: EligibilityResult): string[] {
  return result.results.filter((r) => (r.requiresEvidence || r.alternative) && r.verification !== 'verified').map((r) => r.criterionId);
}
