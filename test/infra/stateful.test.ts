import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../shared/access/principal';
import { createTableInput, tableSchema } from '../../shared/db/table';
import { resourcesOf, synthApp, templateOf, testContext, type SynthesizedApp } from './fixture';

let built: SynthesizedApp;
beforeAll(() => {
  built = synthApp();
});

const stateful = () => templateOf(built.stateful);

describe('the table (stateful stack)', () => {
  it('has the key schema and indexes of shared/db/table.ts, the one DynamoDB Local uses', () => {
    const local = createTableInput('local');
    const tables = resourcesOf(stateful(), 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const props = tables[0]![1].Properties!;
    expect(props.KeySchema).toEqual(local.KeySchema);
    expect([...props.AttributeDefinitions].sort((a, b) => a.AttributeName.localeCompare(b.AttributeName))).toEqual(
      [...local.AttributeDefinitions].sort((a, b) => a.AttributeName.localeCompare(b.AttributeName)),
    );
    expect(props.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: tableSchema.ttlAttribute, Enabled: true });
  });

  it('is on-demand, with point-in-time recovery, deletion protection and a NEW_IMAGE stream', () => {
    stateful().hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('is retained when the stack is deleted or the table replaced', () => {
    stateful().hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('the user pool (stateful stack)', () => {
  it('admits self sign-up with a verified e-mail, asks for a strong password and MFA, and is retained', () => {
    stateful().hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: false }),
        AutoVerifiedAttributes: ['email'],
        UsernameAttributes: ['email'],
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: Match.anyValue(),
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        DeletionProtection: 'ACTIVE',
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      }),
    });
    const pool = resourcesOf(stateful(), 'AWS::Cognito::UserPool')[0]![1].Properties!;
    expect(pool.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
  });

  it('runs the post-confirmation trigger: a function that writes the table and may only add users to groups of this pool', () => {
    const template = stateful();
    const pool = resourcesOf(template, 'AWS::Cognito::UserPool')[0]![1].Properties!;
    const triggerArn = pool.LambdaConfig?.PostConfirmation;
    expect(triggerArn, 'LambdaConfig.PostConfirmation').toBeDefined();
    const [fnId] = triggerArn['Fn::GetAtt'] as [string, string];
    const fn = template.toJSON().Resources[fnId];
    expect(fn.Type).toBe('AWS::Lambda::Function');
    expect(fn.Properties.Environment.Variables.TABLE_NAME).toBeDefined();
    template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 'cognito-idp.amazonaws.com', FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] } });
    const poolId = resourcesOf(template, 'AWS::Cognito::UserPool')[0]![0];
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'cognito-idp:AdminAddUserToGroup', Effect: 'Allow', Resource: { 'Fn::GetAtt': [poolId, 'Arn'] } }] },
    });
  });

  it('has one group per role, staff first', () => {
    const groups = resourcesOf(stateful(), 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties!);
    expect(groups.map((g) => g.GroupName).sort()).toEqual([...roles].sort());
    const precedence = Object.fromEntries(groups.map((g) => [g.GroupName, g.Precedence]));
    expect(precedence.staff).toBeLessThan(precedence.tutor);
    expect(precedence.tutor).toBeLessThan(precedence.referent);
  });

  it('has a public web client for the authorization code grant with PKCE (no secret, no implicit grant)', () => {
    stateful().hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayWith(['openid', 'email', 'profile']),
      CallbackURLs: [testContext.webCallbackUrls],
      LogoutURLs: [testContext.webLogoutUrls],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('serves the hosted UI on the domain prefix given in context', () => {
    stateful().hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: testContext.authDomainPrefix });
  });

  it('can drop threat protection (Plus plan) by context, as a recorded cost decision', () => {
    const essentials = synthApp({ authThreatProtection: 'false' });
    templateOf(essentials.stateful).hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'ESSENTIALS',
      UserPoolAddOns: Match.absent(),
    });
  });
});
