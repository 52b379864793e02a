import { z } from 'zod';
import { roleSchema } from '../access/principal';

/** How a user is tied to a structure: its referent, or the A.CO.R. tutor assigned to it. */
export const relationSchema = z.enum(['referent', 'tutor']);
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
  erasedAt: z.string().optional(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

/** The answer of GET /me: the caller as the API sees them. */
export const meSchema = z.object({
  userId: z.string(),
  role: roleSchema,
  displayName: z.string().nullable(),
  organisation: z.string().nullable(),
  structureIds: z.array(z.string()),
  memberships: z.array(membershipSchema.omit({ userId: true })),
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
