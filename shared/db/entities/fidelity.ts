import { itemType } from '../entity';

/**
 * An essaimé's fidelity assessments and label decisions share a partition: stage checkpoints (one per
 * stage, versioned) and assessments at any date (A.CO.R. checks fidelity "at any time"), sorted by date.
 * The A.CO.R. lead flag says which tutor decides the label for A.CO.R. as network head.
 */
export const fidelityAssessment = itemType({
  type: 'FidelityAssessment',
  pk: 'EVESSAIME#{essaimeId}',
  sk: 'FIDELITY#{stageId}',
  personal: false,
  description: "The stage checkpoint of an essaimé's fidelity to the four principles (one per stage, optimistic locking)",
});

export const fidelityAssessmentAtDate = itemType({
  type: 'FidelityAssessmentAtDate',
  pk: 'EVESSAIME#{essaimeId}',
  sk: 'FIDATE#{assessedOn}#{assessmentId}',
  personal: false,
  description: "The assigned tutor's fidelity assessment of an essaimé at any date, outside the stages (a history, by date)",
});

export const labelDecision = itemType({
  type: 'LabelDecision',
  pk: 'EVESSAIME#{essaimeId}',
  sk: 'LABEL#{decidedAt}#{labelDecisionId}',
  personal: false,
  description: "A.CO.R.'s label decision on an essaimé, by the A.CO.R. lead, with its reasons (a history, oldest first)",
});

export const acorLead = itemType({
  type: 'AcorLead',
  pk: 'ACORLEAD#{userId}',
  sk: 'ACORLEAD',
  personal: false,
  description: 'A tutor flagged by staff as A.CO.R. lead: the one who decides labels (holds the user id only)',
});

export const fidelityItemTypes = [fidelityAssessment, fidelityAssessmentAtDate, labelDecision, acorLead];
