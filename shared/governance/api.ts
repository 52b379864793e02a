import * as z from 'zod/mini';
import { pageOf, pageQuery } from '../db/pagination';
import { defineRoute } from '../http/route';
import { idSchema } from '../ids';
import { actionPlanParams, actionPlanSchema, putActionPlanBody, seasonGovernanceViewSchema } from './action-plan-schemas';
import { meetingSchema, recordMeetingBody } from './schemas';

const seasonParams = z.strictObject({ seasonId: idSchema('season') });
const essaimeParams = z.strictObject({ essaimeId: idSchema('essaime') });

/** Steering meetings with their typed decisions, yearly action plans, the season's governance (fidelity and label routes: ./fidelity-api.ts). */
export const governanceApi = {
  recordMeeting: defineRoute({
    operationId: 'recordSteeringMeeting',
    method: 'POST',
    idempotent: true,
    path: '/seasons/{seasonId}/steering-meetings',
    summary: 'Record a meeting of the steering body or of the governance committee; its typed decisions apply to the season in the same transaction',
    tag: 'governance',
    access: ['staff'],
    params: seasonParams,
    body: recordMeetingBody,
    response: { status: 201, description: 'The meeting, with its decisions as applied', schema: meetingSchema },
    errors: [
      'NOT_FOUND',
      'MEETING_IN_FUTURE',
      'DECISION_NOT_FOR_BODY',
      'CALL_ALREADY_OPEN',
      'DRAFT_CALL_OUTSIDE_HYPOTHESES',
      'INDICATORS_BEFORE_HYPOTHESES',
      'ACTION_PLAN_MISSING',
      'ACTION_PLAN_ALREADY_VALIDATED',
      'CONFLICT',
    ],
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
  seasonGovernance: defineRoute({
    operationId: 'getSeasonGovernance',
    method: 'GET',
    path: '/seasons/{seasonId}/governance',
    summary: "A season's governance: each committee on time, due or late (at least one meeting a year), the hypotheses and indicators in force, this year's action plans",
    tag: 'governance',
    access: ['staff'],
    params: seasonParams,
    response: { status: 200, description: 'The governance status', schema: seasonGovernanceViewSchema },
    errors: ['NOT_FOUND'],
  }),
  putActionPlan: defineRoute({
    operationId: 'putActionPlan',
    method: 'PUT',
    path: '/essaimes/{essaimeId}/action-plans/{year}',
    summary: "Create or revise an essaimé's action plan of a year, with its two named referents (a revision needs validating again)",
    tag: 'governance',
    access: ['staff', 'referent'],
    params: actionPlanParams,
    body: putActionPlanBody,
    response: { status: 200, description: 'The action plan', schema: actionPlanSchema },
    errors: ['NOT_FOUND', 'STALE_VERSION'],
  }),
  listActionPlans: defineRoute({
    operationId: 'listActionPlans',
    method: 'GET',
    path: '/essaimes/{essaimeId}/action-plans',
    summary: "An essaimé's yearly action plans, latest year first",
    tag: 'governance',
    access: ['staff', 'referent', 'tutor'],
    params: essaimeParams,
    query: pageQuery,
    response: { status: 200, description: 'A page of action plans', schema: pageOf(actionPlanSchema) },
    errors: ['NOT_FOUND'],
  }),
};
