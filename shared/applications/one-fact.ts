import type { Answer, Criterion } from '../calls/schemas';
import { type ErrorDetail, unprocessable } from '../errors';
import type { StructureInput } from './schemas';

/**
 * One place for each fact: the structure's staff (FTE) is criterion A1.3's answer, and its budget situation
 * answers A1.2 (« structural deficit »). Whichever side a request sends fills the other; a request that sends
 * both with different values is refused (nothing written), so eligibility and the dossier never disagree.
 * Applies only where the call's criteria hold A1.3 as a number and A1.2 as a yes/no (ids keep their meaning).
 */
export const FTE_CRITERION = 'A1.3';
export const DEFICIT_CRITERION = 'A1.2';

type Structure = Partial<StructureInput>;
type AnswerChanges = Record<string, Answer | null>;

export function reconcileStructureFacts(
  criteria: readonly Criterion[],
  request: { structure?: Structure; answers?: AnswerChanges },
  stored: { structure?: Structure } = {},
): { structure?: Structure; answers: AnswerChanges; structureChanged: boolean } {
  const answers: AnswerChanges = { ...request.answers };
  const has = (id: string, kind: Criterion['kind']) => criteria.some((c) => c.criterionId === id && c.kind === kind);
  let structure = request.structure ? { ...request.structure } : undefined;
  let structureChanged = false;
  const details: ErrorDetail[] = [];
  const setOnStructure = (patch: Structure) => {
    structure = { ...(structure ?? stored.structure), ...patch };
    structureChanged = true;
  };

  if (has(FTE_CRITERION, 'number')) {
    const fte = request.structure?.staffFte;
    const answer = answers[FTE_CRITERION];
    if (fte !== undefined && answer?.kind === 'number' && answer.value !== fte) {
      details.push({ path: `body.answers.${FTE_CRITERION}`, message: `Must equal the structure's staff (${fte} FTE): one fact, asked once`, code: 'CONTRADICTS_STRUCTURE' });
    } else if (fte !== undefined) answers[FTE_CRITERION] = { kind: 'number', value: fte };
    else if (answer?.kind === 'number') setOnStructure({ staffFte: answer.value });
  }

  if (has(DEFICIT_CRITERION, 'yes_no')) {
    const budget = request.structure?.budgetSituation;
    const answer = answers[DEFICIT_CRITERION];
    if (budget !== undefined && answer?.kind === 'yes_no' && answer.value !== (budget === 'structural-deficit')) {
      details.push({ path: `body.answers.${DEFICIT_CRITERION}`, message: `Contradicts the structure's budget situation (${budget})`, code: 'CONTRADICTS_STRUCTURE' });
    } else if (budget !== undefined) answers[DEFICIT_CRITERION] = { kind: 'yes_no', value: budget === 'structural-deficit' };
    else if (answer?.kind === 'yes_no') {
      const storedBudget = (structure ?? stored.structure)?.budgetSituation;
      if (answer.value) setOnStructure({ budgetSituation: 'structural-deficit' });
      else if (storedBudget === 'structural-deficit') setOnStructure({ budgetSituation: undefined });
    }
  }

  if (details.length) throw unprocessable('CONTRADICTORY_FACTS', 'The same fact was given two different values', details);
  return { structure, answers, structureChanged };
}
