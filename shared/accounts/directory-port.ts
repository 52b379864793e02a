import type { Role } from '../access/principal';
import type { Db } from '../db/client';
import type { Write } from '../db/transact';

/**
 * Where accounts live: the Cognito user pool in AWS, the table locally (the local stand-in for Cognito).
 * The use cases (shared/accounts/use-cases.ts) are the same on both; only these calls differ. A local
 * adapter hands back table writes that join the use case's transaction; Cognito's calls happen before it,
 * and an invitation whose transaction is refused discards the user it created.
 */
export interface InvitedAccount {
  email: string;
  displayName: string;
  role: Role;
}

export interface CreatedAccount {
  userId: string;
  /** Writes that belong in the invitation's transaction (local credentials and invitation link). */
  writes: Write[];
  /** Local only: the one-time token of the "Activer mon compte" link, sent in the invitation e-mail. */
  activationToken?: string;
}

export interface Directory {
  readonly kind: 'cognito' | 'local';
  createInvitedUser(db: Db, account: InvitedAccount, now: Date): Promise<CreatedAccount>;
  /** Undoes createInvitedUser when the table refused the invitation (e-mail taken, delegate slot taken). */
  discardInvitedUser(userId: string): Promise<void>;
  setGroup(userId: string, from: Role, to: Role): Promise<void>;
  disable(userId: string): Promise<void>;
  enable(userId: string): Promise<void>;
}
