/**
 * Shapes of the API's resources as the web app uses them (the API's OpenAPI document at /openapi.json is
 * the reference). Only the fields the pages read are listed.
 */
export type Role = 'staff' | 'tutor' | 'referent';
export type Hypothesis = 'A' | 'B';
export type Setting = 'urban' | 'rural' | 'semi-rural';
export type Axis = 'prospecting' | 'loyalty' | 'jobseeker-support' | 'matching' | 'transformation';
export type Principle = 'go-towards-companies' | 'one-offer-one-candidate' | 'realistic-achievable' | 'cre-team';

export interface Membership {
  structureId: string;
  structureName: string;
  relation: 'referent' | 'tutor';
  since: string;
}

export interface Me {
  userId: string;
  role: Role;
  displayName: string | null;
  organisation: string | null;
  structureIds: string[];
  memberships: Membership[];
}

export interface DemoUser {
  userId: string;
  role: Role;
  displayName: string;
  description: string;
}

export type SeasonStatus = 'planning' | 'running' | 'closed';

export interface Season {
  seasonId: string;
  name: string;
  year: number;
  startDate: string;
  endDate: string;
  hypotheses: Hypothesis[];
  status: SeasonStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Territory {
  name: string;
  region: string;
  departement: string;
  departementCode: string;
  setting: Setting;
  population: number;
}

export interface Need {
  axis: Axis;
  priority: number;
  description: string;
}

export interface Participant {
  participantId: string;
  essaimeId: string;
  structureId: string;
  name: string;
  role: string;
  email?: string;
  active: boolean;
  since: string;
  until: string | null;
  replacedBy: string | null;
}

export interface Essaime {
  essaimeId: string;
  seasonId: string;
  callId: string | null;
  applicationId: string | null;
  structureId: string;
  structureName: string;
  legalForm: string;
  territory: Territory;
  hypothesis: Hypothesis;
  referentUserId: string;
  needs: Need[];
  activeParticipantCount: number;
  tutorUserId: string | null;
  createdAt: string;
  version: number;
}

export interface EssaimeWithParticipants extends Essaime {
  participants: Participant[];
}

export interface AuditRecord {
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, unknown>;
}

export interface OutboxMessage {
  messageId: string;
  kind: string;
  recipientUserId: string;
  subject: string;
  body: string;
  related: { entityType: string; entityId: string };
  createdAt: string;
}

// ------------------------------------------------------------------------------------------ calls

export type CriterionKind = 'number' | 'yes_no' | 'signed_attestation' | 'document' | 'choice';

interface CriterionBase {
  criterionId: string;
  label: string;
  description: string;
  hypothesis: Hypothesis;
  requiresEvidence: boolean;
}

export type Criterion =
  | (CriterionBase & { kind: 'number'; unit: string; min?: number; max?: number })
  | (CriterionBase & { kind: 'yes_no'; expected: boolean })
  | (CriterionBase & { kind: 'signed_attestation'; signerRole: string })
  | (CriterionBase & { kind: 'document'; documentLabel: string })
  | (CriterionBase & { kind: 'choice'; options: { value: string; label: string }[]; accepted: string[] });

export type Answer =
  | { kind: 'number'; value: number }
  | { kind: 'yes_no'; value: boolean }
  | { kind: 'signed_attestation'; signed: boolean; signerName?: string; signerRole?: string; signedOn?: string }
  | { kind: 'document'; documentRef: string }
  | { kind: 'choice'; value: string };

export interface RubricItem {
  itemId: string;
  label: string;
  description: string;
  weight: number;
}

export type CallStatus = 'draft' | 'open' | 'closed';

export interface Call {
  callId: string;
  seasonId: string;
  title: string;
  description: string;
  hypotheses: Hypothesis[];
  opensAt: string;
  closesAt: string;
  capacity: { min: number; max: number };
  rubric: RubricItem[];
  status: CallStatus;
  criteriaVersion: number;
  openedAt: string | null;
  closedAt: string | null;
  decisionsPublishedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CallView extends Call {
  criteria: Criterion[];
  selectedCount: number;
  belowMinimum: boolean;
  acceptingApplications: boolean;
}

export interface CriteriaVersion {
  version: number;
  criteria: Criterion[];
  reason: string;
  createdAt: string;
  createdBy: string;
}

export type CriterionStatus = 'met' | 'unmet' | 'missing';
export type EligibilityStatus = 'eligible' | 'ineligible' | 'incomplete';

export interface CriterionResult {
  criterionId: string;
  label: string;
  kind: CriterionKind;
  status: CriterionStatus;
  code: string;
  reason: string;
  requiresEvidence: boolean;
  verification: 'pending' | 'verified' | 'not_verified' | null;
}

export interface EligibilityResult {
  status: EligibilityStatus;
  hypothesis: Hypothesis | null;
  results: CriterionResult[];
  reasons: { criterionId: string | null; code: string; reason: string }[];
  checkedAt?: string;
  criteriaVersion?: number;
}

// ------------------------------------------------------------------------------------- applications

export type ApplicationStatus = 'draft' | 'submitted' | 'under_review' | 'selected' | 'waitlisted' | 'rejected' | 'withdrawn';
export type DecisionOutcome = 'selected' | 'waitlisted' | 'rejected';
export type BudgetSituation = 'surplus' | 'balanced' | 'occasional-deficit' | 'structural-deficit';

export interface StructureInput {
  name: string;
  legalForm?: string;
  address?: string;
  staffFte?: number;
  budgetSituation?: BudgetSituation;
  missions?: string;
  publicServed?: string;
  speRelations?: string;
}

export interface Prescriber {
  name: string;
  kind: 'departement' | 'region' | 'agglomeration' | 'commune' | 'plie' | 'spe' | 'other';
  contactName?: string;
  contactEmail?: string;
}

export interface Person {
  name: string;
  role: string;
  email: string;
}

export interface Application {
  applicationId: string;
  callId: string;
  seasonId: string;
  applicantUserId: string;
  structureId: string;
  status: ApplicationStatus;
  structure: StructureInput;
  territory: Territory | null;
  hypothesis: Hypothesis | null;
  prescriber: Prescriber | null;
  people: Person[];
  referent: Person | null;
  needs: Need[];
  answers: Record<string, Answer>;
  criteriaVersion: number;
  eligibility: EligibilityResult;
  verifications: Record<string, { outcome: 'verified' | 'not_verified'; comment?: string; by?: string; at: string }>;
  correction: { round: number; message: string; requestedAt: string; dueAt: string } | null;
  correctionRounds: number;
  decision: { outcome: DecisionOutcome; rationale: string; decidedAt: string; decidedBy?: string } | null;
  decisionPublishedAt: string | null;
  essaimeId: string | null;
  submittedAt: string | null;
  withdrawnAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Review {
  applicationId: string;
  reviewerUserId: string;
  status: 'assigned' | 'recused' | 'scored';
  scores: Record<string, number>;
  comment: string;
  weightedScore: number | null;
  recusalReason: string | null;
  updatedAt: string;
}

export interface StaffNote {
  noteId: string;
  authorUserId: string;
  text: string;
  createdAt: string;
}

export interface StaffApplication extends Application {
  reviewerUserIds: string[];
  recusedUserIds: string[];
  reviewScores: Record<string, number>;
  score: number | null;
  recusedByYou: boolean;
  reviews: Review[];
  notes: StaffNote[];
}

export interface ApplicationSummary {
  applicationId: string;
  callId: string;
  structureId: string;
  structureName: string;
  legalForm: string | null;
  territory: Territory | null;
  hypothesis: Hypothesis | null;
  status: ApplicationStatus;
  eligibility: { status: EligibilityStatus; criteriaVersion: number; results: CriterionResult[] };
  score: number | null;
  reviewCount: number;
  reviewerUserIds: string[];
  decision: { outcome: DecisionOutcome; decidedAt: string } | null;
  decisionPublishedAt: string | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface PublicationReport {
  published: { selected: number; waitlisted: number; rejected: number };
  essaimeIds: string[];
  failures: { applicationId: string; code: string }[];
  selectedCount: number;
  capacity: { min: number; max: number };
  belowMinimum: boolean;
}
