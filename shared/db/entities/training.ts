import { itemType } from '../entity';

/**
 * The cohort partition holds the cohort, its modules and its sessions (one Query: the whole programme of a
 * season). Each essaimé has a training partition: its progress item, its attendance records, its deliverables.
 */
export const cohort = itemType({
  type: 'Cohort',
  pk: 'COHORT#{cohortId}',
  sk: 'COHORT',
  indexes: { gsi1: { pk: 'COHORTS', sk: '{startDate}#{cohortId}' } },
  personal: false,
  description: "A season's formation-action (five months from startDate, attendanceThreshold); cohorts by start date on gsi1",
});

export const cohortOfSeason = itemType({
  type: 'CohortOfSeason',
  pk: 'COHORTSEASON#{seasonId}',
  sk: 'UNIQUE',
  personal: false,
  description: 'Reserves the season for its cohort (conditional put in the creation transaction): one cohort per season',
});

export const trainingModule = itemType({
  type: 'TrainingModule',
  pk: 'COHORT#{cohortId}',
  sk: 'MODULE#{moduleId}',
  personal: false,
  description: 'A module of the cohort (one axis): objectives, experts, attendance counters over every essaimé; optimistic locking',
});

export const session = itemType({
  type: 'Session',
  pk: 'COHORT#{cohortId}',
  sk: 'SESSION#{sessionId}',
  indexes: {
    gsi1: { pk: 'COHORT#{cohortId}#SESSIONS', sk: '{startsAt}#{sessionId}' },
    gsi2: { pk: 'MODULE#{moduleId}#SESSIONS', sk: '{startsAt}#{sessionId}' },
  },
  personal: false,
  description: "A session of a module (date, time, mode, place, status, attendance counters); a cohort's sessions by start on gsi1, a module's on gsi2",
});

export const essaimeProgress = itemType({
  type: 'EssaimeProgress',
  pk: 'TRAINING#{essaimeId}',
  sk: 'PROGRESS',
  indexes: { gsi1: { pk: 'COHORT#{cohortId}#PROGRESS', sk: '{structureNameKey}#{essaimeId}' } },
  personal: true,
  description:
    "An essaimé's place in a cohort: attendance summary (with participants' names), deliverables submitted, inactive participants; a cohort's by structure name on gsi1",
});

export const attendance = itemType({
  type: 'Attendance',
  pk: 'TRAINING#{essaimeId}',
  sk: 'ATT#{moduleId}#{sessionId}#{participantId}',
  indexes: {
    gsi1: { pk: 'SESSION#{sessionId}#ATT', sk: '{essaimeId}#{participantId}' },
    gsi2: { pk: 'MODULE#{moduleId}#ATT', sk: '{essaimeId}#{sessionId}#{participantId}' },
  },
  personal: true,
  description: "A participant's attendance at a session (present, excused, absent, note); a session's on gsi1, a module's on gsi2",
});

export const deliverable = itemType({
  type: 'Deliverable',
  pk: 'TRAINING#{essaimeId}',
  sk: 'DELIVERABLE#{moduleId}',
  personal: false,
  description: "The essaimé's action plan for a module's axis, submitted by its referent; replaced only at the expected version",
});

/** Item types of shared/training (key templates, indexes, personal data). */
export const trainingItemTypes = [cohort, cohortOfSeason, trainingModule, session, essaimeProgress, attendance, deliverable];
