import * as z from 'zod';
import { roleSchema } from '../access/principal';
import { pageQuery } from '../db/pagination';
import { idSchema } from '../ids';

const email = z.email().max(254);
const personName = z.string().trim().min(2).max(120);

/** Staff invite a person with a role; a referent is invited for one selected structure. */
export const inviteUserBody = z
  .object({
    email,
    displayName: personName,
    organisation: z.string().trim().max(160).optional(),
    role: roleSchema,
    structureId: idSchema('structure').optional(),
  })
  .strict()
  .refine((b) => (b.role === 'referent') === (b.structureId !== undefined), {
    message: 'A referent is invited for one structure (structureId), staff and tutors for none',
    path: ['structureId'],
  });
export type InviteUserInput = z.output<typeof inviteUserBody>;

export const inviteDelegateBody = z.object({ email, displayName: personName }).strict();
export type InviteDelegateInput = z.output<typeof inviteDelegateBody>;

export const changeRoleBody = z.object({ role: roleSchema }).strict();

export const listUsersQuery = pageQuery.extend({ role: roleSchema });

export const userIdParams = z.object({ userId: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/) }).strict();
export const structureParams = z.object({ structureId: idSchema('structure') }).strict();

/** A user as staff see them in the users list. */
export const userViewSchema = z.object({
  userId: z.string(),
  role: roleSchema,
  displayName: z.string(),
  email: z.string(),
  organisation: z.string(),
  status: z.enum(['active', 'deactivated', 'erased']),
  deactivatedAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  origin: z.enum(['seed', 'sign-up', 'invitation', 'bootstrap']).nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

/** Self sign-up (local stand-in for Cognito's SignUp): the same fields the hosted UI asks. */
export const signUpBody = z
  .object({ email, password: z.string().min(1).max(256), displayName: personName, organisation: z.string().trim().max(160).default('') })
  .strict();
export const confirmSignUpBody = z.object({ userId: z.string().uuid(), code: z.string().regex(/^\d{6}$/) }).strict();
export const signInBody = z.object({ email, password: z.string().min(1).max(256) }).strict();
export const activateBody = z.object({ token: z.string().min(20).max(200), password: z.string().min(1).max(256) }).strict();
