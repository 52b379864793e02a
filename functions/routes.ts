import type { RouteSpec } from '../shared/http/route';
import { accountsApi } from '../shared/accounts/api';
import { applicationsApi } from '../shared/applications/api';
import { attachmentsApi } from '../shared/attachments/api';
import { callsApi } from '../shared/calls/api';
import { essaimesApi } from '../shared/essaimes/api';
import { identityApi, jobsApi, outboxApi, platformApi } from '../shared/platform/api';
import { seasonsApi } from '../shared/seasons/api';
import { guideApi, tutoringRequestsApi, tutorsApi } from '../shared/tutoring/api';
import { trainingApi } from '../shared/training/api';
import { cohortProgressApi } from '../shared/read-models/cohort-progress/api';
import { dashboardsApi } from '../shared/read-models/dashboards/api';
import { reportsApi } from '../shared/read-models/reports/api';
import { evaluationApi } from '../shared/evaluation/api';
import { evaluationStudyApi } from '../shared/evaluation/study-api';
import { governanceApi } from '../shared/governance/api';
import { fidelityApi } from '../shared/governance/fidelity-api';
import { privacyApi } from '../shared/read-models/personal-data/api';
import { threadsApi } from '../shared/threads/api';

/**
 * Every HTTP route and the handler module that serves it. The CDK stack makes one Lambda function per
 * entry, the local server dynamically imports the same modules, and the OpenAPI document lists the specs.
 * Paths of `entry` are relative to the repository root.
 */
export interface RouteEntry {
  spec: RouteSpec;
  entry: string;
}

export const routes: RouteEntry[] = [
  { spec: platformApi.health, entry: 'functions/platform/get-health.ts' },
  { spec: platformApi.openapi, entry: 'functions/platform/get-openapi.ts' },
  { spec: platformApi.audit, entry: 'functions/platform/list-audit-trail.ts' },
  { spec: outboxApi.list, entry: 'functions/notifications/list-outbox.ts' },
  { spec: jobsApi.run, entry: 'functions/platform/run-job.ts' },
  { spec: identityApi.me, entry: 'functions/identity/get-me.ts' },
  // accounts: users, invitations, roles, deactivation, delegates (issue 10)
  { spec: accountsApi.listUsers, entry: 'functions/accounts/list-users.ts' },
  { spec: accountsApi.invite, entry: 'functions/accounts/invite-user.ts' },
  { spec: accountsApi.changeRole, entry: 'functions/accounts/change-user-role.ts' },
  { spec: accountsApi.deactivate, entry: 'functions/accounts/deactivate-user.ts' },
  { spec: accountsApi.reactivate, entry: 'functions/accounts/reactivate-user.ts' },
  { spec: accountsApi.inviteDelegate, entry: 'functions/accounts/invite-delegate.ts' },
  { spec: seasonsApi.list, entry: 'functions/seasons/list-seasons.ts' },
  { spec: seasonsApi.create, entry: 'functions/seasons/create-season.ts' },
  { spec: seasonsApi.get, entry: 'functions/seasons/get-season.ts' },
  { spec: seasonsApi.update, entry: 'functions/seasons/update-season.ts' },
  { spec: essaimesApi.list, entry: 'functions/essaimes/list-essaimes.ts' },
  { spec: essaimesApi.get, entry: 'functions/essaimes/get-essaime.ts' },
  // training: cohort, modules, sessions, attendance, deliverables, participants (issue 4, training half)
  { spec: trainingApi.createCohort, entry: 'functions/training/create-cohort.ts' },
  { spec: trainingApi.getCohortOfSeason, entry: 'functions/training/get-cohort-of-season.ts' },
  { spec: trainingApi.listCohorts, entry: 'functions/training/list-cohorts.ts' },
  { spec: trainingApi.getCohort, entry: 'functions/training/get-cohort.ts' },
  { spec: trainingApi.updateModule, entry: 'functions/training/update-module.ts' },
  { spec: trainingApi.listSessions, entry: 'functions/training/list-sessions.ts' },
  { spec: trainingApi.addSession, entry: 'functions/training/add-session.ts' },
  { spec: trainingApi.moveSession, entry: 'functions/training/move-session.ts' },
  { spec: trainingApi.cancelSession, entry: 'functions/training/cancel-session.ts' },
  { spec: trainingApi.recordAttendance, entry: 'functions/training/record-attendance.ts' },
  { spec: trainingApi.listSessionAttendance, entry: 'functions/training/list-session-attendance.ts' },
  { spec: trainingApi.listModuleAttendance, entry: 'functions/training/list-module-attendance.ts' },
  { spec: cohortProgressApi.get, entry: 'functions/training/get-cohort-progress.ts' },
  { spec: trainingApi.getEssaimeTraining, entry: 'functions/training/get-essaime-training.ts' },
  { spec: trainingApi.submitDeliverable, entry: 'functions/training/submit-deliverable.ts' },
  { spec: trainingApi.addParticipant, entry: 'functions/training/add-participant.ts' },
  { spec: trainingApi.replaceParticipant, entry: 'functions/training/replace-participant.ts' },
  { spec: trainingApi.withdrawParticipant, entry: 'functions/training/withdraw-participant.ts' },
  // calls for candidate territories: calls, criteria, applications, review, decisions (issue 3)
  { spec: callsApi.list, entry: 'functions/calls/list-calls.ts' },
  { spec: callsApi.create, entry: 'functions/calls/create-call.ts' },
  { spec: callsApi.get, entry: 'functions/calls/get-call.ts' },
  { spec: callsApi.update, entry: 'functions/calls/update-call.ts' },
  { spec: callsApi.replaceCriteria, entry: 'functions/calls/replace-criteria.ts' },
  { spec: callsApi.listCriteriaVersions, entry: 'functions/calls/list-criteria-versions.ts' },
  { spec: callsApi.createCriteriaVersion, entry: 'functions/calls/create-criteria-version.ts' },
  { spec: callsApi.open, entry: 'functions/calls/open-call.ts' },
  { spec: callsApi.close, entry: 'functions/calls/close-call.ts' },
  { spec: callsApi.previewEligibility, entry: 'functions/calls/preview-eligibility.ts' },
  { spec: callsApi.publishDecisions, entry: 'functions/calls/publish-decisions.ts' },
  { spec: applicationsApi.listOfCall, entry: 'functions/applications/list-call-applications.ts' },
  { spec: applicationsApi.exportOfCall, entry: 'functions/applications/export-call-applications.ts' },
  { spec: applicationsApi.create, entry: 'functions/applications/create-application.ts' },
  { spec: applicationsApi.mine, entry: 'functions/applications/list-my-applications.ts' },
  { spec: applicationsApi.get, entry: 'functions/applications/get-application.ts' },
  { spec: applicationsApi.update, entry: 'functions/applications/update-application.ts' },
  { spec: applicationsApi.eligibility, entry: 'functions/applications/get-application-eligibility.ts' },
  { spec: applicationsApi.submit, entry: 'functions/applications/submit-application.ts' },
  { spec: applicationsApi.withdraw, entry: 'functions/applications/withdraw-application.ts' },
  { spec: applicationsApi.assignReviewer, entry: 'functions/applications/assign-reviewer.ts' },
  { spec: applicationsApi.recuse, entry: 'functions/applications/recuse.ts' },
  { spec: applicationsApi.score, entry: 'functions/applications/score-application.ts' },
  { spec: applicationsApi.addNote, entry: 'functions/applications/add-note.ts' },
  { spec: applicationsApi.verify, entry: 'functions/applications/verify-criterion.ts' },
  { spec: applicationsApi.returnForCorrection, entry: 'functions/applications/return-for-correction.ts' },
  { spec: applicationsApi.decide, entry: 'functions/applications/decide-application.ts' },
  // documents attached to applications, deliverables and reports: presigned upload, checks, download (issue 10)
  { spec: attachmentsApi.startUpload, entry: 'functions/attachments/start-upload.ts' },
  { spec: attachmentsApi.confirmUpload, entry: 'functions/attachments/confirm-upload.ts' },
  { spec: attachmentsApi.list, entry: 'functions/attachments/list-attachments.ts' },
  { spec: attachmentsApi.download, entry: 'functions/attachments/get-download.ts' },
  { spec: attachmentsApi.delete, entry: 'functions/attachments/delete-attachment.ts' },
  // tutoring: tutor directory, matching and assignment, requests and response times, guide d'essaimage (issue 4, tutoring half)
  { spec: tutorsApi.list, entry: 'functions/tutoring/list-tutors.ts' },
  { spec: tutorsApi.create, entry: 'functions/tutoring/create-tutor.ts' },
  { spec: tutorsApi.get, entry: 'functions/tutoring/get-tutor.ts' },
  { spec: tutorsApi.update, entry: 'functions/tutoring/update-tutor.ts' },
  { spec: tutorsApi.essaimes, entry: 'functions/tutoring/list-tutor-essaimes.ts' },
  { spec: tutorsApi.updateNeeds, entry: 'functions/tutoring/update-essaime-needs.ts' },
  { spec: tutorsApi.suggestions, entry: 'functions/tutoring/list-tutor-suggestions.ts' },
  { spec: tutorsApi.assign, entry: 'functions/tutoring/assign-tutor.ts' },
  { spec: tutorsApi.release, entry: 'functions/tutoring/release-tutor.ts' },
  { spec: tutorsApi.history, entry: 'functions/tutoring/list-tutor-assignments.ts' },
  { spec: tutorsApi.essaime, entry: 'functions/tutoring/get-tutoring-essaime.ts' },
  { spec: tutoringRequestsApi.create, entry: 'functions/tutoring/create-request.ts' },
  { spec: tutoringRequestsApi.list, entry: 'functions/tutoring/list-requests.ts' },
  { spec: tutoringRequestsApi.get, entry: 'functions/tutoring/get-request.ts' },
  { spec: tutoringRequestsApi.messages, entry: 'functions/tutoring/list-request-messages.ts' },
  { spec: tutoringRequestsApi.post, entry: 'functions/tutoring/post-request-message.ts' },
  { spec: tutoringRequestsApi.close, entry: 'functions/tutoring/close-request.ts' },
  { spec: tutoringRequestsApi.markForGuide, entry: 'functions/tutoring/mark-request-for-guide.ts' },
  { spec: tutoringRequestsApi.responseTimes, entry: 'functions/tutoring/get-response-times.ts' },
  { spec: tutoringRequestsApi.settings, entry: 'functions/tutoring/get-tutoring-settings.ts' },
  { spec: tutoringRequestsApi.updateSettings, entry: 'functions/tutoring/update-tutoring-settings.ts' },
  { spec: guideApi.list, entry: 'functions/tutoring/list-guide-entries.ts' },
  { spec: guideApi.update, entry: 'functions/tutoring/update-guide-entry.ts' },
  { spec: guideApi.export, entry: 'functions/tutoring/export-guide.ts' },
  // evaluation: stages, templates, reports and review, questionnaires, completion, exports, dashboards,
  // fidelity and label, steering meetings, personal data (issue 5)
  { spec: evaluationApi.createStage, entry: 'functions/evaluation/create-stage.ts' },
  { spec: evaluationApi.createDefaultStages, entry: 'functions/evaluation/create-default-stages.ts' },
  { spec: evaluationApi.listStages, entry: 'functions/evaluation/list-stages.ts' },
  { spec: evaluationApi.getStage, entry: 'functions/evaluation/get-stage.ts' },
  { spec: evaluationApi.updateStage, entry: 'functions/evaluation/update-stage.ts' },
  { spec: evaluationApi.updateTemplate, entry: 'functions/evaluation/update-template.ts' },
  { spec: evaluationApi.getTemplateVersion, entry: 'functions/evaluation/get-template-version.ts' },
  { spec: evaluationApi.completion, entry: 'functions/evaluation/get-stage-completion.ts' },
  { spec: reportsApi.stageCsv, entry: 'functions/evaluation/export-stage-csv.ts' },
  { spec: evaluationApi.reviewQueue, entry: 'functions/evaluation/list-season-reports.ts' },
  { spec: evaluationApi.essaimeReports, entry: 'functions/evaluation/list-essaime-reports.ts' },
  { spec: evaluationApi.getReport, entry: 'functions/evaluation/get-report.ts' },
  { spec: evaluationApi.saveDraft, entry: 'functions/evaluation/save-report-draft.ts' },
  { spec: evaluationApi.submit, entry: 'functions/evaluation/submit-report.ts' },
  { spec: evaluationApi.accept, entry: 'functions/evaluation/accept-report.ts' },
  { spec: evaluationApi.requestChanges, entry: 'functions/evaluation/request-report-changes.ts' },
  { spec: evaluationApi.reopen, entry: 'functions/evaluation/reopen-report.ts' },
  { spec: evaluationApi.addQuestionnaire, entry: 'functions/evaluation/add-questionnaire-response.ts' },
  { spec: evaluationApi.listQuestionnaires, entry: 'functions/evaluation/list-questionnaire-responses.ts' },
  { spec: reportsApi.essaimeFinalReport, entry: 'functions/evaluation/get-essaime-final-report.ts' },
  { spec: reportsApi.programmeFinalReport, entry: 'functions/evaluation/get-programme-final-report.ts' },
  { spec: dashboardsApi.essaime, entry: 'functions/evaluation/get-essaime-dashboard.ts' },
  { spec: dashboardsApi.programme, entry: 'functions/evaluation/get-programme-dashboard.ts' },
  { spec: dashboardsApi.rampUp, entry: 'functions/evaluation/get-programme-ramp-up.ts' },
  { spec: evaluationStudyApi.recordInterview, entry: 'functions/evaluation/record-stage-interview.ts' },
  { spec: evaluationStudyApi.listInterviews, entry: 'functions/evaluation/list-stage-interviews.ts' },
  { spec: evaluationStudyApi.previewImport, entry: 'functions/evaluation/preview-figures-import.ts' },
  { spec: evaluationStudyApi.importFigures, entry: 'functions/evaluation/import-figures.ts' },
  { spec: fidelityApi.assessFidelity, entry: 'functions/governance/assess-fidelity.ts' },
  { spec: fidelityApi.recordFidelityAssessment, entry: 'functions/governance/record-fidelity-assessment.ts' },
  { spec: fidelityApi.essaimeGovernance, entry: 'functions/governance/get-essaime-fidelity.ts' },
  { spec: fidelityApi.recordLabelDecision, entry: 'functions/governance/record-label-decision.ts' },
  { spec: fidelityApi.setAcorLead, entry: 'functions/governance/set-acor-lead.ts' },
  { spec: governanceApi.recordMeeting, entry: 'functions/governance/record-steering-meeting.ts' },
  { spec: governanceApi.listMeetings, entry: 'functions/governance/list-steering-meetings.ts' },
  { spec: governanceApi.seasonGovernance, entry: 'functions/governance/get-season-governance.ts' },
  { spec: governanceApi.putActionPlan, entry: 'functions/governance/put-action-plan.ts' },
  { spec: governanceApi.listActionPlans, entry: 'functions/governance/list-action-plans.ts' },
  { spec: privacyApi.exportParticipant, entry: 'functions/privacy/export-participant-data.ts' },
  { spec: privacyApi.eraseParticipant, entry: 'functions/privacy/erase-participant-data.ts' },
  { spec: privacyApi.exportUser, entry: 'functions/privacy/export-user-data.ts' },
  { spec: privacyApi.eraseUser, entry: 'functions/privacy/erase-user-data.ts' },
  // receipts and decision letters (issue 10)
  { spec: applicationsApi.receipt, entry: 'functions/applications/get-application-receipt.ts' },
  { spec: applicationsApi.decisionLetter, entry: 'functions/applications/get-decision-letter.ts' },
  // structure–Ansa message threads (issue 10)
  { spec: threadsApi.mine, entry: 'functions/threads/list-my-threads.ts' },
  { spec: threadsApi.get, entry: 'functions/threads/get-thread.ts' },
  { spec: threadsApi.messages, entry: 'functions/threads/list-thread-messages.ts' },
  { spec: threadsApi.post, entry: 'functions/threads/post-thread-message.ts' },
  { spec: threadsApi.read, entry: 'functions/threads/mark-thread-read.ts' },
];
