import { itemType } from '../entity';

/** An essaimé's fidelity assessments (one per stage) and label decisions share a partition; meetings have their own. */
export const fidelityAssessment = itemType({
  type: 'FidelityAssessment',
  pk: 'EVESSAIME#{essaimeId}',
  sk: 'FIDELITY#{stageId}',
  personal: false,
  description: "The tutor's assessment of an essaimé's fidelity to the four principles on one stage (optimistic locking)",
});

export const labelDecision = itemType({
  type: 'LabelDecision',
  pk: 'EVESSAIME#{essaimeId}',
  sk: 'LABEL#{decidedAt}#{labelDecisionId}',
  personal: false,
  description: "A.CO.R.'s label decision on an essaimé, with its reasons (a history, oldest first)",
});

export const steeringMeeting = itemType({
  type: 'SteeringMeeting',
  pk: 'MEETING#{meetingId}',
  sk: 'MEETING',
  indexes: { gsi1: { pk: 'SEASON#{seasonId}#MEETINGS', sk: '{date}#{meetingId}' } },
  personal: true,
  description: "A steering meeting with the names of the members present; a season's meetings by date on gsi1",
});

export const governanceItemTypes = [fidelityAssessment, labelDecision, steeringMeeting];
