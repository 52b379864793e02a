import { type Letter, letterBody } from '../notifications/letter';
import { type LabelDecisionValue, labelDecisionLabels } from './fidelity-schemas';

/** The e-mails of governance to a structure's referent, in French. */

/** A.CO.R.'s label decision, with its reasons and, for a conditional label, its conditions. */
export function labelDecisionLetter(
  structureName: string,
  decision: { decision: LabelDecisionValue; reasons: readonly string[]; conditions: readonly string[] },
  referentName: string | undefined,
): Letter {
  const list = (items: readonly string[]) => items.map((item) => `- ${item}`).join('\n');
  return {
    subject: `Décision de labellisation : ${labelDecisionLabels[decision.decision]}`,
    body: letterBody(referentName, [
      `A.CO.R. a rendu sa décision pour ${structureName} : ${labelDecisionLabels[decision.decision]}.`,
      `Motifs :\n${list(decision.reasons)}`,
      ...(decision.conditions.length ? [`Conditions :\n${list(decision.conditions)}`] : []),
    ]),
  };
}
