import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { commit } from '../db/transact';
import { forbidden, unprocessable } from '../errors';
import { newId } from '../ids';
import { displayNameOf } from '../notifications/letter';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { getTutor } from '../tutoring/repository';
import { essaimeForFidelity } from './fidelity';
import { acorLeadStillHeldCheck, isAcorLead, listEssaimeGovernance, putAcorLeadWrite, putLabelDecisionWrite } from './fidelity-repository';
import type { AcorLead, LabelDecision, recordLabelDecisionBody, setAcorLeadBody } from './fidelity-schemas';
import { labelDecisionLetter } from './messages';

/**
 * The label is A.CO.R.'s decision as network head: only a tutor that staff flagged as A.CO.R. lead takes
 * it (the flag is re-checked inside the decision's transaction). Labelling (fully or under conditions)
 * needs at least one fidelity assessment: A.CO.R. checks fidelity before it labels.
 */
export async function recordLabelDecision(deps: Deps, principal: Principal, essaimeId: string, input: z.output<typeof recordLabelDecisionBody>): Promise<LabelDecision> {
  if (!(await isAcorLead(deps.db, principal.userId))) throw forbidden('NOT_ACOR_LEAD', 'Only the A.CO.R. lead decides the label');
  const essaime = await essaimeForFidelity(deps, principal, essaimeId, true);
  if (input.decision !== 'not-yet') {
    const { assessments } = await listEssaimeGovernance(deps.db, essaimeId);
    if (assessments.length === 0) {
      throw unprocessable('NO_FIDELITY_ASSESSMENT', 'Fidelity to the four principles must be assessed before labelling', [
        { path: 'body.decision', message: 'No fidelity assessment yet for this essaimé' },
      ]);
    }
  }
  if (input.decision === 'conditional' && !input.conditions?.length) {
    throw unprocessable('CONDITIONS_REQUIRED', 'A conditional label states its conditions', [{ path: 'body.conditions', message: 'At least one condition' }]);
  }
  const now = deps.now();
  const decision: LabelDecision = {
    labelDecisionId: newId('labelDecision'),
    essaimeId,
    structureId: essaime.structureId,
    decision: input.decision,
    reasons: input.reasons,
    conditions: input.conditions ?? [],
    decidedBy: principal.userId,
    decidedAt: now.toISOString(),
  };
  const message = newMessage(
    {
      dedupeKey: `label#${decision.labelDecisionId}`,
      kind: 'label-decision',
      recipientUserId: essaime.referentUserId,
      ...labelDecisionLetter(essaime.structureName, decision, await displayNameOf(deps.db, essaime.referentUserId)),
      related: { entityType: 'essaime', entityId: essaimeId },
    },
    now,
  );
  await commit(deps.db, principal, [acorLeadStillHeldCheck(deps.db, principal.userId), putLabelDecisionWrite(deps.db, decision), outboxWrite(deps.db, message)], [
    { action: 'label.decided', entityType: 'essaime', entityId: essaimeId, changes: { labelDecisionId: decision.labelDecisionId, decision: decision.decision } },
  ], now);
  return decision;
}

/** Staff flag (or unflag) a tutor of the directory as A.CO.R. lead. */
export async function setAcorLead(deps: Deps, principal: Principal, tutorUserId: string, input: z.output<typeof setAcorLeadBody>): Promise<AcorLead> {
  const tutor = await getTutor(deps.db, tutorUserId);
  if (!tutor) {
    throw unprocessable('TUTOR_NOT_IN_DIRECTORY', 'This user is not in the tutor directory', [{ path: 'params.tutorUserId', message: 'Not a tutor of the directory' }]);
  }
  const now = deps.now();
  const lead: AcorLead = { userId: tutorUserId, acorLead: input.acorLead, designatedBy: principal.userId, designatedAt: now.toISOString() };
  await commit(deps.db, principal, [putAcorLeadWrite(deps.db, lead)], [
    { action: input.acorLead ? 'acor-lead.designated' : 'acor-lead.withdrawn', entityType: 'tutor', entityId: tutorUserId },
  ], now);
  return lead;
}
