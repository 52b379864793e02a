import { randomUUID } from 'node:crypto';
import type { z } from 'zod/mini';
import { commit } from '../db/transact';
import { DomainError, forbidden, unprocessable } from '../errors';
import type { LocalCredential } from '../identity/account-schemas';
import { isActiveProfile } from '../identity/principal';
import { getProfile } from '../identity/repository';
import type { UserProfile } from '../identity/schemas';
import { outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { signUpCodeMessage } from './messages';
import { getCredential, getInvitation, putCredentialWrite, replaceCredentialWrite, useInvitationWrite, userIdOfEmail } from './repository';
import { hashPassword, invitationValidityDays, maxFailedCodes, newVerificationCode, normaliseEmail, passwordWeaknesses, sha256, signUpValidityHours, verifyPassword } from './rules';
import type { activateBody, confirmSignUpBody, signInBody, signUpBody } from './schemas';
import { createSignedUpProfile } from './use-cases';

/**
 * The local stand-in for Cognito's own operations (local runs only; served by scripts/local/accounts.ts):
 * SignUp, ConfirmSignUp, InitiateAuth and the first password of an invited user. The profile is created by
 * the same use case as the AWS post-confirmation trigger.
 */

const weakPassword = (password: string) => {
  const missing = passwordWeaknesses(password);
  if (missing.length) {
    throw unprocessable('WEAK_PASSWORD', 'The password is too weak', missing.map((m) => ({ path: 'body.password', message: `Missing: ${m}`, code: m })));
  }
};

const codeInvalid = () => unprocessable('SIGN_UP_CODE_INVALID', 'This confirmation code is not valid or has expired');

export async function localSignUp(deps: Deps, input: z.output<typeof signUpBody>): Promise<{ userId: string }> {
  weakPassword(input.password);
  const email = normaliseEmail(input.email);
  if (await userIdOfEmail(deps.db, email)) throw new DomainError('EMAIL_TAKEN', 'An account already exists with this e-mail address');
  const now = deps.now();
  const userId = randomUUID();
  const code = newVerificationCode();
  const credential: LocalCredential = {
    userId,
    email,
    displayName: input.displayName,
    organisation: input.organisation,
    state: 'unconfirmed',
    passwordHash: hashPassword(input.password),
    codeHash: sha256(code),
    failedCodes: 0,
    createdAt: now.toISOString(),
  };
  const expires = new Date(now.getTime() + signUpValidityHours * 3_600_000);
  await commit(deps.db, { userId, role: 'referent' }, [putCredentialWrite(deps.db, credential, expires), outboxWrite(deps.db, signUpCodeMessage({ userId, displayName: input.displayName, code }, now))], [
    { action: 'account.sign-up-started', entityType: 'user', entityId: userId },
  ], now);
  return { userId };
}

export async function localConfirmSignUp(deps: Deps, input: z.output<typeof confirmSignUpBody>): Promise<UserProfile> {
  const credential = await getCredential(deps.db, input.userId);
  const now = deps.now();
  const expired = !credential || now.getTime() - Date.parse(credential.createdAt) > signUpValidityHours * 3_600_000;
  if (credential?.state !== 'unconfirmed' || expired || credential.failedCodes >= maxFailedCodes) throw codeInvalid();
  if (sha256(input.code) !== credential.codeHash) {
    const counted = { ...credential, failedCodes: credential.failedCodes + 1 };
    await commit(deps.db, { userId: credential.userId, role: 'referent' }, [replaceCredentialWrite(deps.db, counted, 'unconfirmed', credential.failedCodes)], [], now);
    throw codeInvalid();
  }
  const confirmed: LocalCredential = { ...credential, state: 'confirmed', codeHash: null };
  await createSignedUpProfile(deps, credential, [replaceCredentialWrite(deps.db, confirmed, 'unconfirmed', credential.failedCodes)]);
  return activeProfile(deps, credential.userId);
}

async function activeProfile(deps: Deps, userId: string): Promise<UserProfile> {
  const profile = await getProfile(deps.db, userId);
  if (profile?.deactivatedAt) throw forbidden('ACCOUNT_DEACTIVATED', 'This account has been deactivated by the programme team');
  if (!isActiveProfile(profile)) throw forbidden('NO_ACTIVE_PROFILE', 'Your account has no active profile in the programme');
  return profile;
}

/** Checked when the e-mail is unknown, so that the answer takes as long as for a wrong password. */
const dummyHash = hashPassword(randomUUID());

/** The same answer for an unknown e-mail and a wrong password (and the same work: a hash is checked either way). */
export async function localSignIn(deps: Deps, input: z.output<typeof signInBody>): Promise<UserProfile> {
  const userId = await userIdOfEmail(deps.db, input.email);
  const credential = userId ? await getCredential(deps.db, userId) : undefined;
  const matches = verifyPassword(input.password, credential?.passwordHash ?? dummyHash);
  if (!credential || !matches) throw new DomainError('INVALID_CREDENTIALS', 'Wrong e-mail address or password');
  if (credential.state !== 'confirmed') throw forbidden('ACCOUNT_NOT_CONFIRMED', 'Confirm your e-mail address before signing in');
  return activeProfile(deps, credential.userId);
}

/** An invited person sets their password through the one-time link, which then stops working. */
export async function localActivate(deps: Deps, input: z.output<typeof activateBody>): Promise<UserProfile> {
  const now = deps.now();
  const tokenHash = sha256(input.token);
  const invitation = await getInvitation(deps.db, tokenHash);
  const invalid = () => unprocessable('INVITATION_INVALID', 'This invitation link is not valid or has expired');
  if (!invitation || now.getTime() - Date.parse(invitation.createdAt) > invitationValidityDays * 86_400_000) throw invalid();
  weakPassword(input.password);
  const credential = await getCredential(deps.db, invitation.userId);
  if (credential?.state !== 'invited') throw invalid();
  const profile = await activeProfile(deps, credential.userId);
  const activated: LocalCredential = { ...credential, state: 'confirmed', passwordHash: hashPassword(input.password) };
  await commit(deps.db, { userId: credential.userId, role: profile.role }, [useInvitationWrite(deps.db, tokenHash), replaceCredentialWrite(deps.db, activated, 'invited', credential.failedCodes)], [
    { action: 'account.activated', entityType: 'user', entityId: credential.userId },
  ], now);
  return profile;
}
