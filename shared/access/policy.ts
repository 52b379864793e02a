import { forbidden, notFound } from '../errors';
import type { Principal, Role } from './principal';

/**
 * Access decisions, deny by default. Handlers check the roles a route admits before any use case runs; use
 * cases call the named rules below for ownership. Each rule has ONE answer:
 * - 404 where the caller must not learn that a record exists (another structure's, another tutor's);
 * - 403 where the caller already knows what they ask for (their own id in the path, a structure they name).
 */
export function hasRole(principal: Principal, allowed: readonly Role[]): boolean {
  return allowed.includes(principal.role);
}

export function assertRole(principal: Principal, allowed: readonly Role[]): void {
  if (!hasRole(principal, allowed)) throw forbidden('ROLE_NOT_ALLOWED', 'Your role does not allow this action');
}

/** Ansa's staff see everything: lists are not narrowed, drafts and private notes are shown. */
export const isStaff = (principal: Principal) => principal.role === 'staff';

/** Staff see every structure; referents and tutors only those tied to them. */
export function canAccessStructure(principal: Principal, structureId: string): boolean {
  return isStaff(principal) || principal.structureIds.includes(structureId);
}

/** A structure's records (essaimé, report, request...): staff, or a user tied to the structure. 404 otherwise. */
export function assertStructureVisible(principal: Principal, structureId: string, what = 'Record'): void {
  if (!canAccessStructure(principal, structureId)) throw notFound(what);
}

/** Acting on behalf of a structure the caller names (applying for it): only its referent. 403 NOT_YOUR_STRUCTURE. */
export function assertReferentOf(principal: Principal, structureId: string): void {
  if (principal.role !== 'referent' || !principal.structureIds.includes(structureId)) {
    throw forbidden('NOT_YOUR_STRUCTURE', 'You can act on behalf of a structure only if you are its referent');
  }
}

/** A person's own data (their export, their tutor entry, their assignments): staff, or that person. 403 NOT_YOUR_DATA. */
export function assertSelfOrStaff(principal: Principal, userId: string): void {
  if (!isStaff(principal) && principal.userId !== userId) throw forbidden('NOT_YOUR_DATA', 'You may reach only your own data');
}

/** Something only the tutor it is assigned to may do (mark a request for the guide). 404 to anyone else. */
export function assertAssignedTutor(principal: Principal, tutorUserId: string | null | undefined, what = 'Record'): void {
  if (principal.role !== 'tutor' || !tutorUserId || principal.userId !== tutorUserId) throw notFound(what);
}

/**
 * A record followed by a tutor for a structure (an essaimé, a tutoring request): a tutor sees it only while
 * it is assigned to them, whatever structures they follow; staff and the structure's referent see it. 404 otherwise.
 */
export function assertFollowedRecordVisible(
  principal: Principal,
  record: { structureId: string; tutorUserId: string | null | undefined },
  what = 'Record',
): void {
  if (principal.role === 'tutor') assertAssignedTutor(principal, record.tutorUserId, what);
  else assertStructureVisible(principal, record.structureId, what);
}

/**
 * A record a user created for a structure (an application): staff; its author; and, for reading only, the
 * referents of the structure. 404 otherwise.
 */
export function assertAuthorOrStructureReader(
  principal: Principal,
  record: { authorUserId: string; structureId: string },
  mode: 'read' | 'write',
  what = 'Record',
): void {
  if (isStaff(principal) || record.authorUserId === principal.userId) return;
  if (mode === 'read' && principal.role === 'referent' && principal.structureIds.includes(record.structureId)) return;
  throw notFound(what);
}

/** Contact details of participants (e-mail): staff and referents (who only reach their own structure's). */
export const seesContactDetails = (principal: Principal) => principal.role === 'staff' || principal.role === 'referent';

/**
 * A structure–Ansa thread: staff; the applicant of the application it belongs to; a referent (or delegate)
 * of the structure. Tutors keep their own request threads and never reach these. 404 otherwise.
 */
export function assertThreadParticipant(principal: Principal, thread: { structureId: string; applicantUserId: string | null }): void {
  if (isStaff(principal)) return;
  if (principal.role === 'referent' && (thread.applicantUserId === principal.userId || principal.structureIds.includes(thread.structureId))) return;
  throw notFound('Thread');
}
