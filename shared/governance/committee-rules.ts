import { addDays } from '../calendar';
import { conflict, type DomainError, unprocessable } from '../errors';
import type { Hypothesis } from '../seasons/schemas';
import type { CommitteeState, CommitteeStatus } from './action-plan-schemas';
import type { DecisionInput, Indicator, SteeringBody } from './schemas';

/**
 * Pure rules of the governance: when a committee is due, which typed decision a meeting may take, and the
 * text a decision gets when none is given. Sources: the study (the governance committee chooses the
 * hypotheses before the call; success indicators follow the choice of hypothesis) and the AFPA agreements
 * (the steering committee meets at least once a year; its first meeting validates the action plan and the
 * result indicators).
 */

/** How long before the yearly deadline a committee shows as due. */
export const COMMITTEE_DUE_WARNING_DAYS = 60;

/** The same calendar day a year later (29 February → 1 March). */
export function oneYearAfter(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * "At least once a year": due a year after the last meeting of that body, or a year after the start of the
 * season when it never met; late the day after; due from 60 days before.
 */
export function committeeStatus(body: SteeringBody, meetingDates: readonly string[], seasonStart: string, today: string): CommitteeStatus {
  const lastMeetingOn = meetingDates.length ? [...meetingDates].sort().at(-1)! : null;
  const dueBy = oneYearAfter(lastMeetingOn ?? seasonStart);
  let state: CommitteeState = 'on-time';
  if (today > dueBy) state = 'late';
  else if (today >= addDays(dueBy, -COMMITTEE_DUE_WARNING_DAYS)) state = 'due';
  return { body, lastMeetingOn, dueBy, state, meetings: meetingDates.length };
}

/** Decisions apply when the meeting is recorded: a meeting still to come cannot have decided anything. */
export function meetingDateRefusal(date: string, today: string): DomainError | null {
  if (date <= today) return null;
  return unprocessable('MEETING_IN_FUTURE', 'A meeting is recorded once it has taken place', [{ path: 'body.date', message: `After today (${today})` }]);
}

export interface SeasonCall {
  callId: string;
  title: string;
  status: 'draft' | 'open' | 'closed';
  hypotheses: readonly Hypothesis[];
}

/**
 * The governance committee chooses the hypotheses, before the call: refused from the tight steering body,
 * once a call of the season has opened (its criteria and applications follow the hypotheses), and while a
 * draft call accepts a hypothesis the decision drops (change the call first).
 */
export function hypothesesDecisionRefusal(body: SteeringBody, index: number, hypotheses: readonly Hypothesis[], calls: readonly SeasonCall[]): DomainError | null {
  const path = `body.decisions.${index}`;
  if (body !== 'governance-committee') {
    return unprocessable('DECISION_NOT_FOR_BODY', 'The governance committee chooses the hypotheses', [{ path: `${path}.type`, message: 'Not a decision of the tight steering body' }]);
  }
  const opened = calls.filter((c) => c.status !== 'draft');
  if (opened.length) {
    return conflict(
      'CALL_ALREADY_OPEN',
      'The hypotheses are chosen before the call: a call of this season has already opened',
      opened.map((c) => ({ path: `${path}.hypotheses`, message: `Call ${c.callId} (${c.title}) is ${c.status}` })),
    );
  }
  const outside = calls.filter((c) => c.hypotheses.some((h) => !hypotheses.includes(h)));
  if (outside.length) {
    return conflict(
      'DRAFT_CALL_OUTSIDE_HYPOTHESES',
      'A draft call of this season accepts a hypothesis the decision drops; change the call first',
      outside.map((c) => ({ path: `${path}.hypotheses`, message: `Draft call ${c.callId} accepts ${c.hypotheses.join(' and ')}` })),
    );
  }
  return null;
}

/** Success indicators are built once the hypotheses are chosen (study, 5.3.2). */
export function indicatorsDecisionRefusal(index: number, hypothesesOnRecord: boolean): DomainError | null {
  if (hypothesesOnRecord) return null;
  return conflict('INDICATORS_BEFORE_HYPOTHESES', 'The result indicators are validated once the hypotheses of the season are chosen', [
    { path: `body.decisions.${index}.type`, message: 'No choice of hypotheses recorded for the season yet' },
  ]);
}

const hypothesisNames: Record<Hypothesis, string> = {
  A: 'A (opérateur d’une collectivité)',
  B: 'B (collectivité faisant évoluer ses équipes)',
};

/** The text of a typed decision, in French, when the minutes give none. */
export function defaultDecisionText(decision: Exclude<DecisionInput, { type: 'note' }>, structureName?: string): string {
  switch (decision.type) {
    case 'choose-hypotheses':
      return decision.hypotheses.length === 2
        ? `Les deux hypothèses sont retenues : ${decision.hypotheses.map((h) => hypothesisNames[h]).join(' et ')}.`
        : `Hypothèse retenue : ${hypothesisNames[decision.hypotheses[0]!]}.`;
    case 'validate-action-plan':
      return `Plan d’action ${decision.year} de ${structureName ?? 'la structure'} validé.`;
    case 'validate-indicators':
      return `Indicateurs de résultat validés : ${decision.indicators.map(indicatorText).join(' ; ')}.`;
  }
}

export function indicatorText(indicator: Indicator): string {
  return indicator.target ? `${indicator.label} (${indicator.target})` : indicator.label;
}
