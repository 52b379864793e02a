import type { Principal, Role } from '../access/principal';
import { assertRole } from '../access/policy';
import type { Page, PageQuery } from '../db/pagination';
import { commit, type Write } from '../db/transact';
import { conflict, forbidden, notFound, unprocessable } from '../errors';
import { listEssaimesOfStructure } from '../essaimes/repository';
import { getProfile, loadUser } from '../identity/repository';
import type { Membership, UserProfile } from '../identity/schemas';
import { outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { directory, type CreatedAccount } from './directory';
import { invitationMessage, welcomeMessage } from './messages';
import {
  accountEmailWrite,
  deactivateWrite,
  getDelegateSlot,
  listUsersOfRole,
  newMembershipWrite,
  newProfileWrite,
  reactivateWrite,
  releaseDelegateSlotWrite,
  roleChangeWrite,
  takeDelegateSlotWrite,
} from './repository';
import { normaliseEmail } from './rules';
import type { InviteDelegateInput, InviteUserInput, UserView } from './schemas';
import { userView } from './views';

/**
 * Accounts: self sign-up, invitations, delegation, role changes, deactivation. The same use cases run in AWS
 * (Cognito directory) and locally (the table as directory): see ./directory.ts.
 */

export interface SignedUpAccount {
  userId: string;
  email: string;
  displayName: string;
  organisation: string;
}

/**
 * A person who signed up and verified their e-mail becomes an applicant: a referent of no structure yet
 * (applying creates their structure). Run by the Cognito post-confirmation trigger in AWS and by the local
 * confirmation; `extra` carries the local credential's own change. A retried trigger finds the profile and
 * does nothing.
 */
export async function createSignedUpProfile(deps: Deps, account: SignedUpAccount, extra: Write[] = []): Promise<{ created: boolean }> {
  if (await getProfile(deps.db, account.userId)) return { created: false };
  const now = deps.now();
  const profile: UserProfile = {
    userId: account.userId,
    role: 'referent',
    displayName: account.displayName,
    email: normaliseEmail(account.email),
    organisation: account.organisation,
    createdAt: now.toISOString(),
    origin: 'sign-up',
  };
  await commit(
    deps.db,
    { userId: account.userId, role: 'referent' },
    [newProfileWrite(deps.db, profile), accountEmailWrite(deps.db, profile.email, profile.userId), outboxWrite(deps.db, welcomeMessage(profile, now)), ...extra],
    [{ action: 'account.signed-up', entityType: 'user', entityId: profile.userId, changes: { role: 'referent' } }],
    now,
  );
  return { created: true };
}

interface Invitation {
  email: string;
  displayName: string;
  organisation: string;
  role: Role;
  membership?: Omit<Membership, 'userId' | 'since'>;
}

/**
 * Creates the account in the directory, then profile, e-mail claim, membership (and delegate slot), the
 * invitation e-mail and the audit entry in one transaction; a refused transaction discards the account.
 */
async function invite(deps: Deps, actor: Principal & { displayName: string }, invitation: Invitation, more: (userId: string, since: string) => Write[]): Promise<UserView> {
  const now = deps.now();
  const since = now.toISOString();
  const email = normaliseEmail(invitation.email);
  const dir = directory();
  const created: CreatedAccount = await dir.createInvitedUser(deps.db, { email, displayName: invitation.displayName, role: invitation.role }, now);
  const profile: UserProfile = {
    userId: created.userId,
    role: invitation.role,
    displayName: invitation.displayName,
    email,
    organisation: invitation.organisation,
    createdAt: since,
    origin: 'invitation',
  };
  const delegate = invitation.membership?.relation === 'delegate';
  const message = invitationMessage(
    { userId: profile.userId, displayName: profile.displayName, role: profile.role, structureName: invitation.membership?.structureName, invitedBy: actor.displayName, activationToken: created.activationToken, delegate },
    now,
  );
  const writes = [
    newProfileWrite(deps.db, profile),
    accountEmailWrite(deps.db, email, profile.userId),
    ...(invitation.membership ? [newMembershipWrite(deps.db, { ...invitation.membership, userId: profile.userId, since })] : []),
    ...more(profile.userId, since),
    outboxWrite(deps.db, message),
    ...created.writes,
  ];
  try {
    await commit(deps.db, actor, writes, [
      {
        action: delegate ? 'account.delegate-invited' : 'account.invited',
        entityType: 'user',
        entityId: profile.userId,
        changes: { role: profile.role, ...(invitation.membership ? { structureId: invitation.membership.structureId, relation: invitation.membership.relation } : {}) },
      },
    ], now);
  } catch (error) {
    await dir.discardInvitedUser(created.userId);
    throw error;
  }
  return userView(profile);
}

const actorName = (me: { profile?: UserProfile }) => me.profile?.displayName ?? 'L’équipe Ansa';

/** Staff invite staff, a tutor, or the referent of a selected structure. */
export async function inviteUser(deps: Deps, me: { principal: Principal; profile?: UserProfile }, input: InviteUserInput): Promise<UserView> {
  assertRole(me.principal, ['staff']);
  let membership: Invitation['membership'];
  let organisation = input.organisation ?? (input.role === 'staff' ? 'Ansa' : input.role === 'tutor' ? 'A.CO.R.' : '');
  if (input.role === 'referent' && input.structureId) {
    const [essaime] = await listEssaimesOfStructure(deps.db, input.structureId);
    if (!essaime) throw unprocessable('STRUCTURE_UNKNOWN', 'No selected structure (essaimé) has this id', [{ path: 'body.structureId', message: 'Unknown structure' }]);
    membership = { structureId: essaime.structureId, structureName: essaime.structureName, relation: 'referent' };
    organisation = input.organisation ?? essaime.structureName;
  }
  return invite(deps, { ...me.principal, displayName: actorName(me) }, { email: input.email, displayName: input.displayName, organisation, role: input.role, membership }, () => []);
}

/**
 * The referent of a structure names a delegate (a colleague who acts as referent). At most one active
 * delegate per structure: the slot item is taken in the invitation's transaction, so two invitations sent
 * at once cannot both land.
 */
export async function inviteDelegate(deps: Deps, me: { principal: Principal; profile?: UserProfile; memberships: Membership[] }, structureId: string, input: InviteDelegateInput): Promise<UserView> {
  assertRole(me.principal, ['referent']);
  const own = me.memberships.find((m) => m.structureId === structureId && m.relation === 'referent');
  if (!own) throw forbidden('NOT_YOUR_STRUCTURE', 'Only the referent of this structure may name its delegate');
  return invite(
    deps,
    { ...me.principal, displayName: actorName(me) },
    { email: input.email, displayName: input.displayName, organisation: own.structureName, role: 'referent', membership: { structureId, structureName: own.structureName, relation: 'delegate' } },
    (userId, since) => [takeDelegateSlotWrite(deps.db, structureId, userId, since)],
  );
}

export async function listUsers(deps: Deps, actor: Principal, role: Role, page: PageQuery): Promise<Page<UserView>> {
  assertRole(actor, ['staff']);
  const found = await listUsersOfRole(deps.db, role, page);
  return { items: found.items.map(userView), nextCursor: found.nextCursor };
}

async function loadOther(deps: Deps, actor: Principal, userId: string): Promise<UserProfile> {
  assertRole(actor, ['staff']);
  if (userId === actor.userId) throw unprocessable('OWN_ACCOUNT', 'You cannot change your own role nor deactivate your own account');
  const profile = await getProfile(deps.db, userId);
  if (!profile) throw notFound('User');
  return profile;
}

/** Cognito's group first (a new token then carries the new role), then the profile, the source of truth. */
export async function changeRole(deps: Deps, actor: Principal, userId: string, role: Role): Promise<UserView> {
  const profile = await loadOther(deps, actor, userId);
  if (profile.role === role) throw conflict('ROLE_UNCHANGED', 'The user already has this role');
  const dir = directory();
  await dir.setGroup(userId, profile.role, role);
  try {
    await commit(deps.db, actor, [roleChangeWrite(deps.db, userId, profile.role, role)], [
      { action: 'account.role-changed', entityType: 'user', entityId: userId, changes: { from: profile.role, to: role } },
    ], deps.now());
  } catch (error) {
    await dir.setGroup(userId, role, profile.role);
    throw error;
  }
  return userView({ ...profile, role });
}

/** Structures where this user is the delegate (their slot is released on deactivation, taken back on return). */
async function delegateOf(deps: Deps, userId: string): Promise<string[]> {
  const { memberships } = await loadUser(deps.db, userId);
  return memberships.filter((m) => m.relation === 'delegate').map((m) => m.structureId);
}

/** Refused at once on every route (the profile is read on each request), then disabled in the directory. */
export async function deactivateUser(deps: Deps, actor: Principal, userId: string): Promise<UserView> {
  const profile = await loadOther(deps, actor, userId);
  const now = deps.now();
  const slots = [];
  for (const structureId of await delegateOf(deps, userId)) {
    if ((await getDelegateSlot(deps.db, structureId))?.userId === userId) slots.push(releaseDelegateSlotWrite(deps.db, structureId, userId));
  }
  await commit(deps.db, actor, [deactivateWrite(deps.db, userId, now.toISOString()), ...slots], [
    { action: 'account.deactivated', entityType: 'user', entityId: userId, changes: { role: profile.role } },
  ], now);
  await directory().disable(userId);
  return userView({ ...profile, deactivatedAt: now.toISOString() });
}

/** A returning delegate takes their structure's slot back, refused if another delegate holds it now. */
export async function reactivateUser(deps: Deps, actor: Principal, userId: string): Promise<UserView> {
  const profile = await loadOther(deps, actor, userId);
  const now = deps.now();
  const slots = (await delegateOf(deps, userId)).map((structureId) => takeDelegateSlotWrite(deps.db, structureId, userId, now.toISOString()));
  await commit(deps.db, actor, [reactivateWrite(deps.db, userId), ...slots], [
    { action: 'account.reactivated', entityType: 'user', entityId: userId, changes: { role: profile.role } },
  ], now);
  await directory().enable(userId);
  const { deactivatedAt: _, ...active } = profile;
  return userView(active);
}

/**
 * The first administrator of a fresh deployment (npm run admin:bootstrap): a staff account created in the
 * directory with its profile, refused once the programme has any staff member (then staff invite).
 */
export async function bootstrapAdministrator(deps: Deps, input: { email: string; displayName: string }): Promise<UserView> {
  const existing = await listUsersOfRole(deps.db, 'staff', { limit: 1 });
  if (existing.items.length) throw conflict('CONFLICT', 'The programme already has a staff member: invite from the Utilisateurs page');
  const actor = { userId: 'bootstrap', role: 'staff' as const, structureIds: [], displayName: 'L’équipe Ansa' };
  return invite(deps, actor, { email: input.email, displayName: input.displayName, organisation: 'Ansa', role: 'staff' }, () => []);
}
