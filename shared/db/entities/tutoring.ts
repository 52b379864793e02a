import { itemType, type ItemType } from '../entity';

/** Item types of shared/tutoring. Key formats are those of the data already stored (demo seed, bench). */

export const tutor = itemType({
  type: 'Tutor',
  pk: 'TUTOR#{userId}',
  sk: 'DIRECTORY',
  indexes: { gsi1: { pk: 'TUTORS', sk: '{nameKey}#{userId}' } },
  personal: true,
  description: 'A tutor of the A.CO.R. directory (name and organisation copied from the profile); the directory by name on gsi1',
});

export const tutorStats = itemType({
  type: 'TutorStats',
  pk: 'TUTOR#{tutorUserId}',
  sk: 'STATS',
  personal: false,
  description: "A tutor's response-time and usefulness counters, kept by the answer and close transactions",
});

export const tutorAssignment = itemType({
  type: 'TutorAssignment',
  pk: 'TUTORASSIGN#{essaimeId}',
  sk: 'CURRENT',
  indexes: { gsi1: { pk: 'TUTOR#{tutorUserId}#ASSIGNMENTS', sk: '{since}#{essaimeId}' } },
  personal: false,
  description: "An essaimé's current tutor assignment; a tutor's essaimés on gsi1, most recent first",
});

export const tutorAssignmentEvent = itemType({
  type: 'TutorAssignmentEvent',
  pk: 'TUTORASSIGN#{essaimeId}',
  sk: 'HIST#{at}#{assignmentId}',
  personal: false,
  description: "One decision of an essaimé's assignment history (confirmed, overridden, reassigned, released)",
});

export const tutoringRequest = itemType({
  type: 'TutoringRequest',
  pk: 'TREQ#{requestId}',
  sk: 'REQUEST',
  indexes: {
    gsi1: { pk: 'TUTOR#{tutorUserId}#TREQ#{state}', sk: '{urgencyRank}#{createdAt}#{requestId}' },
    gsi3: { pk: 'STRUCTURE#{structureId}#TREQ', sk: '{createdAt}#{requestId}' },
  },
  personal: true,
  description:
    "A referent's request to their tutor (free text may name a participant: person refs are written). Tutor's list on gsi1 (most urgent, newest first), structure's list on gsi3; gsi2 see tutoringRequestAnswerIndex",
});

/**
 * gsi2 of a request is sparse and has two shapes (the entity layer declares one template per index): while
 * awaiting a first answer, in the due-date queue; once answered, in the tutor's response-time ranking.
 */
export const tutoringRequestAnswerIndex = {
  awaiting: { pk: 'TREQ#AWAITING', sk: '{dueAt}#{requestId}' },
  responseTimes: { pk: 'TUTORRT#{tutorUserId}', sk: '{paddedMinutes}#{requestId}' },
} as const;

export const essaimeOpenRequests = itemType({
  type: 'EssaimeOpenRequests',
  pk: 'TREQCOUNT#{essaimeId}',
  sk: 'OPEN',
  personal: false,
  description: "How many of an essaimé's requests are open, kept by the open and close transactions (read by cohort progress instead of counting)",
});

export const tutoringMessage = itemType({
  type: 'TutoringMessage',
  pk: 'TREQ#{requestId}',
  sk: 'MSG#{createdAt}#{messageId}',
  personal: true,
  description: 'A message of a request thread (free text)',
});

export const guideEntry = itemType({
  type: 'GuideEntry',
  pk: 'GUIDE#{guideEntryId}',
  sk: 'ENTRY',
  indexes: { gsi1: { pk: 'GUIDE#{seasonId}#{status}', sk: '{axisIndex}#{createdAt}#{guideEntryId}' } },
  personal: true,
  description: "An entry of the guide d'essaimage (keeps the names it must not contain); a season's entries by status on gsi1, in axis order",
});

export const tutoringSettings = itemType({
  type: 'TutoringSettings',
  pk: 'TUTORING#SETTINGS',
  sk: 'SETTINGS',
  personal: false,
  description: 'The response-time target (working days)',
});

export const tutoringItemTypes: ItemType[] = [
  tutor,
  tutorStats,
  tutorAssignment,
  tutorAssignmentEvent,
  tutoringRequest,
  essaimeOpenRequests,
  tutoringMessage,
  guideEntry,
  tutoringSettings,
];
