import { defineEntity } from '../db/entity';
import { acorLead, fidelityAssessment, fidelityAssessmentAtDate, labelDecision } from '../db/entities/fidelity';
import { acorLeadSchema, fidelityAssessmentSchema, labelDecisionSchema } from './fidelity-schemas';

export const fidelityCheckpointEntity = defineEntity(fidelityAssessment, fidelityAssessmentSchema, {
  derive: (a) => ({ stageId: a.stageId ?? a.assessmentId }),
});
export const fidelityAtDateEntity = defineEntity(fidelityAssessmentAtDate, fidelityAssessmentSchema);
export const labelDecisionEntity = defineEntity(labelDecision, labelDecisionSchema);
export const acorLeadEntity = defineEntity(acorLead, acorLeadSchema);
