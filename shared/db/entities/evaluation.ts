import { itemType } from '../entity';

/**
 * A stage's partition holds the stage, its template versions, its reports (one per essaimé) and the
 * questionnaire answers, so "a stage with its reports" is one Query. Aggregates of accepted reports have
 * one partition per season.
 */
export const evaluationStage = itemType({
  type: 'EvaluationStage',
  pk: 'EVSTAGE#{stageId}',
  sk: 'STAGE',
  indexes: {
    gsi1: { pk: 'SEASON#{seasonId}#EVSTAGES', sk: '{order}#{opensOn}#{stageId}' },
    gsi2: { pk: 'EVSTAGESDUE', sk: '{dueOn}#{stageId}' },
  },
  personal: false,
  description: "An evaluation stage of a season; a season's stages in order on gsi1, every stage by due date on gsi2 (reminders)",
});

export const reportTemplate = itemType({
  type: 'ReportTemplate',
  pk: 'EVSTAGE#{stageId}',
  sk: 'TEMPLATE#v{paddedVersion}',
  personal: false,
  description: "One version of a stage's report template (version padded to four digits); never changed once written",
});

export const evaluationReport = itemType({
  type: 'EvaluationReport',
  pk: 'EVSTAGE#{stageId}',
  sk: 'REPORT#{essaimeId}',
  indexes: {
    gsi1: { pk: 'ESSAIME#{essaimeId}#EVREPORTS', sk: '{stageId}' },
    gsi2: { pk: 'SEASON#{seasonId}#EVREPORTS#{status}', sk: '{updatedAt}#{reportId}' },
  },
  personal: false,
  description: "An essaimé's report on a stage (aggregated figures only); an essaimé's reports on gsi1, a season's reports by status on gsi2",
});

export const questionnaireResponse = itemType({
  type: 'QuestionnaireResponse',
  pk: 'EVSTAGE#{stageId}',
  sk: 'QUESTIONNAIRE#{essaimeId}#{createdAt}#{responseId}',
  personal: false,
  description: "One anonymous questionnaire answer of a structure's director or professional on a stage",
});

export const questionnaireCount = itemType({
  type: 'QuestionnaireCount',
  pk: 'EVSTAGE#{stageId}',
  sk: 'QCOUNT#{essaimeId}',
  personal: false,
  description: "How many questionnaire answers a structure has on a stage: raised in each answer's transaction, on condition it stays within the cap",
});

export const evaluationAggregate = itemType({
  type: 'EvaluationAggregate',
  pk: 'EVAGG#{seasonId}',
  sk: '{aggregateKey}',
  personal: false,
  description:
    'Figures of the accepted reports of a season, added in the accept transaction: STAGE#{stageId}#PROGRAMME | #HYPOTHESIS#{h} | #REGION#{r} | #SETTING#{s}, and ESSAIME#{essaimeId}#STAGE#{stageId}',
});


export const stageInterview = itemType({
  type: 'StageInterview',
  pk: 'EVSTAGE#{stageId}',
  sk: 'INTERVIEW#{interviewedOn}#{interviewId}',
  personal: false,
  description: "A phone interview of the first-return stage with a structure: date, the person's role (never a name) and notes",
});

export const evaluationItemTypes = [evaluationStage, reportTemplate, evaluationReport, questionnaireResponse, questionnaireCount, evaluationAggregate, stageInterview];
