import { z } from 'zod';
import { roles } from '../access/principal';
import { pageOf, pageQuery } from '../db/pagination';
import { defineRoute } from '../http/route';
import { idSchema } from '../ids';
import {
  assessFidelityBody,
  essaimeFidelityViewSchema,
  fidelityAssessmentSchema,
  labelDecisionSchema,
  meetingSchema,
  recordLabelDecisionBody,
  recordMeetingBody,
} from './schemas';

const essaimeParams = z.object({ essaimeId: idSchema('essaime') }).strict();
const seasonParams = z.object({ seasonId: idSchema('season') }).strict();

export const governanceApi = {
  assessFidelity: defineRoute({
    operationId: 'assessFidelity',
    method: 'PUT',
    path: '/essaimes/{essaimeId}/fidelity/{stageId}',
    summary: 'Assess fidelity to the four principles on a stage (the assigned tutor, or staff for A.CO.R.)',
    tag: 'governance',
    access: ['tutor', 'staff'],
    params: z.object({ essaimeId: idSchema('essaime'), stageId: idSchema('stage') }).strict(),
    body: assessFidelityBody,
    response: { status: 200, description: 'The assessment', schema: fidelityAssessmentSchema },
    errors: ['NOT_FOUND', 'STALE_VERSION'],
  }),
  essaimeGovernance: defineRoute({
    operationId: 'getEssaimeFidelity',
    method: 'GET',
    path: '/essaimes/{essaimeId}/fidelity',
    summary: "An essaimé's fidelity assessments and label decisions",
    tag: 'governance',
    access: roles,
    params: essaimeParams,
    response: { status: 200, description: "The essaimé's assessments, label decisions and current label", schema: essaimeFidelityViewSchema },
    errors: ['NOT_FOUND'],
  }),
  recordLabelDecision: defineRoute({
    operationId: 'recordLabelDecision',
    method: 'POST',
    idempotent: true,
    path: '/essaimes/{essaimeId}/label-decisions',
    summary: "Record A.CO.R.'s label decision (labelled, conditional, not yet) with its reasons",
    tag: 'governance',
    access: ['staff'],
    params: essaimeParams,
    body: recordLabelDecisionBody,
    response: { status: 201, description: 'The decision', schema: labelDecisionSchema },
    errors: ['NOT_FOUND', 'NO_FIDELITY_ASSESSMENT', 'CONDITIONS_REQUIRED'],
  }),
  recordMeeting: defineRoute({
    operationId: 'recordSteeringMeeting',
    method: 'POST',
    idempotent: true,
    path: '/seasons/{seasonId}/steering-meetings',
    summary: 'Record a meeting of the steering body or of the governance committee',
    tag: 'governance',
    access: ['staff'],
    params: seasonParams,
    body: recordMeetingBody,
    response: { status: 201, description: 'The meeting', schema: meetingSchema },
    errors: ['NOT_FOUND'],
  }),
  listMeetings: defineRoute({
    operationId: 'listSteeringMeetings',
    method: 'GET',
    path: '/seasons/{seasonId}/steering-meetings',
    summary: "A season's steering meetings, most recent first",
    tag: 'governance',
    access: ['staff', 'tutor'],
    params: seasonParams,
    query: pageQuery,
    response: { status: 200, description: 'A page of meetings, most recent first', schema: pageOf(meetingSchema) },
    errors: ['NOT_FOUND'],
  }),
};
