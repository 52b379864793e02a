import { defineEntity } from '../db/entity';
import { fidelityAssessment, labelDecision, steeringMeeting } from '../db/entities/governance';
import { fidelityAssessmentSchema, labelDecisionSchema, meetingSchema } from './schemas';

export const fidelityEntity = defineEntity(fidelityAssessment, fidelityAssessmentSchema);
export const labelDecisionEntity = defineEntity(labelDecision, labelDecisionSchema);
export const meetingEntity = defineEntity(steeringMeeting, meetingSchema);
