import * as z from 'zod/mini';
import { roleSchema } from '../access/principal';
import { pageQuery } from '../db/pagination';
import { idSchema } from '../ids';

const email = z.email().check(z.maxLength(254));
const personName = z.string().check(z.trim(), z.minLength(2), z.maxLength(120));

/** Staff invite a person with a role; a referent is invited for one selected structure. */
export const inviteUserBody = z.strictObject({
    email,
    displayName: personName,
    organisation: z.optional(z.string().check(z.trim(), z.maxLength(160))),
    role: roleSchema,
    structureId: z.optional(idSchema('structure')),
  }).check(z.refine((b) => (b.role === 'referent') === (b.structureId !== undefined), {
    message: 'A referent is invited for one structure (structureId), staff and tutors for none',
    path: ['structureId'],
  }));
export type InviteUserInput = z.output<typeof inviteUserBody>;

export const inviteDelegateBody = z.strictObject({ email, displayName: personName });
export type InviteDelegateInput = z.output<typeof inviteDelegateBody>;

export const changeRoleBody = z.strictObject({ role: roleSchema });

export const listUsersQuery = z.extend(pageQuery, { role: roleSchema });

export const userIdParams = z.strictObject({ userId: z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/)) });
export const structureParams = z.strictObject({ structureId: idSchema('structure') });

/** A user as staff see them in the users list. */
export const userViewSchema = z.object({
  userId: z.string(),
  role: roleSchema,
  displayName: z.string(),
  email: z.string(),
  organisation: z.string(),
  status: z.enum(['active', 'deactivated', 'erased']),
  deactivatedAt: z.nullable(z.string()),
  createdAt: z.nullable(z.string()),
  origin: z.nullable(z.enum(['seed', 'sign-up', 'invitation', 'bootstrap'])),
});
export type UserView = z.infer<typeof userViewSchema>;

/** Self sign-up (local stand-in for Cognito's SignUp): the same fields the hosted UI asks. */
export const signUpBody = z.strictObject({ email, password: z.string().check(z.minLength(1), z.maxLength(256)), displayName: personName, organisation: z._default(z.string().check(z.trim(), z.maxLength(160)), '') });
export const confirmSignUpBody = z.strictObject({ userId: z.uuid(), code: z.string().check(z.regex(/^\d{6}$/)) });
export const signInBody = z.strictObject({ email, password: z.string().check(z.minLength(1), z.maxLength(256)) });
export const activateBody = z.strictObject({ token: z.string().check(z.minLength(20), z.maxLength(200)), password: z.string().check(z.minLength(1), z.maxLength(256)) });
