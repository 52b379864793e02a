import type { Directory } from './directory-port';
import { cognitoDirectory } from './cognito-directory';
import { localDirectory } from './local-directory';

export type { CreatedAccount, Directory, InvitedAccount } from './directory-port';

let chosen: Directory | undefined;

/** Cognito when the function knows its user pool (USER_POOL_ID, set by the API stack), the table otherwise. */
export function directory(): Directory {
  if (chosen) return chosen;
  const userPoolId = process.env.USER_POOL_ID;
  chosen = userPoolId ? cognitoDirectory({ userPoolId }) : localDirectory;
  return chosen;
}

/** Tests point the use cases at a given directory (cognito-local); undefined goes back to the default. */
export function useDirectory(next: Directory | undefined): void {
  chosen = next;
}
