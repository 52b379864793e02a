import {
  Annotations,
  CfnOutput,
  Duration,
  Fn,
  NestedStack,
  RemovalPolicy,
  Stack,
  TimeZone,
  Validations,
  type CfnElement,
  type StackProps,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPoolClient, UserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { jobs as jobRegistry, type JobEntry } from '../functions/jobs';
import { routes as routeRegistry, type RouteEntry } from '../functions/routes';
import { routeKey } from '../shared/http/route';
import { grantDirectory } from './constructs/accounts';
import { ApiFunction } from './constructs/api-function';
import { documentsAccessOf, documentsBucketName, grantDocuments } from './constructs/documents-bucket';
import type { Settings } from './settings';

export interface ApiStackProps extends StackProps {
  settings: Settings;
  /** The single table; it must have a stream (the outbox sender reads it). */
  table: ITable;
  userPool: UserPool;
  webClient: IUserPoolClient;
  /** Whether the documents bucket exists (stateful stack): only the functions of `documentsAccessOf` reach it, each with its own grant. @default true */
  documents?: boolean;
  /** @default the registry of functions/routes.ts */
  routes?: readonly RouteEntry[];
  /** @default the registry of functions/jobs.ts */
  jobs?: readonly JobEntry[];
}

/**
 * Whether the stack's CloudFront distribution is the API's only way in: yes unless CORS origins are set (a web
 * app served elsewhere then calls the execute-api endpoint directly).
 */
export const cloudFrontFrontsApi = (settings: Settings) => settings.corsOrigins.length === 0;

/**
 * The value CloudFront sends in x-origin-verify and the route functions expect (ORIGIN_VERIFY): the random UUID
 * CloudFormation gave the API stack, stable for its life, readable only inside the account, and free of any
 * secret store or custom resource.
 */
export const originVerifyOf = (apiStack: Stack): string => Fn.select(2, Fn.split('/', apiStack.stackId));

/** The route functions of one OpenAPI tag. */
export class RouteGroupStack extends NestedStack {}

export const outboxSenderEntry = 'functions/notifications/send-outbox.ts';

/** A construct id from a free label (tag, job name): letters and digits only, PascalCase. */
export const constructIdOf = (label: string) =>
  label
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');

/**
 * Everything stateless: the HTTP API with its JWT authorizer and access logs, one function per route of
 * functions/routes.ts, one scheduled function per job of functions/jobs.ts, and the outbox sender on the
 * table stream.
 *
 * Route functions are grouped in one nested stack per OpenAPI tag. Each route costs 7 CloudFormation
 * resources (function, role, policy, log group, permission, integration, route), so ~80 routes would not fit
 * in one template (limit 500); a tag is a stable grouping key, so adding a route never moves another one.
 */
export class ApiStack extends Stack {
  public readonly api: HttpApi;
  public readonly stage: HttpStage;
  public readonly accessLogs: LogGroup;
  public readonly authorizer: HttpJwtAuthorizer;
  /** Route key ("GET /me") → its function. */
  public readonly routeFunctions = new Map<string, ApiFunction>();
  /** Route key → its route construct. */
  public readonly httpRoutes = new Map<string, HttpRoute>();
  /** OpenAPI tag → the nested stack holding its routes. */
  public readonly routeGroups = new Map<string, RouteGroupStack>();
  /** Job name → its function. */
  public readonly jobFunctions = new Map<string, ApiFunction>();
  public readonly schedules = new Map<string, Schedule>();
  public readonly outboxSender: ApiFunction;
  public readonly outboxFailures: Queue;

  public constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { settings, table } = props;
    const functionDefaults = { table, logLevel: settings.logLevel, tracing: settings.tracing };
    const routeEnvironment: Record<string, string> = cloudFrontFrontsApi(settings) ? { ORIGIN_VERIFY: originVerifyOf(this) } : {};

    // --- HTTP API ------------------------------------------------------------------------------------------
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: 'essaimage',
      description: 'Essaimage programme manager API',
      createDefaultStage: false,
      ...(settings.corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: settings.corsOrigins,
              allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
              allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE],
              exposeHeaders: ['x-correlation-id', 'content-disposition', 'idempotent-replayed'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // No personal data: the caller appears only as the token's opaque subject.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            subject: '$context.authorizer.claims.sub',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });

    // Tokens of the user pool's web client: API Gateway checks signature, issuer, expiry and audience
    // (aud on ID tokens, client_id on access tokens) and hands the claims to the handler.
    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', props.userPool.userPoolProviderUrl, {
      jwtAudience: [props.webClient.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });

    // --- One function per route -------------------------------------------------------------------------
    for (const { spec, entry } of props.routes ?? routeRegistry) {
      const key = routeKey(spec);
      const group = this.routeGroup(spec.tag);
      const documentsAccess = props.documents === false ? undefined : documentsAccessOf[spec.operationId];
      const fn = new ApiFunction(group, spec.operationId, {
        ...functionDefaults,
        entry,
        environment: documentsAccess ? { ...routeEnvironment, ATTACHMENTS_BUCKET: documentsBucketName() } : routeEnvironment,
        description: `${key} - ${spec.summary}`.slice(0, 256),
        // GET routes only read; everything else may write (through commit()).
        tableAccess: spec.method === 'GET' ? 'read' : 'readwrite',
      });
      if (documentsAccess) grantDocuments(fn, documentsAccess);
      if (spec.tag === 'accounts') grantDirectory(fn, props.userPool, props.settings.webCallbackUrls[0] ? new URL(props.settings.webCallbackUrls[0]).origin : undefined);
      const isPublic = spec.access === 'public';
      const route = new HttpRoute(group, `${spec.operationId}Route`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(spec.path, HttpMethod[spec.method]),
        integration: new HttpLambdaIntegration(`${spec.operationId}Integration`, fn),
        authorizer: isPublic ? new HttpNoneAuthorizer() : this.authorizer,
      });
      if (isPublic) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${key} is public by design: its route spec says access 'public' (${spec.summary}).`,
        });
      }
      this.routeFunctions.set(key, fn);
      this.httpRoutes.set(key, route);
    }

    // --- Scheduled jobs ---------------------------------------------------------------------------------
    for (const job of props.jobs ?? jobRegistry) {
      const id = `Job${constructIdOf(job.name)}`;
      const fn = new ApiFunction(this, id, {
        ...functionDefaults,
        entry: job.entry,
        description: `Scheduled job ${job.name}: ${job.description}`.slice(0, 256),
        tableAccess: 'readwrite',
        timeout: Duration.minutes(5),
      });
      const timeZone = /^(cron|at)\(/.test(job.schedule) ? TimeZone.EUROPE_PARIS : undefined;
      const schedulerRole = new Role(this, `${id}SchedulerRole`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
        description: `Lets EventBridge Scheduler invoke the ${job.name} job`,
      });
      const schedule = new Schedule(this, `${id}Schedule`, {
        description: job.description.slice(0, 512),
        schedule: ScheduleExpression.expression(job.schedule, timeZone),
        target: new LambdaInvoke(fn, { role: schedulerRole, retryAttempts: 2, maxEventAge: Duration.hours(1) }),
      });
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: `grantInvoke also covers the versions and aliases of the ${job.name} job function (<arn>:*); the wildcard stays within that one function.`,
      });
      this.jobFunctions.set(job.name, fn);
      this.schedules.set(job.name, schedule);
    }

    // --- Outbox sender: new OutboxMessage items on the stream → SES -----------------------------------------
    this.outboxFailures = new Queue(this, 'OutboxFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.outboxFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the failure destination of the outbox stream consumer; a queue behind it would add nothing.',
    });

    this.outboxSender = new ApiFunction(this, 'OutboxSender', {
      ...functionDefaults,
      entry: outboxSenderEntry,
      description: 'Sends new outbox messages with SES',
      tableAccess: 'none',
      timeout: Duration.seconds(60),
      environment: { SENDER_ADDRESS: settings.senderEmail },
    });
    // Only what it does: read recipient profiles by key, send from the sender identity.
    this.outboxSender.allow(new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [table.tableArn] }));
    const senderDomain = settings.senderEmail.split('@')[1] ?? settings.senderEmail;
    this.outboxSender.allow(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: settings.senderEmail }),
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: senderDomain }),
        ],
      }),
    );
    this.outboxSender.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 10,
        retryAttempts: 3,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.outboxFailures),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { type: { S: FilterRule.isEqual('OutboxMessage') } } },
          }),
        ],
      }),
    );
    Validations.of(this.outboxSender.functionRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: "dynamodb:ListStreams (added by the stream event source) has no resource-level permission; reading records is limited to this table's stream.",
    });
    if (!settings.senderEmailGiven) {
      Annotations.of(this).addWarningV2(
        'essaimage:senderEmail',
        'No senderEmail context: the outbox sender uses a placeholder address. Deploy with -c senderEmail=<verified SES identity>.',
      );
    }

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
  }

  private routeGroup(tag: string): RouteGroupStack {
    let group = this.routeGroups.get(tag);
    if (!group) {
      group = new RouteGroupStack(this, `Routes${constructIdOf(tag)}`, { description: `Essaimage API routes tagged ${tag}` });
      this.routeGroups.set(tag, group);
    }
    return group;
  }
}
