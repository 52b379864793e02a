import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type UserPool, UserPoolOperation } from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ApiFunction } from './api-function';

/** The Cognito admin actions the accounts routes use (shared/accounts/cognito-directory.ts), on this pool only. */
export const directoryActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
];

/** What an accounts route function needs to use the pool as its directory: its id, and the admin actions on it. */
export function grantDirectory(fn: ApiFunction, userPool: UserPool, webUrl: string | undefined): void {
  fn.addEnvironment('USER_POOL_ID', userPool.userPoolId);
  if (webUrl) fn.addEnvironment('WEB_URL', webUrl);
  fn.allow(new PolicyStatement({ actions: directoryActions, resources: [userPool.userPoolArn] }));
}

export interface PostConfirmationTriggerProps {
  userPool: UserPool;
  table: ITable;
  /** The web app, for the link of the welcome e-mail. */
  webUrl?: string;
}

/**
 * Self sign-up's last step: when a person confirms their e-mail, Cognito invokes this function, which creates
 * their profile (applicant referent, no structure) and puts them in the `referent` group.
 * The group grant is a Policy of its own: the pool depends on the function, so the function must not depend
 * on a policy naming the pool (a dependency cycle).
 */
export class PostConfirmationTrigger extends Construct {
  public readonly function: ApiFunction;

  public constructor(scope: Construct, id: string, props: PostConfirmationTriggerProps) {
    super(scope, id);
    this.function = new ApiFunction(this, 'Function', {
      entry: 'functions/identity/post-confirmation.ts',
      description: 'Cognito post-confirmation: the profile of a person who signed up',
      table: props.table,
      tableAccess: 'readwrite',
      timeout: Duration.seconds(5),
      environment: props.webUrl ? { WEB_URL: props.webUrl } : {},
    });
    props.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, this.function);
    new Policy(this, 'GroupPolicy', {
      roles: [this.function.functionRole],
      statements: [new PolicyStatement({ actions: ['cognito-idp:AdminAddUserToGroup'], resources: [props.userPool.userPoolArn] })],
    });
  }
}
