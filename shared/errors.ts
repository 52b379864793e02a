/**
 * Named errors of the domain, declared once. Use cases throw them; the HTTP layer turns each into its
 * status; each route lists the codes it can answer (OpenAPI shows them); the web translates every code
 * (its message table is keyed by `ErrorCode`, so the compiler refuses a missing or an unknown code).
 */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 503;

/** Every error code the API answers, with its HTTP status and what it means. */
export const errorCatalogue = {
ACCOUNT_ALREADY_ACTIVE: { status: 409, description: "This account is already active" },
  ACCOUNT_ALREADY_DEACTIVATED: { status: 409, description: "This account is already deactivated" },
  ACCOUNT_DEACTIVATED: { status: 403, description: "This account has been deactivated by the programme team" },
  ACCOUNT_NOT_CONFIRMED: { status: 403, description: "Confirm your e-mail address before signing in" },
  ACTION_PLAN_ALREADY_VALIDATED: { status: 409, description: "This version of the action plan is already validated" },
  ACTION_PLAN_MISSING: { status: 422, description: "No action plan of this essaimé of the season for this year" },
  ALREADY_ASSIGNED: { status: 409, description: "This tutor is already assigned to the essaimé" },
  ALREADY_RECUSED: { status: 409, description: "You already recused yourself from this application" },
  APPLICATION_CHANGED: { status: 409, description: "The application changed meanwhile; retry" },
  APPLICATION_EXISTS: { status: 409, description: "You already have an application to this call" },
  APPLICATION_INCOMPLETE: { status: 422, description: "The application is not complete" },
  APPLICATION_INELIGIBLE: { status: 422, description: "The application does not meet every criterion" },
  APPLICATION_NOT_DRAFT: { status: 409, description: "Only a draft application can be edited or submitted" },
  APPLICATION_NOT_SUBMITTED: { status: 409, description: "The application has not been submitted: it has no receipt yet" },
  APPLICATION_NOT_IN_REVIEW: { status: 409, description: "The application is not under review" },
  APPLICATION_WITHDRAWN: { status: 409, description: "The application is already withdrawn" },
  ASSESSMENT_IN_FUTURE: { status: 422, description: "Fidelity cannot be assessed on a day still to come" },
  ATTACHMENT_CHECKSUM_MISMATCH: { status: 422, description: "The file's SHA-256 is not the one declared; the file was removed" },
  ATTACHMENT_EXTENSION_MISMATCH: { status: 422, description: "The file name's extension does not match its declared type" },
  ATTACHMENT_NOT_UPLOADED: { status: 409, description: "No file was uploaded for this document yet (or its upload expired)" },
  ATTACHMENT_SIZE_MISMATCH: { status: 422, description: "The uploaded file's size is not the one declared; the file was removed" },
  ATTACHMENT_TOO_LARGE: { status: 413, description: "Documents are limited to 10 MB" },
  ATTACHMENT_TYPE_MISMATCH: { status: 422, description: "The file's content is not of its declared type; the file was removed" },
  ATTACHMENT_TYPE_NOT_ACCEPTED: { status: 422, description: "Accepted documents: PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, DOC, XLS" },
  ATTENDANCE_CHANGED: { status: 409, description: "Attendance of this session was changed meanwhile; reload it and retry" },
  CALL_ALREADY_OPEN: { status: 409, description: "The call has already been opened" },
  CALL_ALREADY_CLOSED: { status: 409, description: "The call is already closed" },
  CALL_CLOSED: { status: 409, description: "The call has closed; no application can be submitted any more" },
  CALL_FROZEN: { status: 409, description: "The hypotheses and rubric of a call cannot change once it is open" },
  CALL_FULL: { status: 409, description: "The call already has its maximum of selected applications" },
  CALL_NOT_OPEN: { status: 409, description: "The call is not open yet" },
  CALL_NOT_YET_OPEN: { status: 409, description: "The call is not open yet" },
  CALL_STILL_OPEN: { status: 409, description: "Decisions are published once the call is closed" },
  CAPACITY_BELOW_LOAD: { status: 422, description: "The tutor already follows more essaimés than this capacity; reassign some first" },
  CAPACITY_BELOW_SELECTED: { status: 409, description: "More applications are already selected than this maximum" },
  CLOSING_DATE_PASSED: { status: 422, description: "The closing date has passed; move it before opening" },
  COHORT_EXISTS: { status: 409, description: "This season already has its cohort" },
  CONDITIONS_REQUIRED: { status: 422, description: "A conditional label states its conditions" },
  CONFLICT: { status: 409, description: "The record changed meanwhile; reload and retry" },
  CONTRADICTORY_FACTS: { status: 422, description: "The same fact (staff FTE, budget situation) was given two different values in one request" },
  COUNTER_INCONSISTENT: { status: 409, description: "The selection counter is already at zero" },
  CRITERIA_FROZEN: { status: 409, description: "The criteria are frozen since the call opened; create a new criteria version instead" },
  CRITERIA_MISSING: { status: 422, description: "A hypothesis of the call has no criterion" },
  CRITERIA_VERSION_TAKEN: { status: 409, description: "Another criteria version was created meanwhile; reload and retry" },
  CRITERION_NOT_VERIFIABLE: { status: 422, description: "This criterion does not apply to the application or needs no evidence" },
  DECISIONS_PENDING: { status: 409, description: "Submitted applications have no decision yet: decide them, or publish with waitlistUndecided to waitlist them" },
  DECISION_NOT_FOR_BODY: { status: 422, description: "This body does not take this decision" },
  DECISION_NOT_PUBLISHED: { status: 409, description: "There is no published decision on this application yet" },
  DECISION_PUBLISHED: { status: 409, description: "The decision on this application is published and final" },
  DECISION_UNCHANGED: { status: 409, description: "The application already has this decision" },
  DELEGATE_EXISTS: { status: 409, description: "This structure already has an active delegate" },
  DELIVERABLE_EXISTS: { status: 409, description: "A deliverable was already submitted for this module; send expectedVersion to replace it" },
  DRAFT_CALL_OUTSIDE_HYPOTHESES: { status: 409, description: "A draft call of the season accepts a hypothesis the decision drops" },
  DUE_BEFORE_OPENING: { status: 422, description: "A stage falls due after it opens" },
  EMAIL_TAKEN: { status: 409, description: "An account already exists with this e-mail address" },
  ESSAIME_ALREADY_IN_COHORT: { status: 409, description: "This essaimé already follows the training" },
  ESSAIME_EXISTS: { status: 409, description: "This structure is already an essaimé of the season" },
  ESSAIME_TUTOR_CHANGED: { status: 409, description: "The essaimé's tutor was changed meanwhile; reload and retry" },
  FILTER_REQUIRED: { status: 400, description: "Give tutorUserId, structureId or overdue=true" },
  GUIDE_ENTRY_ALREADY_REVIEWED: { status: 409, description: "Ansa has already reviewed this guide entry; ask them for any change" },
  GUIDE_WORDING_NOT_GENERALISED: { status: 422, description: "The guide wording must not name a structure, a territory or a person, nor hold contact details" },
  HYPOTHESIS_NOT_ACCEPTED: { status: 422, description: "This call does not accept this hypothesis" },
  HYPOTHESIS_NOT_IN_SEASON: { status: 422, description: "The season did not retain this hypothesis" },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, description: "A request with this Idempotency-Key is still being processed; retry in a moment" },
  IDEMPOTENCY_KEY_REUSED: { status: 422, description: "This Idempotency-Key was already used for a different request" },
  IMPORT_ROWS_INVALID: { status: 422, description: "Some rows of the import are not valid; nothing was written" },
  INCONSISTENT_FIGURES: { status: 422, description: "Some figures are not consistent" },
  INDICATORS_BEFORE_HYPOTHESES: { status: 409, description: "The result indicators are validated once the hypotheses are chosen" },
  INTERNAL_ERROR: { status: 500, description: "An unexpected error occurred; it has been logged" },
  INVALID_ANSWER: { status: 422, description: "Some answers do not fit the criteria of the call" },
  INVALID_ANSWERS: { status: 422, description: "Some answers are not valid" },
  INVALID_ATTENDANCE: { status: 422, description: "Some records do not match the essaimés of the cohort" },
  INVALID_CREDENTIALS: { status: 401, description: "Wrong e-mail address or password" },
  INVALID_CURSOR: { status: 400, description: "The pagination cursor is not valid" },
  INVALID_DATES: { status: 422, description: "The closing date must come after the opening date" },
  INVALID_JSON: { status: 400, description: "The request body is not valid JSON" },
  INVITATION_INVALID: { status: 422, description: "This invitation link is not valid or has expired" },
  INVALID_TEMPLATE: { status: 422, description: "The template is not consistent" },
  MEETING_IN_FUTURE: { status: 422, description: "A meeting is recorded once it has taken place" },
  NOTHING_TO_RATE: { status: 422, description: "The request has no answer to rate" },
  NOT_ANSWERED: { status: 422, description: "Answer the request before marking it for the guide" },
  NOT_ACOR_LEAD: { status: 403, description: "Only the A.CO.R. lead decides the label" },
  NOT_ASSIGNED_REVIEWER: { status: 403, description: "Only a reviewer assigned to this application can score it" },
  NOT_A_TUTOR: { status: 422, description: "Only a user with the tutor role can be listed in the tutor directory" },
  NOT_FOUND: { status: 404, description: "The record does not exist (or is not yours to see)" },
  NOT_YOUR_DATA: { status: 403, description: "This belongs to another user" },
  NOT_YOUR_STRUCTURE: { status: 403, description: "This record belongs to another structure" },
  NO_ACTIVE_PROFILE: { status: 403, description: "Your account has no active profile in the programme" },
  NO_ESSAIMES: { status: 422, description: "The season has no selected structure (essaimé) yet" },
  NO_FIDELITY_ASSESSMENT: { status: 422, description: "Fidelity to the four principles must be assessed before labelling" },
  NO_QUESTIONNAIRE: { status: 409, description: "This stage has no questionnaire" },
  NO_ROLE: { status: 403, description: "Your account has no role in the programme" },
  NO_TUTOR: { status: 409, description: "The essaimé has no tutor" },
  NO_TUTOR_ASSIGNED: { status: 422, description: "No tutor is assigned to this essaimé yet; Ansa will assign one" },
  OWN_ACCOUNT: { status: 422, description: "You cannot change your own role nor deactivate your own account" },
  PARTICIPANT_ALREADY_ACTIVE: { status: 409, description: "This person already follows the training for this essaimé" },
  PARTICIPANT_LIMIT: { status: 409, description: "An essaimé has at most 3 active participants; replace one instead" },
  PARTICIPANT_NOT_ACTIVE: { status: 409, description: "This participant is no longer active" },
  PERSONAL_DATA_IN_NOTES: { status: 422, description: "Notes hold no email address nor phone number" },
  PAYLOAD_TOO_LARGE: { status: 413, description: "The request body is too large" },
  QUESTIONNAIRE_LIMIT: { status: 409, description: "At most 30 questionnaire answers per structure" },
  RATING_REQUIRED: { status: 422, description: "Rate how useful the answer was (1 to 5)" },
  RECUSED_FROM_APPLICATION: { status: 403, description: "You declared a conflict of interest on this application" },
  REPORT_INCOMPLETE: { status: 422, description: "Some required answers are missing" },
  REPORT_LOCKED: { status: 409, description: "The report has been accepted: it is locked" },
  REPORT_NOT_ACCEPTED: { status: 409, description: "Only an accepted report can be reopened" },
  REPORT_NOT_FOUND: { status: 404, description: "Report not found" },
  REPORT_NOT_SUBMITTED: { status: 409, description: "The report has not been submitted" },
  REPORT_SUBMITTED: { status: 409, description: "The report is submitted and awaits review" },
  REQUEST_CLOSED: { status: 409, description: "The request is closed" },
  RESPOND_BY_PASSED: { status: 422, description: "The date to answer by must be in the future" },
  REVIEWER_ALREADY_ASSIGNED: { status: 409, description: "This reviewer is already assigned" },
  REVIEWER_NOT_STAFF: { status: 422, description: "Reviewers are members of the Ansa staff" },
  REVIEWER_RECUSED: { status: 409, description: "This reviewer declared a conflict of interest on this application" },
  ROLE_CHANGED: { status: 401, description: "Your role changed: sign in again" },
  ROLE_NOT_ALLOWED: { status: 403, description: "Your role does not allow this action" },
  ROLE_UNCHANGED: { status: 409, description: "The user already has this role" },
  ROUTE_NOT_FOUND: { status: 404, description: "No route for this method and path" },
  RUBRIC_MISMATCH: { status: 422, description: "Score every item of the rubric, and only those" },
  SEASON_NOT_FOUND: { status: 422, description: "No such season" },
  SEASON_YEAR_TAKEN: { status: 409, description: "A season already exists for this year" },
  SERVICE_UNAVAILABLE: { status: 503, description: "The database is unavailable or overloaded for a moment; retry after the delay given by Retry-After" },
  SESSION_CANCELLED: { status: 409, description: "The session is cancelled" },
  SESSION_HAS_ATTENDANCE: { status: 409, description: "Attendance is already recorded for this session; it can no longer be moved or cancelled" },
  SESSION_NOT_HELD_YET: { status: 422, description: "Attendance can be recorded from the day of the session" },
  SESSION_OUTSIDE_COHORT: { status: 422, description: "Sessions take place within the five months of the cohort" },
  SIGN_UP_CODE_INVALID: { status: 422, description: "This confirmation code is not valid or has expired" },
  STAGES_EXIST: { status: 409, description: "This season already has stages; add or edit them one by one" },
  STAGES_OVERLAP: { status: 422, description: "Each stage opens once the previous one is due" },
  STAGE_ALREADY_OPEN: { status: 409, description: "The stage has opened: its opening date can no longer change" },
  STAGE_NOT_OPEN: { status: 409, description: "The stage is not open yet" },
  STALE_VERSION: { status: 409, description: "The record was changed by someone else; reload it and retry" },
  STRUCTURE_UNKNOWN: { status: 422, description: "No selected structure (essaimé) has this id" },
  STRUCTURE_REQUIRED: { status: 400, description: "Say which of your structures" },
  TOO_MANY_REVIEWERS: { status: 409, description: "The application already has its maximum of reviewers" },
  TRANSACTION_CONFLICT: { status: 409, description: "Another change touched the same records; retry" },
  TUTOR_AT_CAPACITY: { status: 409, description: "The tutor has no capacity left (or is no longer available)" },
  TUTOR_EXISTS: { status: 409, description: "This user is already in the tutor directory" },
  TUTOR_LOAD_CHANGED: { status: 409, description: "The previous tutor's load changed meanwhile; retry" },
  TUTOR_NOT_IN_DIRECTORY: { status: 422, description: "This user is not in the tutor directory" },
  TUTOR_UNAVAILABLE: { status: 422, description: "This tutor is marked unavailable" },
  UNAUTHORIZED: { status: 401, description: "No valid token: sign in again" },
  UNKNOWN_ESSAIME: { status: 422, description: "This essaimé is not one of the season of the stage" },
  UNKNOWN_EXPERT: { status: 422, description: "Every expert must be an A.CO.R. tutor of the programme" },
  UNKNOWN_MODULE: { status: 422, description: "No such module in this cohort" },
  WEAK_PASSWORD: { status: 422, description: "The password needs at least 12 characters, with a lower-case and an upper-case letter, a digit and a symbol" },
  VERIFICATION_PENDING: { status: 422, description: "Some criteria still need staff verification before selection" },
  VALIDATION_FAILED: { status: 400, description: "The request does not match its schema; details give the field paths" },
} as const satisfies Record<string, { status: Status; description: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/** The codes answered with status S. */
export type CodeWithStatus<S extends Status> = {
  [K in ErrorCode]: (typeof errorCatalogue)[K]['status'] extends S ? K : never;
}[ErrorCode];

export class DomainError extends Error {
  readonly status: Status;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = errorCatalogue[code].status;
  }
}

export const badRequest = (code: CodeWithStatus<400>, message: string, details: ErrorDetail[] = []) =>
  new DomainError(code, message, details);
export const unauthorized = (message = 'Authentication required') => new DomainError('UNAUTHORIZED', message);
export const forbidden = (code: CodeWithStatus<403>, message: string) =>
  new DomainError(code, message);
export const notFound = (what: string, code: CodeWithStatus<404> = 'NOT_FOUND') =>
  new DomainError(code, `${what} not found`);
export const conflict = (code: CodeWithStatus<409>, message: string, details: ErrorDetail[] = []) =>
  new DomainError(code, message, details);
export const unprocessable = (code: CodeWithStatus<422>, message: string, details: ErrorDetail[] = []) =>
  new DomainError(code, message, details);
