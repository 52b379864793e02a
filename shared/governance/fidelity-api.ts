import * as z from 'zod/mini';
import { roles } from '../access/principal';
import { defineRoute } from '../http/route';
import { idSchema } from '../ids';
import { userIdSchema } from '../tutoring/schemas';
import {
  acorLeadSchema,
  assessFidelityBody,
  essaimeFidelityViewSchema,
  fidelityAssessmentSchema,
  labelDecisionSchema,
  recordFidelityAssessmentBody,
  recordLabelDecisionBody,
  setAcorLeadBody,
} from './fidelity-schemas';

const essaimeParams = z.strictObject({ essaimeId: idSchema('essaime') });

export const fidelityApi = {
  assessFidelity: defineRoute({
    operationId: 'assessFidelity',
    method: 'PUT',
    path: '/essaimes/{essaimeId}/fidelity/{stageId}',
    summary: 'The stage checkpoint of fidelity to the four principles (the assigned tutor, or staff for A.CO.R.)',
    tag: 'governance',
    access: ['tutor', 'staff'],
    params: z.strictObject({ essaimeId: idSchema('essaime'), stageId: idSchema('stage') }),
    body: assessFidelityBody,
    response: { status: 200, description: 'The assessment', schema: fidelityAssessmentSchema },
    errors: ['NOT_FOUND', 'STALE_VERSION'],
  }),
  recordFidelityAssessment: defineRoute({
    operationId: 'recordFidelityAssessment',
    method: 'POST',
    idempotent: true,
    path: '/essaimes/{essaimeId}/fidelity-assessments',
    summary: 'Assess fidelity to the four principles at any date (the tutor assigned to the essaimé)',
    tag: 'governance',
    access: ['tutor'],
    params: essaimeParams,
    body: recordFidelityAssessmentBody,
    response: { status: 201, description: 'The assessment, added to the history', schema: fidelityAssessmentSchema },
    errors: ['NOT_FOUND', 'ASSESSMENT_IN_FUTURE'],
  }),
  essaimeGovernance: defineRoute({
    operationId: 'getEssaimeFidelity',
    method: 'GET',
    path: '/essaimes/{essaimeId}/fidelity',
    summary: "An essaimé's fidelity history with the trend per principle, and its label decisions",
    tag: 'governance',
    access: roles,
    params: essaimeParams,
    response: { status: 200, description: "The essaimé's assessments (oldest first), trend per principle, label decisions and current label", schema: essaimeFidelityViewSchema },
    errors: ['NOT_FOUND'],
  }),
  recordLabelDecision: defineRoute({
    operationId: 'recordLabelDecision',
    method: 'POST',
    idempotent: true,
    path: '/essaimes/{essaimeId}/label-decisions',
    summary: "A.CO.R.'s label decision (labelled, conditional, not yet) with its reasons, by the A.CO.R. lead",
    tag: 'governance',
    access: ['tutor'],
    params: essaimeParams,
    body: recordLabelDecisionBody,
    response: { status: 201, description: 'The decision', schema: labelDecisionSchema },
    errors: ['NOT_FOUND', 'NOT_ACOR_LEAD', 'NO_FIDELITY_ASSESSMENT', 'CONDITIONS_REQUIRED'],
  }),
  setAcorLead: defineRoute({
    operationId: 'setAcorLead',
    method: 'PUT',
    path: '/tutors/{tutorUserId}/acor-lead',
    summary: 'Flag (or unflag) a tutor as A.CO.R. lead: the one who decides labels',
    tag: 'governance',
    access: ['staff'],
    params: z.strictObject({ tutorUserId: userIdSchema }),
    body: setAcorLeadBody,
    response: { status: 200, description: 'The flag', schema: acorLeadSchema },
    errors: ['TUTOR_NOT_IN_DIRECTORY'],
  }),
};
