/** The evaluation use cases, by concern (one entry point for scripts and the bench). */
export { addQuestionnaireResponse, listQuestionnaireResponses, MAX_QUESTIONNAIRES_PER_STRUCTURE } from './questionnaires';
export { listEssaimeReports, listReviewQueue, stageCompletion } from './progress';
export { readReport, saveReportDraft, submitReport } from './reports';
export { acceptReport, reopenReport, requestChanges } from './review';
export { createDefaultStages, createStage, listStages, readStage, readTemplateVersion, updateStage, updateTemplate } from './stages';
