import { itemType } from '../entity';

/** Steering meetings of a season (fidelity and label items live in ./fidelity.ts). */
export const steeringMeeting = itemType({
  type: 'SteeringMeeting',
  pk: 'MEETING#{meetingId}',
  sk: 'MEETING',
  indexes: { gsi1: { pk: 'SEASON#{seasonId}#MEETINGS', sk: '{date}#{meetingId}' } },
  personal: true,
  description: "A steering meeting with the names of the members present; a season's meetings by date on gsi1",
});

/** What a season's meetings decided that applies to the season: the hypotheses chosen and the indicators validated. */
export const seasonGovernance = itemType({
  type: 'SeasonGovernance',
  pk: 'SEASON#{seasonId}',
  sk: 'GOVERNANCE',
  personal: false,
  description: "The season's governance decisions in force (hypotheses chosen, indicators validated), written with the meeting that took them (optimistic locking)",
});

/** An essaimé's yearly action plan (AFPA agreements: "un plan d'actions opérationnel est élaboré chaque année"). */
export const actionPlan = itemType({
  type: 'ActionPlan',
  pk: 'ESSAIME#{essaimeId}#ACTIONPLANS',
  sk: 'YEAR#{year}',
  indexes: { gsi1: { pk: 'SEASON#{seasonId}#ACTIONPLANS', sk: '{year}#{essaimeId}' } },
  personal: true,
  description: "An essaimé's action plan for one year with its two named referents (one per party); a season's plans on gsi1 by year",
});

export const governanceItemTypes = [steeringMeeting, seasonGovernance, actionPlan];
