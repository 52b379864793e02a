import { createHash, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Pure rules of accounts: the password policy (the same as the Cognito user pool's, infra/stateful-stack.ts),
 * and the secrets of the local stand-in for Cognito: scrypt password hashes, one-time codes and tokens,
 * of which only a SHA-256 is stored.
 */
export const passwordPolicy = { minLength: 12 } as const;

export type PasswordWeakness = 'length' | 'lowercase' | 'uppercase' | 'digit' | 'symbol';

/** What the password lacks; empty when it is strong enough. */
export function passwordWeaknesses(password: string): PasswordWeakness[] {
  const missing: PasswordWeakness[] = [];
  if ([...password].length < passwordPolicy.minLength) missing.push('length');
  if (!/\p{Ll}/u.test(password)) missing.push('lowercase');
  if (!/\p{Lu}/u.test(password)) missing.push('uppercase');
  if (!/[0-9]/.test(password)) missing.push('digit');
  if (!/[^\p{L}0-9\s]/u.test(password)) missing.push('symbol');
  return missing;
}

const scryptParams = { N: 16384, r: 8, p: 1 } as const;
const keyLength = 32;

/** `scrypt$<salt>$<hash>` (hex), salted per password. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, keyLength, scryptParams);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export function verifyPassword(password: string, stored: string | null): boolean {
  const [scheme, saltHex, hashHex] = (stored ?? '').split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(saltHex, 'hex'), expected.length, scryptParams);
  return timingSafeEqual(actual, expected);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The hash that keys an account's e-mail (trimmed, lower-cased), so the key holds no e-mail in clear. */
export const accountEmailHash = (email: string): string => sha256(email.trim().toLowerCase());

/** A six-digit e-mail verification code, as Cognito sends. */
export const newVerificationCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** An invitation link's token: 32 random bytes, URL-safe. */
export const newInvitationToken = (): string => randomBytes(32).toString('base64url');

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Wrong codes tolerated before a pending sign-up must start again. */
export const maxFailedCodes = 5;
export const signUpValidityHours = 24;
export const invitationValidityDays = 7;
