import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { conflict } from '../errors';
import { logger } from '../logger';
import type { Directory } from './directory-port';

/**
 * The Cognito user pool as the user directory (AWS). Users are named by their `sub` (the pool signs in by
 * e-mail; the Admin APIs accept the sub as the user name). Cognito sends the invitation with a temporary
 * password (the pool's French invitation template); the person chooses their password at first sign-in.
 */
export function cognitoDirectory(options: { userPoolId: string; client?: CognitoIdentityProviderClient }): Directory {
  const client = options.client ?? new CognitoIdentityProviderClient({});
  const UserPoolId = options.userPoolId;
  return {
    kind: 'cognito',
    createInvitedUser: async (_db, account) => {
      let sub: string | undefined;
      try {
        const out = await client.send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: account.email,
            UserAttributes: [
              { Name: 'email', Value: account.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: account.displayName },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
        sub = out.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
      } catch (error) {
        if (error instanceof UsernameExistsException || (error as Error).name === 'UsernameExistsException') {
          throw conflict('EMAIL_TAKEN', 'An account already exists with this e-mail address');
        }
        throw error;
      }
      if (!sub) throw new Error('Cognito created a user without sub');
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: sub, GroupName: account.role }));
      return { userId: sub, writes: [] };
    },
    discardInvitedUser: async (userId) => {
      try {
        await client.send(new AdminDeleteUserCommand({ UserPoolId, Username: userId }));
      } catch (error) {
        logger.error('Could not discard an invited Cognito user', { error: error as Error });
      }
    },
    setGroup: async (userId, from, to) => {
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: userId, GroupName: to }));
      await client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: userId, GroupName: from }));
    },
    disable: async (userId) => {
      await client.send(new AdminDisableUserCommand({ UserPoolId, Username: userId }));
    },
    enable: async (userId) => {
      await client.send(new AdminEnableUserCommand({ UserPoolId, Username: userId }));
    },
  };
}
