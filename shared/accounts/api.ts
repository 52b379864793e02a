import { pageOf } from '../db/pagination';
import { defineRoute } from '../http/route';
import { changeRoleBody, inviteDelegateBody, inviteUserBody, listUsersQuery, structureParams, userIdParams, userViewSchema } from './schemas';

/**
 * Accounts: staff list users, invite, change roles, deactivate and reactivate; a referent names their
 * structure's delegate. Sign-up and sign-in are Cognito's (locally, its stand-in in scripts/local/accounts.ts).
 */
export const accountsApi = {
  listUsers: defineRoute({
    operationId: 'listUsers',
    method: 'GET',
    path: '/users',
    summary: 'Users of one role (staff, tutor, referent), a page at a time',
    tag: 'accounts',
    access: ['staff'],
    query: listUsersQuery,
    response: { status: 200, description: 'A page of users', schema: pageOf(userViewSchema) },
    errors: [],
  }),
  invite: defineRoute({
    operationId: 'inviteUser',
    method: 'POST',
    path: '/users/invitations',
    summary: 'Invite a person by e-mail as staff, tutor, or referent of a selected structure (account, profile, membership, invitation e-mail)',
    tag: 'accounts',
    access: ['staff'],
    body: inviteUserBody,
    response: { status: 201, description: 'The invited user', schema: userViewSchema },
    errors: ['EMAIL_TAKEN', 'STRUCTURE_UNKNOWN', 'CONFLICT'],
  }),
  changeRole: defineRoute({
    operationId: 'changeUserRole',
    method: 'PUT',
    path: '/users/{userId}/role',
    summary: "Change a user's role (their current tokens are refused until they sign in again)",
    tag: 'accounts',
    access: ['staff'],
    params: userIdParams,
    body: changeRoleBody,
    response: { status: 200, description: 'The user with the new role', schema: userViewSchema },
    errors: ['NOT_FOUND', 'OWN_ACCOUNT', 'ROLE_UNCHANGED', 'CONFLICT'],
  }),
  deactivate: defineRoute({
    operationId: 'deactivateUser',
    method: 'POST',
    path: '/users/{userId}/deactivate',
    summary: 'Deactivate an account: every route refuses it at once; a delegate frees their structure',
    tag: 'accounts',
    access: ['staff'],
    params: userIdParams,
    response: { status: 200, description: 'The deactivated user', schema: userViewSchema },
    errors: ['NOT_FOUND', 'OWN_ACCOUNT', 'ACCOUNT_ALREADY_DEACTIVATED', 'CONFLICT'],
  }),
  reactivate: defineRoute({
    operationId: 'reactivateUser',
    method: 'POST',
    path: '/users/{userId}/reactivate',
    summary: 'Reactivate an account (a delegate only if their structure has no other delegate meanwhile)',
    tag: 'accounts',
    access: ['staff'],
    params: userIdParams,
    response: { status: 200, description: 'The reactivated user', schema: userViewSchema },
    errors: ['NOT_FOUND', 'OWN_ACCOUNT', 'ACCOUNT_ALREADY_ACTIVE', 'DELEGATE_EXISTS'],
  }),
  inviteDelegate: defineRoute({
    operationId: 'inviteDelegate',
    method: 'POST',
    path: '/structures/{structureId}/delegates',
    summary: "The structure's referent invites a delegate (at most one active per structure)",
    tag: 'accounts',
    access: ['referent'],
    params: structureParams,
    body: inviteDelegateBody,
    response: { status: 201, description: 'The invited delegate', schema: userViewSchema },
    errors: ['NOT_YOUR_STRUCTURE', 'DELEGATE_EXISTS', 'EMAIL_TAKEN', 'CONFLICT'],
  }),
};
