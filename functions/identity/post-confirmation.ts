import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { createSignedUpProfile } from '../../shared/accounts/use-cases';
import { logger } from '../../shared/logger';
import { runtimeDeps } from '../../shared/runtime';

const cognito = new CognitoIdentityProviderClient({});

/**
 * Cognito post-confirmation trigger: a person who signed up and verified their e-mail becomes an applicant
 * (referent, no structure yet) through the same use case as the local confirmation, and joins the
 * `referent` group so that their tokens carry the role their profile holds. Idempotent: Cognito may retry.
 * A password reset confirms too (ConfirmForgotPassword): nothing to create then.
 */
export const handler = async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const attributes = event.request.userAttributes;
  const userId = attributes.sub;
  const email = attributes.email;
  if (!userId || !email) throw new Error('A confirmed user without sub or e-mail');
  const { created } = await createSignedUpProfile(runtimeDeps(), {
    userId,
    email,
    displayName: attributes.name || email,
    organisation: attributes['custom:organisation'] ?? '',
  });
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: event.userPoolId, Username: event.userName, GroupName: 'referent' }));
  logger.info('Signed-up user confirmed', { created });
  return event;
};
