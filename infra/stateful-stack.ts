import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { roles, type Role } from '../shared/access/principal';
import { tableSchema } from '../shared/db/table';
import { PostConfirmationTrigger } from './constructs/accounts';
import { DocumentsBucket } from './constructs/documents-bucket';
import type { Settings } from './settings';

export interface StatefulStackProps extends StackProps {
  settings: Settings;
}

/** Group precedence: when a user is in several groups, the lowest number wins (same order as roleFromClaims). */
const groupPrecedence: Record<Role, number> = { staff: 0, tutor: 1, referent: 2 };

const groupDescriptions: Record<Role, string> = {
  staff: 'Ansa programme staff: calls, selection, training, evaluation',
  tutor: 'A.CO.R. tutors following the structures assigned to them',
  referent: 'Referents of the selected structures',
};

/**
 * What must outlive any redeployment: the single table and the user pool. Both are retained when the stack
 * is deleted and protected against deletion; the stateless stacks can be destroyed and recreated freely.
 */
export class StatefulStack extends Stack {
  public readonly table: Table;
  public readonly userPool: UserPool;
  public readonly webClient: UserPoolClient;
  public readonly domain: UserPoolDomain;
  public readonly groups: Record<Role, UserPoolGroup>;
  /** The private bucket of attached documents. */
  public readonly documents: DocumentsBucket;

  public constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { settings } = props;

    // The table, from the same key schema as DynamoDB Local (shared/db/table.ts).
    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableSchema.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableSchema.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: tableSchema.ttlAttribute,
      // The outbox sender reads new OutboxMessage items from the stream.
      stream: StreamViewType.NEW_IMAGE,
    });
    for (const index of tableSchema.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    // Identity: applicants sign up themselves (e-mail verified; the post-confirmation trigger makes them an
    // applicant referent); staff, tutors and structure referents are invited (shared/accounts); one group per role.
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: settings.authThreatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(settings.authThreatProtection ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      userInvitation: {
        emailSubject: 'Votre accès au programme d’essaimage',
        emailBody:
          'Bonjour,<br><br>Un compte a été créé pour vous sur l’outil du programme d’essaimage.<br>' +
          'Identifiant : {username}<br>Mot de passe provisoire : {####}<br><br>' +
          'À la première connexion, vous choisirez votre mot de passe et configurerez une application d’authentification.',
      },
      userVerification: {
        emailSubject: 'Votre code de vérification',
        emailBody: 'Votre code de vérification pour le programme d’essaimage : {####}',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (!settings.authThreatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG3',
        reason: 'Threat protection (Cognito Plus plan) was switched off for this deployment with the authThreatProtection=false context, as a cost decision.',
      });
    }

    new PostConfirmationTrigger(this, 'PostConfirmation', {
      userPool: this.userPool,
      table: this.table,
      webUrl: settings.webCallbackUrls[0] ? new URL(settings.webCallbackUrls[0]).origin : undefined,
    });

    this.groups = Object.fromEntries(
      roles.map((role) => [
        role,
        new UserPoolGroup(this, `Group-${role}`, {
          userPool: this.userPool,
          groupName: role,
          description: groupDescriptions[role],
          precedence: groupPrecedence[role],
        }),
      ]),
    ) as Record<Role, UserPoolGroup>;

    // The web app signs in through the hosted UI: authorization code grant with PKCE, a public client (no secret).
    this.webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: settings.webCallbackUrls,
        logoutUrls: settings.webLogoutUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: settings.authDomainPrefix ?? `essaimage-${Aws.ACCOUNT_ID}` },
    });

    // Documents: the web app PUTs them from its own origins (those it signs in from, and the CORS ones).
    const webOrigins = [...new Set([...settings.webCallbackUrls, ...settings.corsOrigins].map((url) => new URL(url).origin))];
    this.documents = new DocumentsBucket(this, 'Documents', { webOrigins });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'DocumentsBucketName', { value: this.documents.bucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.webClient.userPoolClientId });
    new CfnOutput(this, 'HostedUiBaseUrl', { value: this.domain.baseUrl() });
  }
}
