import * as z from 'zod/mini';

export const roles = ['staff', 'tutor', 'referent'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/**
 * Who is calling. Built from the verified JWT claims (identity, role) and from data (which structures the
 * caller is tied to), never from the request body.
 */
export interface Principal {
  userId: string;
  role: Role;
  /** referent: the structures they represent; tutor: the structures assigned to them; staff: empty (sees all). */
  structureIds: string[];
}

/** Claims as API Gateway HTTP API hands them to Lambda: string values, arrays flattened to "[a b]". */
export type JwtClaims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * Groups exactly as Cognito writes them: an array in the token, which API Gateway hands to Lambda as "[a b]".
 * Cognito group names hold no whitespace but may hold commas, so a group `partners,staff` stays one group.
 */
function groupsOf(value: JwtClaims[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const listed = /^\[(.*)\]$/s.exec(value);
  return listed ? listed[1]!.split(/\s+/).filter(Boolean) : [value];
}

/** Highest-privilege group wins when a user is in several; none of ours means no role at all. */
export function roleFromClaims(claims: JwtClaims): Role | undefined {
  const groups = groupsOf(claims['cognito:groups']);
  return roles.find((role) => groups.includes(role));
}

export function subjectFromClaims(claims: JwtClaims): string | undefined {
  const sub = claims.sub;
  return typeof sub === 'string' && sub.length > 0 ? sub : undefined;
}

/**
 * The API takes Cognito ID tokens (the web app sends the ID token; it names the user), in AWS and locally.
 * API Gateway's JWT authorizer would also pass the client's access tokens (client_id instead of aud): refused here.
 */
export function isAcceptedToken(claims: JwtClaims): boolean {
  return claims.token_use === 'id';
}
