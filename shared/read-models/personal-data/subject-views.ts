import { applicationEntity } from '../../applications/entities';
import { applicantView } from '../../applications/views';
import type { PersonRef } from '../../db/person-refs';
import { logger } from '../../logger';
import { itemHolds } from './rules';

/**
 * What a person's data export shows of each item type: the view of the person themself (GDPR right of
 * access), never staff's records about them. Staff exporting someone's data get the same view: the export
 * is what is handed to the person, so it must not depend on who runs it (staff read their own records,
 * reviews and private notes, through the staff routes).
 *
 * Every item type of the registry is classified here (a test checks it), so a new type cannot reach the
 * export without a decision; an item of a type not listed (not in the registry) is left out.
 */
export interface SubjectContext {
  person: PersonRef;
  needles: string[];
}

type Data = Record<string, unknown>;
type View = (data: Data, ctx: SubjectContext) => Data | null;
export type SubjectClassification =
  | { kind: 'as-stored' }
  | { kind: 'view'; view: View }
  | { kind: 'excluded'; why: 'staff-only' | 'not-about-a-person' | 'internal' };

const asStored = { kind: 'as-stored' } as const;
const staffOnly = { kind: 'excluded', why: 'staff-only' } as const;
const notAboutAPerson = { kind: 'excluded', why: 'not-about-a-person' } as const;

/** The application as its applicant reads it (no reviewers, scores, notes, verifiers, nor an unpublished decision). */
function applicationForSubject(data: Data): Data | null {
  try {
    return applicantView(applicationEntity.parse(data));
  } catch {
    logger.warn('Application left out of a personal-data export: unreadable');
    return null;
  }
}

/**
 * An audit entry: the person's own actions as recorded; entries about the person (their record) without
 * who on the staff made them. Entries of other records (their application's review, their essaimé's) are
 * staff's history of those records and stay out: their action names alone would tell a score or an
 * unpublished decision.
 */
function auditEntryForSubject(data: Data, { person }: SubjectContext): Data | null {
  const { day: _day, entryId: _entryId, ...entry } = data;
  if (person.kind === 'user' && entry.actorId === person.id) return entry;
  if (entry.entityType === person.kind && entry.entityId === person.id) {
    const { actorId: _actor, ...rest } = entry;
    return rest;
  }
  return null;
}

/** A meeting the person attended: that they were there, not the committee's decisions nor notes. */
function meetingForSubject(data: Data, ctx: SubjectContext): Data | null {
  const members = Array.isArray(data.membersPresent) ? (data.membersPresent as Data[]) : [];
  const theirs = members.filter((m) => m.userId === ctx.person.id || itemHolds(m, ctx.needles));
  if (!theirs.length) return null;
  return { meetingId: data.meetingId, seasonId: data.seasonId, body: data.body, date: data.date, title: data.title, membersPresent: theirs };
}

/** An action plan naming the person as one of its two referents: that they are, not the plan's contents. */
function actionPlanForSubject(data: Data, ctx: SubjectContext): Data | null {
  const referents = data.referents && typeof data.referents === 'object' ? (data.referents as Record<string, Data>) : {};
  const theirs = Object.fromEntries(Object.entries(referents).filter(([, r]) => r.userId === ctx.person.id || itemHolds(r, ctx.needles)));
  if (!Object.keys(theirs).length) return null;
  return { essaimeId: data.essaimeId, year: data.year, structureName: data.structureName, referents: theirs };
}

/** A guide entry keeps names it must not publish: show which of the person's, not the editors' working notes. */
function guideEntryForSubject(data: Data, ctx: SubjectContext): Data | null {
  const terms = Array.isArray(data.sensitiveTerms) ? (data.sensitiveTerms as unknown[]).filter((t) => itemHolds({ t }, ctx.needles)) : [];
  if (!terms.length) return null;
  return { guideEntryId: data.guideEntryId, seasonId: data.seasonId, status: data.status, sensitiveTerms: terms };
}

export const subjectViews: Record<string, SubjectClassification> = {
  Application: { kind: 'view', view: applicationForSubject },
  Review: staffOnly,
  StaffNote: staffOnly,
  ApplicationUnique: { kind: 'excluded', why: 'internal' },
  DossierCounter: notAboutAPerson,
  DossierNumber: { kind: 'excluded', why: 'internal' },
  AuditEntry: { kind: 'view', view: auditEntryForSubject },
  Call: notAboutAPerson,
  CallCounter: notAboutAPerson,
  CriteriaVersion: notAboutAPerson,
  Essaime: asStored,
  EssaimeUnique: { kind: 'excluded', why: 'internal' },
  EssaimeOpenRequests: notAboutAPerson,
  Participant: asStored,
  ActiveParticipantEmail: { kind: 'excluded', why: 'internal' },
  EvaluationStage: notAboutAPerson,
  ReportTemplate: notAboutAPerson,
  EvaluationReport: asStored,
  QuestionnaireResponse: asStored,
  QuestionnaireCount: notAboutAPerson,
  EvaluationAggregate: notAboutAPerson,
  FidelityAssessment: asStored,
  FidelityAssessmentAtDate: asStored,
  LabelDecision: asStored,
  AcorLead: asStored,
  // A role and notes without names or contact details: about a structure, never a person.
  StageInterview: notAboutAPerson,
  SteeringMeeting: { kind: 'view', view: meetingForSubject },
  SeasonGovernance: notAboutAPerson,
  ActionPlan: { kind: 'view', view: actionPlanForSubject },
  UserProfile: asStored,
  Membership: asStored,
  // Accounts' own keeping (shared/accounts): a hashed e-mail key, a structure's delegate slot, and locally the
  // stand-in for Cognito (a password hash, a hashed invitation link): the person's data is in their profile.
  AccountEmail: { kind: 'excluded', why: 'internal' },
  DelegateSlot: { kind: 'excluded', why: 'internal' },
  LocalCredential: { kind: 'excluded', why: 'internal' },
  LocalInvitation: { kind: 'excluded', why: 'internal' },
  OutboxMessage: asStored,
  PersonRef: { kind: 'excluded', why: 'internal' },
  IdempotencyRecord: { kind: 'excluded', why: 'internal' },
  Season: notAboutAPerson,
  SeasonYear: notAboutAPerson,
  SeedMarker: { kind: 'excluded', why: 'internal' },
  Cohort: notAboutAPerson,
  CohortOfSeason: notAboutAPerson,
  TrainingModule: notAboutAPerson,
  Session: notAboutAPerson,
  EssaimeProgress: asStored,
  Attendance: asStored,
  Deliverable: asStored,
  Tutor: asStored,
  TutorStats: notAboutAPerson,
  TutorAssignment: notAboutAPerson,
  TutorAssignmentEvent: staffOnly,
  TutoringRequest: asStored,
  TutoringMessage: asStored,
  GuideEntry: { kind: 'view', view: guideEntryForSubject },
  TutoringSettings: notAboutAPerson,
  Attachment: asStored,
  Thread: notAboutAPerson,
  ThreadMessage: asStored,
  ThreadReader: notAboutAPerson,
};

/** The item as the person sees it, or null when it is not theirs to see (or of no known type). */
export function subjectView(entityType: string, data: Data, ctx: SubjectContext): Data | null {
  const classification = subjectViews[entityType];
  if (!classification || classification.kind === 'excluded') return null;
  return classification.kind === 'as-stored' ? data : classification.view(data, ctx);
}
