import * as z from 'zod/mini';
import { roleSchema } from '../access/principal';

/**
 * How a user is tied to a structure: its referent (director), the delegate the referent named (at most one
 * active per structure; acts as a referent of it), or the A.CO.R. tutor assigned to it.
 */
export const relationSchema = z.enum(['referent', 'delegate', 'tutor']);
export type Relation = z.infer<typeof relationSchema>;

export const membershipSchema = z.object({
  userId: z.string(),
  structureId: z.string(),
  structureName: z.string(),
  relation: relationSchema,
  since: z.string(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const userProfileSchema = z.object({
  userId: z.string(),
  role: roleSchema,
  displayName: z.string(),
  email: z.string(),
  organisation: z.string(),
  /** Set when the person's data was erased (the profile then holds placeholders). */
  erasedAt: z.optional(z.string()),
  /** Set while staff have deactivated the account: every route refuses it at once (shared/identity/principal.ts). */
  deactivatedAt: z.optional(z.string()),
  /** When and how the account came: seeded, self sign-up, invitation (absent on profiles written before accounts). */
  createdAt: z.optional(z.string()),
  origin: z.optional(z.enum(['seed', 'sign-up', 'invitation', 'bootstrap'])),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

/** The answer of GET /me: the caller as the API sees them. */
export const meSchema = z.object({
  userId: z.string(),
  role: roleSchema,
  displayName: z.nullable(z.string()),
  organisation: z.nullable(z.string()),
  structureIds: z.array(z.string()),
  memberships: z.array(z.omit(membershipSchema, { userId: true })),
});
export type MeView = z.infer<typeof meSchema>;

/** A demo user offered by the local sign-in page (local runs only: `GET /local-auth/demo-users`). */
export const demoUserSchema = z.object({
  userId: z.string(),
  role: roleSchema,
  displayName: z.string(),
  description: z.string(),
});
export type DemoUser = z.infer<typeof demoUserSchema>;
