import { randomUUID } from 'node:crypto';
import type { Directory } from './directory-port';
import { putCredentialWrite, putInvitationWrite } from './repository';
import { invitationValidityDays, newInvitationToken, sha256 } from './rules';

/**
 * The table as the user directory (local runs): an invited person gets a credential without password and a
 * one-time link to set it. Groups need nothing here: the local sign-in signs tokens with the profile's role,
 * and a deactivated profile cannot sign in (scripts/local/accounts.ts).
 */
export const localDirectory: Directory = {
  kind: 'local',
  createInvitedUser: async (db, account, now) => {
    const userId = randomUUID();
    const activationToken = newInvitationToken();
    const expires = new Date(now.getTime() + invitationValidityDays * 86_400_000);
    return {
      userId,
      activationToken,
      writes: [
        putCredentialWrite(db, {
          userId,
          email: account.email,
          displayName: account.displayName,
          organisation: '',
          state: 'invited',
          passwordHash: null,
          codeHash: null,
          failedCodes: 0,
          createdAt: now.toISOString(),
        }),
        putInvitationWrite(db, sha256(activationToken), userId, now, expires),
      ],
    };
  },
  discardInvitedUser: async () => undefined,
  setGroup: async () => undefined,
  disable: async () => undefined,
  enable: async () => undefined,
};
