import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, type JobEntry } from '../../functions/jobs';
import { routes } from '../../functions/routes';
import { routeKey } from '../../shared/http/route';
import { ApiStack } from '../../infra/api-stack';
import { ApiFunction, esmRequireBanner, latestNodeRuntime } from '../../infra/constructs/api-function';
import { readSettings } from '../../infra/settings';
import { StatefulStack } from '../../infra/stateful-stack';
import { allStacks, cdkJsonContext, resourcesOf, synthApp, tempOutdir, templateOf, testContext, type SynthesizedApp } from './fixture';

/** The stacks with a given job registry (the real one may still be empty). */
function synthAppWithJobs(jobList: JobEntry[]) {
  const app = new App({ context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [], ...testContext }, builtinCloudFormationValidation: false, outdir: tempOutdir() });
  const settings = readSettings(app.node);
  const stateful = new StatefulStack(app, 'S', { settings });
  const api = new ApiStack(app, 'A', { settings, table: stateful.table, userPool: stateful.userPool, webClient: stateful.webClient, routes: [], jobs: jobList });
  app.synth();
  return { api };
}

let built: SynthesizedApp;
beforeAll(() => {
  built = synthApp();
});

const authorizerLogicalId = () => built.api.getLogicalId(built.api.api.node.findChild('CognitoJwt').node.defaultChild as never);
interface Statement {
  Action: string | string[];
  Effect: string;
  Resource: unknown;
}

/** The statements of a function's role policy, from the synthesized template of its stack. */
function statementsOf(fn: ApiFunction): Statement[] {
  const stack = Stack.of(fn);
  const roleId = stack.getLogicalId(fn.functionRole.node.defaultChild as never);
  return resourcesOf(templateOf(stack), 'AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties!.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as Statement[]);
}
const actionsOf = (fn: ApiFunction) => statementsOf(fn).flatMap((s) => [s.Action].flat());

/** The stacks this suite covers: stateful, API and the API's nested route stacks (the web stack has its own tests). */
const ownStacks = () => allStacks(built.app).filter((s) => s === built.stateful || s === built.api || s.nestedStackParent === built.api);

const apiFunctions = () => built.app.node.findAll().filter((c): c is ApiFunction => c instanceof ApiFunction);
const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) =>
  Stack.of(construct as never).getLogicalId(construct.node.defaultChild as never);

describe('the HTTP API routes, from the registry functions/routes.ts', () => {
  it('has one route and one function per registry entry, and no other route', () => {
    expect(routes.length).toBeGreaterThan(0);
    const keys = routes.map((r) => routeKey(r.spec));
    expect(new Set(keys).size).toBe(keys.length);
    expect([...built.api.httpRoutes.keys()].sort()).toEqual([...keys].sort());
    expect([...built.api.routeFunctions.keys()].sort()).toEqual([...keys].sort());
    const synthesizedKeys = ownStacks().flatMap((s) =>
      resourcesOf(templateOf(s), 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties!.RouteKey as string),
    );
    expect(synthesizedKeys.sort()).toEqual([...keys].sort());
    // One function per route, per job, plus the outbox sender and the user pool's post-confirmation trigger.
    expect(apiFunctions()).toHaveLength(routes.length + jobs.length + 2);
  });

  for (const { spec, entry } of routes) {
    const key = routeKey(spec);
    const isPublic = spec.access === 'public';

    it(`${key} → ${entry}: ${isPublic ? 'no authorizer (public)' : 'JWT authorizer'}, ${spec.method === 'GET' ? 'read-only' : 'read/write'} table access`, () => {
      const route = built.api.httpRoutes.get(key)!;
      const group = built.api.routeGroups.get(spec.tag)!;
      expect(Stack.of(route)).toBe(group);
      const template = templateOf(group);
      const [, resource] = resourcesOf(template, 'AWS::ApiGatewayV2::Route').find(([id]) => id === logicalIdOf(route))!;
      const props = resource.Properties!;
      expect(props.RouteKey).toBe(key);
      if (isPublic) {
        expect(props.AuthorizationType).toBe('NONE');
        expect(props.AuthorizerId).toBeUndefined();
      } else {
        expect(props.AuthorizationType).toBe('JWT');
        // The parent passes the id of its one JWT authorizer into the nested stack as a parameter.
        const parameter = props.AuthorizerId.Ref as string;
        const nested = group.nestedStackResource!;
        const [, stackResource] = resourcesOf(templateOf(built.api), 'AWS::CloudFormation::Stack').find(([id]) => id === built.api.getLogicalId(nested as never))!;
        expect(stackResource.Properties!.Parameters[parameter]).toEqual({ Ref: authorizerLogicalId() });
      }

      const fn = built.api.routeFunctions.get(key)!;
      expect(fn.node.scope).toBe(group);
      const actions = actionsOf(fn);
      expect(actions).toContain('dynamodb:GetItem');
      expect(actions).toContain('dynamodb:Query');
      const writes = actions.filter((a) => /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/.test(a));
      if (spec.method === 'GET') expect(writes).toEqual([]);
      else expect(writes.sort()).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    });
  }

  it('verifies tokens of the user pool web client (issuer = user pool, audience = client id)', () => {
    const template = templateOf(built.api);
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    const authorizer = resourcesOf(template, 'AWS::ApiGatewayV2::Authorizer')[0]![1].Properties!;
    expect(authorizer.AuthorizerType).toBe('JWT');
    expect(authorizer.IdentitySource).toEqual(['$request.header.Authorization']);
    const issuer = JSON.stringify(authorizer.JwtConfiguration.Issuer);
    // userPoolProviderUrl: https://cognito-idp.<region>.amazonaws.com/<pool id>, exported by the stateful stack.
    expect(issuer).toContain(`${built.stateful.getLogicalId(built.stateful.userPool.node.defaultChild as never)}ProviderURL`);
    const audience = JSON.stringify(authorizer.JwtConfiguration.Audience);
    expect(audience).toContain(built.stateful.getLogicalId(built.stateful.webClient.node.defaultChild as never));
  });

  it('writes access logs (JSON, with the request id, no personal data) to a log group with a retention', () => {
    const template = templateOf(built.api);
    const stage = resourcesOf(template, 'AWS::ApiGatewayV2::Stage')[0]![1].Properties!;
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(stage.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [built.api.getLogicalId(built.api.accessLogs.node.defaultChild as never), 'Arn'] });
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format.requestId).toBe('$context.requestId');
    expect(stage.AccessLogSettings.Format).not.toMatch(/email|name/i);
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });
});

describe('every function', () => {
  it('runs on the latest Node.js runtime aws-cdk-lib knows (22 or newer), on ARM, from an ESM bundle', () => {
    expect(Number(/^nodejs(\d+)\.x$/.exec(latestNodeRuntime.name)?.[1])).toBeGreaterThanOrEqual(22);
    let count = 0;
    for (const stack of ownStacks()) {
      for (const [, fn] of resourcesOf(templateOf(stack), 'AWS::Lambda::Function')) {
        count += 1;
        expect(fn.Properties).toMatchObject({ Runtime: latestNodeRuntime.name, Architectures: ['arm64'], Handler: 'index.handler' });
      }
    }
    expect(count).toBe(apiFunctions().length);
    for (const fn of apiFunctions()) {
      expect(fn.bundlingOptions).toMatchObject({
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        externalModules: [],
        banner: esmRequireBanner,
        forceDockerBundling: false,
      });
    }
  });

  it('logs to its own log group with a retention, and may write only there', () => {
    for (const stack of ownStacks()) {
      const template = templateOf(stack);
      const groups = Object.fromEntries(resourcesOf(template, 'AWS::Logs::LogGroup'));
      for (const [, fn] of resourcesOf(template, 'AWS::Lambda::Function')) {
        const logGroupId = fn.Properties!.LoggingConfig.LogGroup.Ref as string;
        expect(groups[logGroupId]?.Properties?.RetentionInDays).toBeGreaterThan(0);
      }
    }
    for (const fn of apiFunctions()) {
      const logStatements = statementsOf(fn).filter((s) => [s.Action].flat().some((a) => a.startsWith('logs:')));
      expect(logStatements).toEqual([
        { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Stack.of(fn).getLogicalId(fn.functionLogGroup.node.defaultChild as never), 'Arn'] } },
      ]);
      expect(Stack.of(fn).resolve((fn.functionRole.node.defaultChild as CfnRole).managedPolicyArns) ?? []).toHaveLength(0);
    }
  });

  it('has the table name and Powertools settings in its environment, and no Scan permission', () => {
    for (const fn of apiFunctions()) {
      const env = (Stack.of(fn).resolve((fn.node.defaultChild as { environment?: unknown }).environment) as { variables: Record<string, unknown> }).variables;
      expect(env).toMatchObject({ TABLE_NAME: expect.anything(), POWERTOOLS_SERVICE_NAME: 'essaimage', POWERTOOLS_LOG_LEVEL: 'INFO' });
      const actions = actionsOf(fn);
      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    }
  });

  it('keeps every template well under the CloudFormation limit of 500 resources', () => {
    for (const stack of ownStacks()) {
      expect(Object.keys(templateOf(stack).toJSON().Resources).length, stack.node.path).toBeLessThan(400);
    }
  });
});

describe('scheduled jobs, from the registry functions/jobs.ts', () => {
  it('has one function and one EventBridge Scheduler schedule per registered job', () => {
    expect([...built.api.jobFunctions.keys()].sort()).toEqual(jobs.map((j) => j.name).sort());
    templateOf(built.api).resourceCountIs('AWS::Scheduler::Schedule', jobs.length);
    for (const job of jobs) {
      const schedule = built.api.schedules.get(job.name)!;
      const props = resourcesOf(templateOf(built.api), 'AWS::Scheduler::Schedule').find(([id]) => id === logicalIdOf(schedule))![1].Properties!;
      expect(props.ScheduleExpression).toBe(job.schedule);
      // Calendar schedules follow French time (summer time included); rate() ignores the zone.
      expect(props.ScheduleExpressionTimezone).toBe(job.schedule.startsWith('cron(') ? 'Europe/Paris' : 'Etc/UTC');
      expect(props.Target.Arn).toEqual({ 'Fn::GetAtt': [logicalIdOf(built.api.jobFunctions.get(job.name)!), 'Arn'] });
    }
  });

  it('wires a job to its schedule (Paris time for cron expressions), with read/write table access', () => {
    const job: JobEntry = { name: 'send-reminders', entry: routes[0]!.entry, schedule: 'cron(0 7 ? * MON-FRI *)', description: 'Reminders', load: async () => ({ run: async () => ({}) }) };
    const app = synthAppWithJobs([job]);
    const template = templateOf(app.api);
    const fn = app.api.jobFunctions.get('send-reminders')!;
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      State: 'ENABLED',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [app.api.getLogicalId(fn.node.defaultChild as never), 'Arn'] } }),
    });
    expect(actionsOf(fn)).toContain('dynamodb:PutItem');
  });
});

describe('the outbox sender', () => {
  it('consumes only inserted OutboxMessage items from the table stream, with a failure queue', () => {
    const template = templateOf(built.api);
    const mapping = resourcesOf(template, 'AWS::Lambda::EventSourceMapping')[0]![1].Properties!;
    expect(mapping.FunctionName).toEqual({ Ref: built.api.getLogicalId(built.api.outboxSender.node.defaultChild as never) });
    expect(mapping.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(mapping.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [built.api.getLogicalId(built.api.outboxFailures.node.defaultChild as never), 'Arn'] });
    expect(JSON.parse(mapping.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { type: { S: ['OutboxMessage'] } } },
    });
  });

  it('may only read items by key and send from the configured sender identity', () => {
    const fn = built.api.outboxSender;
    const actions = actionsOf(fn);
    expect(actions.filter((a) => a.startsWith('dynamodb:') && !/Stream|Shard|GetRecords/.test(a))).toEqual(['dynamodb:GetItem']);
    const ses = statementsOf(fn).find((s) => s.Action === 'ses:SendEmail')!;
    expect(JSON.stringify(ses.Resource)).toContain(`identity/${testContext.senderEmail}`);
    expect(JSON.stringify(ses.Resource)).not.toContain('identity/*');
    const env = (built.api.resolve((fn.node.defaultChild as { environment?: unknown }).environment) as { variables: Record<string, unknown> }).variables;
    expect(env.SENDER_ADDRESS).toBe(testContext.senderEmail);
  });
});
