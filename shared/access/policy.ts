import { forbidden, notFound } from '../errors';
import type { Principal, Role } from './principal';

/**
 * Access decisions, deny by default. Handlers declare the roles a route admits (checked before any use case
 * runs); use cases call these for ownership.
 */
export function hasRole(principal: Principal, allowed: readonly Role[]): boolean {
  return allowed.includes(principal.role);
}

export function assertRole(principal: Principal, allowed: readonly Role[]): void {
  if (!hasRole(principal, allowed)) throw forbidden('ROLE_NOT_ALLOWED', 'Your role does not allow this action');
}

/** Staff see every structure; referents and tutors only those tied to them. */
export function canAccessStructure(principal: Principal, structureId: string): boolean {
  if (principal.role === 'staff') return true;
  return principal.structureIds.includes(structureId);
}

/**
 * Refuses access to a structure's records. By default answers 404, so that a caller cannot learn that a
 * record of another structure exists.
 */
export function assertStructureAccess(
  principal: Principal,
  structureId: string,
  what = 'Record',
  options: { revealExistence?: boolean } = {},
): void {
  if (canAccessStructure(principal, structureId)) return;
  throw options.revealExistence ? forbidden('NOT_YOUR_STRUCTURE', 'This record belongs to another structure') : notFound(what);
}
