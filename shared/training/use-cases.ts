/**
 * The training's use cases, by concern. This index keeps one import path for the seed scripts and the bench;
 * new code imports the file of its concern. Cohort progress with open tutoring requests is a read model:
 * shared/read-models/cohort-progress.
 */
export { recordAttendance, readModuleAttendance, readSessionAttendance } from './attendance';
export { createCohort, listAllCohorts, readCohort, readCohortOfSeason, updateModule } from './cohorts';
export { submitDeliverable } from './deliverables';
export { addParticipant, replaceParticipant, withdrawParticipant } from './participants';
export { readCohortProgress, readEssaimeTraining, type OpenRequestsCounter } from './progress';
export { addSession, cancelSession, listCohortSessions, moveSession } from './sessions';
